"""A therapist makes the site hers, as README "Use this for your practice" says, and her tests
stay green: the proof that the product's tests and the checks of content/ are apart.

A copy of the project (the files git knows, as they are now) gets a practice of its own: every
example article, diagram and example page is replaced by two short articles (one with a
checklist holding a safety item) and her own About page, keeping the pages the theme links from
every page; practice.toml gets her name, clinician, region, help list, Exit site and booking
addresses, with French turned off. Then `make test-fast` and `make publish` must pass there.
The copy uses this project's .venv (the Makefile's VENV=) and node_modules (a link), so nothing
is installed again. Its `make test-fast` starts as soon as this test is collected, at a low
priority, beside the rest of `make test` (tests/conftest.py): on a machine of two processors the
other tests leave one mostly idle, and the test itself then only waits for the result.
"""

import os
import shutil
import signal
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow  # a whole `make test-fast` of its own: `make test` only

SITE_URL = "https://northlight-counseling.com"

PRACTICE = """\
[practice]
name = "Northlight Counseling"
region = "Washington State, USA"
phone = "+1 206 437 2210"
email = "hello@northlight-counseling.com"
help_region = "US"
exit_url = "https://www.weather.gov/"
languages = ["en"]

[booking]
couples = "https://northlight-counseling.com/book/free-call"
individual = "https://northlight-counseling.com/book/call-for-one"

[clinician]
name = "Dana Whitfield"
credentials = "Licensed Marriage and Family Therapist"
registration = "Washington State Department of Health, license no. LF 60812345"
register_url = "https://fortress.wa.gov/doh/providercredentialsearch/"
approach = "Gottman Method couples therapy"
languages = "English"
formats = "Online anywhere in Washington; in person in Seattle"
location = "Seattle, Washington"
"""

ARTICLES = {
    "01-feeling-unheard.md": """\
Title: When you feel unheard
Date: 2027-01-10
Modified: 2027-01-10
Category: Understanding trust
Tags: listening, trust
Slug: feeling-unheard
Step: 1
Summary: Why small moments of not being heard add up, and one way to start talking again.

Many couples come to us because one partner feels unheard. It rarely starts with a big fight.
It starts with small moments. You say something that matters to you, and your partner looks at
the phone. You try again later, and the moment has passed.

## Why it adds up

Each missed moment is small. But over months, they teach you that reaching out may not work.
So you reach out less. Your partner may not even notice the change.

## A way to start

Pick a calm time. Say one thing you miss, not one thing your partner does wrong. For example:
"I miss telling you about my day." Then listen to the answer without planning your reply. It
is a small step, and it is a real one.
""",
    "02-a-weekly-check-in.md": """\
Title: A weekly check-in for two
Date: 2027-01-17
Modified: 2027-01-17
Category: Repair and rebuilding
Tags: repair, trust
Slug: a-weekly-check-in
Step: 2
Summary: A short list to go through together once a week, to notice what went well and what needs care.

A weekly check-in is a short talk you plan ahead. It gives worries a place to go before they
grow. Ten minutes is enough. Go through the list below on your own first, then talk about what
you ticked.

/// checklist | How did this week feel?
    id: weekly-check-in
    hint: Tick anything that was true for you this week.

- [ ] I felt listened to at least once.
- [ ] We laughed together.
- [ ] A small problem stayed small.
- [ ] I told my partner something I was worried about.
- [ ] I felt afraid of how my partner would react. {.safety}

//// reflection | 0
This week may have felt far apart. That happens. Pick one small thing to try next week.
////

//// reflection | 1-2
Some things went well. Name them to each other. It helps them happen again.
////

//// reflection | 3+
Much went well this week. Say thank you for one of those moments.
////
///

If this list brings up more than you can talk about alone, a therapist can help you sort it out.
""",
}

ABOUT = """\
Title: About the practice
Slug: about
Summary: Who we are and how we work with couples in Washington State.
Template: about

Northlight Counseling is a small practice in Seattle. We see couples and individuals, online
and in person.

We wrote these articles for couples who want to understand what is going on between them
before they decide what to do. Read them in any order. Nothing you tick on this site is sent
to us.

If you are afraid of your partner, please start with [Getting help now]({filename}getting-help-now.md).
"""

# The pages the theme links from every page (plugins/site_guard/linked_pages.py): kept.
KEPT_PAGES = {"getting-help-now.md", "leaving-this-site-quickly.md", "staying-safer-online.md", "privacy.md",
              "bring-to-your-first-session.md"}


