"""`make publish` and `make github`: refuse bad settings, fail on any warning, swap in atomically."""

import hashlib
import importlib
import logging
import os
import shutil
import signal
import subprocess
import time

import pytest

from tests.conftest import ROOT, TEST_CONTENT
from tools.publish import one_publish_at_a_time, publish

from .conftest import make_env, publish_site, site_url_env, world_readable_dir

SITE_URL = "https://example.org/practice-site"
# Pelican warns about an image with an empty alt text and names the file.
WARNING_ARTICLE = """\
Title: An article with a warning
Date: 2026-09-01
Modified: 2026-11-02
Category: Understanding trust
Tags: trust
Slug: an-article-with-a-warning
Step: 98
Summary: Pelican warns about the picture below.

<img alt="" src="picture.png">
"""


def snapshot(folder):
    """Every file's path and content hash: equal snapshots mean an untouched folder."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    base = world_readable_dir("publish-")
    yield publish_site(base / "output", SITE_URL)
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def warning_content(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(TEST_CONTENT, content)
    (content / "articles" / "98-an-article-with-a-warning.md").write_text(WARNING_ARTICLE)
    return content


def test_publish_writes_the_feed_and_headers_and_absolute_urls(published):
    assert (published / "feeds" / "all.atom.xml").is_file()
    assert not (published / "feeds" / "understanding-trust.atom.xml").exists()
    assert list(published.glob("feeds/*")) == [published / "feeds" / "all.atom.xml"]
    assert (published / "_headers").read_text() == (ROOT / "deploy" / "_headers").read_text()
    assert f'href="{SITE_URL}/what-trust-is/"' in (published / "index.html").read_text()
    assert published.stat().st_mode & 0o005 == 0o005, "the web server (user nobody) must be able to read it"


def test_a_failed_publish_leaves_the_previous_output_untouched(published, warning_content):
    before = snapshot(published)
    result = subprocess.run(
        ["make", "--no-print-directory", "publish", f"INPUTDIR={warning_content}", f"OUTPUTDIR={published}"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env=make_env(SITEURL=SITE_URL),
    )
    assert result.returncode != 0
    assert "WARNING" in result.stderr and "98-an-article-with-a-warning.md" in result.stderr, result.stderr
    assert "Nothing was published" in result.stderr
    assert snapshot(published) == before
    assert sorted(path.name for path in published.parent.iterdir()) == [".output.lock", "output"], "a temporary folder was left"


def test_a_clean_publish_replaces_the_output(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    (output / "stale.html").write_text("from an old build")
    publish_site(output, SITE_URL)
    assert not (output / "stale.html").exists()
    assert (output / "index.html").is_file()
    assert sorted(path.name for path in tmp_path.iterdir()) == [".output.lock", "output"]


@pytest.mark.parametrize("site_url, message", [
    (None, "SITEURL is not set"),
    ("", "SITEURL is not set"),
    ("example.org/practice-site", "must be a full http(s) address"),
    ("ftp://example.org", "must be a full http(s) address"),
])
def test_publish_refuses_a_missing_or_wrong_siteurl(tmp_path, caplog, monkeypatch, site_url, message):
    if site_url is None:
        monkeypatch.delenv("SITEURL", raising=False)
    else:
        monkeypatch.setenv("SITEURL", site_url)
    with caplog.at_level(logging.ERROR):
        problems = publish(str(ROOT / "publishconf.py"), output=str(tmp_path / "output"))
    assert problems == 1
    assert any(message in record.getMessage() and "publishconf.py" in record.getMessage() for record in caplog.records)
    assert not (tmp_path / "output").exists()


def test_publish_refuses_an_empty_consultation_url(tmp_path, caplog, monkeypatch):
    # Pelican re-imports pelicanconf.py into sys.modules on every build: patch the current one.
    monkeypatch.setattr(importlib.import_module("pelicanconf"), "CONSULTATION_URL", "")
    with site_url_env(SITE_URL), caplog.at_level(logging.ERROR):
        problems = publish(str(ROOT / "publishconf.py"), output=str(tmp_path / "output"))
    assert problems == 1
    assert any("CONSULTATION_URL is empty" in record.getMessage() for record in caplog.records)


def git(*args, cwd=None, env=None):
    result = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return result.stdout


def test_make_github_publishes_to_a_gh_pages_branch(tmp_path):
    remote = tmp_path / "remote.git"
    clone = tmp_path / "clone"
    git("init", "--quiet", "--bare", str(remote))
    git("clone", "--quiet", str(remote), str(clone))
    # No git identity anywhere: the Makefile must still give the commit an author.
    env = make_env(SITEURL="https://example.github.io/practice-site", GIT_DIR=str(clone / ".git"),
                   GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        env.pop(name, None)
    result = subprocess.run(
        ["make", "--no-print-directory", "github", f"OUTPUTDIR={tmp_path / 'output'}", f"GITHUB_PAGES_REMOTE={remote}"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    files = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split()
    assert {"index.html", ".nojekyll", "_headers", "feeds/all.atom.xml", "what-trust-is/index.html"} <= set(files)
    author = git("log", "-1", "--format=%an <%ae>", "gh-pages", cwd=remote).strip()
    assert author and not author.startswith("<"), author
    page = git("show", "gh-pages:index.html", cwd=remote)
    assert 'href="https://example.github.io/practice-site/' in page


def test_the_pages_workflow_builds_with_make_publish_and_the_official_actions():
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    uses = {step["uses"].partition("@")[0] for step in steps if "uses" in step}
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= uses
    build = next(step["run"] for step in steps if "make publish" in step.get("run", ""))
    assert "SITEURL=" in build and "steps.pages.outputs.base_url" in build
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


SLOW_PLUGIN = """
import os, time
from pathlib import Path
from pelican import signals