def copy_project(target):
    """The files git knows (tracked, and new ones not ignored), as they are in the working tree,
    with their times kept: the shared .venv's install stamps stay newer than what they cover, so
    `make` installs nothing. A fork is a git repository, so the copy is one too."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode("utf-8").split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    subprocess.run(["git", "init", "-q"], cwd=target, check=True)


def make_it_hers(project):
    content = project / "content"
    for folder in ("articles", "fr", "images"):
        shutil.rmtree(content / folder, ignore_errors=True)
    (content / "library.toml").unlink()  # the example library's promises (tests/example_library)
    for page in (content / "pages").iterdir():
        if page.name not in KEPT_PAGES:
            page.unlink()
    (content / "articles").mkdir()
    for name, text in ARTICLES.items():
        (content / "articles" / name).write_text(text, encoding="utf-8")
    (content / "pages" / "about.md").write_text(ABOUT, encoding="utf-8")
    (project / "practice.toml").write_text(PRACTICE, encoding="utf-8")


def clean_env(**extra):
    """The environment for `make` in the copy: none of the outer run's settings."""
    outer = ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "PRACTICE_FILE", "INPUTDIR", "SITEURL", "PUBLISH_EXAMPLE_SITE")
    env = {key: value for key, value in os.environ.items() if key not in outer and not key.startswith("PYTEST_")}
    return {**env, **extra}


def make_command(*args):
    return ["make", "--no-print-directory", *args, f"VENV={ROOT / '.venv'}"]


class AdopterRun:
    """The copy, made hers, and its `make test-fast` running in the background."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="adopter-"))
        self.project = self.folder / "northlight"
        self.report = self.folder / "report.xml"
        self.log = self.folder / "test-fast.log"
        copy_project(self.project)
        make_it_hers(self.project)
        options = (f"-p no:cacheprovider --basetemp={self.folder / 'pytest'} --junitxml={self.report} "
                   "-o junit_family=xunit1")
        with open(self.log, "w", encoding="utf-8") as log:
            self.process = subprocess.Popen(["nice", "-n", "10", *make_command("test-fast")], cwd=self.project,
                                            env=clean_env(PYTEST_ADDOPTS=options), stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True)

    def tests_passed(self):
        """Wait for `make test-fast`: (its exit code, the end of what it printed)."""
        code = self.process.wait(timeout=900)
        return code, self.log.read_text(encoding="utf-8", errors="replace")[-6000:]

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def adopter_run(request):
    """The run tests/conftest.py started when this test was collected (or one of its own)."""
    run = getattr(request.config, "adopter_run", None)
    if run is None:
        run = request.config.adopter_run = AdopterRun()
    return run


@pytest.mark.timeout(900)  # a whole `make test-fast`, on a machine that may be busy
def test_a_practice_that_replaces_the_example_keeps_its_tests_green_and_publishes(adopter_run):
    code, said = adopter_run.tests_passed()
    assert code == 0, said
    cases = ET.parse(adopter_run.report).getroot().iter("testcase")
    ran = {f"{case.get('classname')}::{case.get('name')}": case for case in cases}
    assert not [name for name, case in ran.items() if case.find("skipped") is not None], "a test was skipped"
    # Her content was checked; the example library's promises and the French checks were not collected.
    assert "tests.content.test_readability::test_article_reading_grade[01-feeling-unheard]" in ran, sorted(ran)[:20]
    assert "tests.content.test_safety::test_every_checklist_has_a_safety_item_and_its_help_right_after_the_items" in ran
    assert not [name for name in ran if name.startswith(("tests.example_library", "tests.content.test_french"))]

    project = adopter_run.project
    published = subprocess.run(make_command("publish", f"SITEURL={SITE_URL}"), cwd=project, env=clean_env(),
                               capture_output=True, text=True, timeout=600)
    assert published.returncode == 0, published.stdout[-3000:] + published.stderr[-6000:]
    output = project / "output"
    home = (output / "index.html").read_text(encoding="utf-8")
    assert "Northlight Counseling" in home and "Dana Whitfield" in home
    assert 'href="https://www.weather.gov/"' in home
    assert not (output / "fr").exists()
    everything = " ".join(path.read_text(encoding="utf-8", errors="replace") for path in output.rglob("*.html"))
    for example in ("Kestrel", "Ines Marlow", "example.org", "weather.gc.ca"):
        assert example not in everything, example
    help_page = (output / "getting-help-now" / "index.html").read_text(encoding="utf-8")
    assert "National Domestic Violence Hotline" in help_page