def hold(generators):
    Path(os.environ["PUBLISH_MARK"]).write_text(str(os.getpid()))
    time.sleep(120)

def register():
    signals.all_generators_finalized.connect(hold)
"""


def start_slow_publish(tmp_path, output):
    """`make publish` whose build waits, after reading every file, long enough to be stopped."""
    (tmp_path / "slow_plugin.py").write_text(SLOW_PLUGIN)
    settings = tmp_path / "slowconf.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom publishconf import *\n"
                        f"PLUGIN_PATHS = PLUGIN_PATHS + [{str(tmp_path)!r}]\n"
                        "PLUGINS = PLUGINS + ['slow_plugin']\n")
    mark = tmp_path / "building.pid"
    make = subprocess.Popen(
        ["make", "-s", "publish", f"PUBLISHCONF={settings}", f"OUTPUTDIR={output}"],
        cwd=ROOT, env=make_env(SITEURL=SITE_URL, PUBLISH_MARK=str(mark)),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    for _ in range(1200):
        if mark.exists() and mark.read_text():
            return make, int(mark.read_text())
        assert make.poll() is None, make.communicate()[0]
        time.sleep(0.1)
    make.kill()
    pytest.fail("the slow build never started")


def gone(pid, seconds=20):
    for _ in range(seconds * 10):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


# Ctrl+C in a terminal sends SIGINT to the whole group; a supervisor sends SIGTERM to make.
@pytest.mark.parametrize("how", ["SIGTERM to make", "SIGINT to the group", "SIGKILL to make"])
def test_stopping_make_publish_stops_the_build_and_publishes_nothing(tmp_path, how):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("the site readers have now")
    before = snapshot(output)
    make, builder = start_slow_publish(tmp_path, output)
    signum = getattr(signal, how.split()[0])
    if how.endswith("group"):
        os.killpg(make.pid, signum)
    else:
        make.send_signal(signum)
    make_output = make.communicate(timeout=60)[0]
    # With SIGKILL, make cannot pass anything on: the build hears of it through its parent dying.
    assert gone(builder), f"the build (pid {builder}) kept running after {how}"
    assert snapshot(output) == before
    assert not list(tmp_path.glob(".output.new-*")) and not list(tmp_path.glob(".output.old-*"))
    assert "Traceback" not in make_output
    if how != "SIGKILL to make":
        assert "Publishing stopped" in make_output and "output is unchanged" in make_output.replace(str(output), "output")


def test_a_run_killed_outright_is_cleaned_up_by_the_next_one(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("the site readers have now")
    make, builder = start_slow_publish(tmp_path, output)
    os.killpg(make.pid, signal.SIGKILL)  # the whole group: nobody can clean up
    make.communicate(timeout=60)
    assert gone(builder)
    assert list(tmp_path.glob(".output.new-*")), "expected the half-built folder to be left behind"
    with one_publish_at_a_time(output):
        assert not list(tmp_path.glob(".output.new-*"))
    assert (output / "index.html").read_text() == "the site readers have now"


def test_a_run_killed_between_the_two_renames_gets_the_old_output_back(tmp_path):
    output = tmp_path / "output"
    old = tmp_path / ".output.old-abc123"
    old.mkdir()
    (old / "index.html").write_text("the site readers had")
    (tmp_path / ".output.new-def456").mkdir()
    with one_publish_at_a_time(output):
        assert (output / "index.html").read_text() == "the site readers had"
    assert sorted(path.name for path in tmp_path.iterdir()) == [".output.lock", "output"]


def test_publish_refuses_a_siteurl_with_a_space(tmp_path):
    result = subprocess.run(["make", "-s", "publish", f"OUTPUTDIR={tmp_path / 'out'}"], cwd=ROOT,
                            env=make_env(SITEURL="https://example.org/practice site"),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "SITEURL `https://example.org/practice site` contains a space" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "out").exists()


def test_publish_refuses_the_example_practice_unless_asked(tmp_path):
    """A fork that forgot to replace the example details cannot publish them by mistake."""
    result = subprocess.run(["make", "-s", "publish", f"OUTPUTDIR={tmp_path / 'out'}"], cwd=ROOT,
                            env=make_env(SITEURL=SITE_URL, PUBLISH_EXAMPLE_SITE=""),
                            capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and not (tmp_path / "out").exists()
    for named in ("[practice] name (PRACTICE_NAME) looks like an example: `Kestrel & Fern Couples Therapy` is the "
                  "made-up example practice's",
                  "[booking] couples (CONSULTATION_URL) looks like an example: `https://booking.example.org/",
                  "[practice] email (PRACTICE_EMAIL) looks like an example",
                  "[practice] phone (PRACTICE_PHONE) looks like an example: `+1 555 0142 0199` is a 555 number",
                  '[clinician] registration (CLINICIAN_DETAILS["registration"]) looks like an example',
                  '[french] registration (CLINICIAN_DETAILS["registration"]) looks like an example: `Ordre',
                  "tests/site/content/pages/about.md:4: this page still holds the example practice's text",
                  "tests/site/content/pages/book-a-consultation.md:5: this page still holds the example practice's text"):
        assert named in output, named
    # In practice.toml's own order, so the owner fixes the file from top to bottom.
    lines = ("[practice] name", "[practice] phone", "[practice] email", "[booking] couples", "[booking] individual",
             "[clinician] name", "[clinician] registration")
    assert sorted(lines, key=output.index) == list(lines)
    assert "PUBLISH_EXAMPLE_SITE=yes" in output and "Traceback" not in output


def test_publish_takes_a_practice_of_its_own(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(TEST_CONTENT, content)
    # "We wrote our own About and booking pages", in both languages.
    ours = {"Example: yes\n": "", "The practice named at the top of each page is an example: the name, the therapist "
            "and the contact details are made up for this site.": "Birch Lane is a small practice in Ottawa.",
            "Le cabinet nommé en haut de chaque page est un exemple. Le nom, la thérapeute et les coordonnées ont été "
            "inventés pour ce site.": "Birch Lane est un petit cabinet à Ottawa."}
    for page in [*(content / "pages").glob("*.md"), *(content / "fr" / "pages").glob("*.md")]:
        text = page.read_text(encoding="utf-8")
        for example, own in ours.items():
            text = text.replace(example, own)
        page.write_text(text, encoding="utf-8")
    settings = tmp_path / "ours.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom publishconf import *\n"
        'PRACTICE_NAME = SITENAME = "Birch Lane Counselling"\nPRACTICE_CLINICIAN = AUTHOR = "Sam Okafor, RP"\n'
        'PRACTICE_PHONE = "+1 613 555 2368"\nPRACTICE_EMAIL = "hello@birchlane.ca"\n'
        'CONSULTATION_URL = "https://birchlane.ca/book"\nINDIVIDUAL_CONSULTATION_URL = "https://birchlane.ca/book-for-one"\n'
        'CLINICIAN_DETAILS = {"registration": "College of Registered Psychotherapists of Ontario, no. 4821"}\n'
        'I18N_SUBSITES["fr"]["CLINICIAN_DETAILS"] = {"registration": "Ordre des psychothérapeutes autorisés de l\'Ontario, no 4821"}\n')
    result = subprocess.run(["make", "-s", "publish", f"PUBLISHCONF={settings}", f"INPUTDIR={content}",
                             f"OUTPUTDIR={tmp_path / 'out'}"], cwd=ROOT,
                            env=make_env(SITEURL=SITE_URL, PUBLISH_EXAMPLE_SITE=""),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Birch Lane Counselling" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
