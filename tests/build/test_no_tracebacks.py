"""Mistakes that used to end `make html` in a traceback now end in a plain message that
names the file (and line, where there is one), and valid content that used to crash builds.

Each case runs the real `make html` on a small site.
"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import TEST_CONTENT, site_make_env

ROOT = Path(__file__).resolve().parents[2]
HEADER = ("Title: {title}\nDate: {date}\nModified: 2026-11-01\nCategory: The impact\n{tags}"
          "Slug: {slug}\nStep: {step}\nSummary: A short test article.\n{extra}\nSome text.\n")


def article(title="A test", slug="a-test", step=1, tags="Tags: trust\n", date="2026-09-01", extra=""):
    return HEADER.format(title=title, slug=slug, step=step, tags=tags, date=date, extra=extra)


def make_html(tmp_path, articles, pages=True, settings=None, options=()):
    content = tmp_path / "content"
    if pages:
        shutil.copytree(TEST_CONTENT / "pages", content / "pages")
    (content / "articles").mkdir(parents=True)
    for name, text in articles.items():
        path = content / "articles" / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    command = ["make", "-s", "html", f"INPUTDIR={content}", f"OUTPUTDIR={tmp_path / 'out'}"]
    if settings:
        command.append(f"CONFFILE={settings}")
    command += list(options)
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, env=site_make_env())
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    return result.returncode, output


@pytest.mark.parametrize("status", ["draft", "hidden"])
def test_a_draft_or_hidden_article_builds(tmp_path, status):
    # A draft is written only for a preview asked for on purpose (tests/build/test_only_what_is_meant.py).
    code, output = make_html(tmp_path, {"a.md": article(extra=f"Status: {status}\n"),
                                        "b.md": article("Other", "other", 2)}, options=["DRAFTS=yes"])
    assert code == 0, output
    folder = "drafts/a-test.html" if status == "draft" else "a-test/index.html"
    page = (tmp_path / "out" / folder).read_text()
    assert re.search(r"article-meta__readtime\">1 min read<", page)


def test_a_site_with_only_articles_builds(tmp_path):
    code, output = make_html(tmp_path, {"a.md": article()}, pages=False)
    assert code == 0, output
    assert (tmp_path / "out" / "robots.txt").read_text().startswith("User-agent: *")


@pytest.mark.parametrize("tags", ["", "Tags:\n"], ids=["no tags line", "empty tags"])
def test_an_article_without_tags_is_named_not_a_crash(tmp_path, tags):
    code, output = make_html(tmp_path, {"a.md": article(tags=tags)})
    assert code != 0
    assert "articles/a.md: the article has no `Tags` line in its header, or it is empty." in output


def test_two_articles_with_one_slug_name_both_files(tmp_path):
    code, output = make_html(tmp_path, {"a.md": article(slug="same"), "b.md": article("Two", "same", 2)})
    assert code != 0
    assert re.search(r"articles/b\.md: it would be written to `same/index\.html`, where \S*articles/a\.md "
                     r"is already written .*Give one of them its own `Slug:` line", output), output


def test_a_date_that_is_not_a_date_names_its_line(tmp_path):
    code, output = make_html(tmp_path, {"a.md": article(date="2026-13-45")})
    assert code != 0
    assert "articles/a.md:2: `Date: 2026-13-45` cannot be read" in output
    assert "Write the date as year-month-day, e.g. `Date: 2026-09-01`." in output


def test_a_file_not_saved_as_utf8_names_its_line(tmp_path):
    text = article().replace("Some text.", "Some text.\n\nCaf\u00e9.").encode("latin-1")
    code, output = make_html(tmp_path, {"a.md": text})
    line = text.decode("latin-1").splitlines().index("Caf\u00e9.") + 1
    assert code != 0
    assert f"articles/a.md:{line}: this file is not saved as UTF-8 text" in output


SETTINGS_MISTAKES = {
    "not Python": ('PRACTICE_NAME = "Kestrel', r"settings\.py:5: the settings file is not valid Python"),
    "unquoted name": ("HELP_REGION = CA", r"settings\.py:5: the settings file stopped with NameError: name 'CA'"),
    "path of plain names": ('LEARNING_PATH = ["Understanding trust", "The impact"]',
                            r"LEARNING_PATH in your settings file is not right: part 1 is 'Understanding trust'"),
    "empty path": ("LEARNING_PATH = []", r"LEARNING_PATH .* it is \[\]; it must list at least one part"),
    "campaign typo": ("CONSULTATION_CAMPAIGN_PARAMS = True",
                      r"`CONSULTATION_CAMPAIGN_PARAMS` is not a setting .* Did you mean CONSULTATION_CAMPAIGN_PARAMETERS\?"),
    "region typo": ('HELP_REGOIN = "US"', r"`HELP_REGOIN` is not a setting .* Did you mean HELP_REGION\?"),
    "exit typo": ('EXIT_ULR = "https://weather.gc.ca/"', r"Did you mean EXIT_URL\?"),
    "practice typo": ('PRACTISE_NAME = "A practice"', r"`PRACTISE_NAME` .* Did you mean PRACTICE_NAME\?"),
    "no practice name": ('PRACTICE_NAME = ""', r"`PRACTICE_NAME` must be set to a short text"),
    "space in booking URL": ('CONSULTATION_URL = "https:// booking.example.org/x"',
                             r"CONSULTATION_URL must be the practice's booking address .* 'https:// booking"),
    "quote in exit URL": ('EXIT_URL = \'https://weather.gc.ca/"x\'', r"EXIT_URL must be a neutral https:// page"),
    "clinician typo": ('CLINICIAN_DETAILS = {"languges": "English"}',
                        r'`CLINICIAN_DETAILS` has "languges", which the site does not show\. Did you mean "languages"\?'),
    "photo without words": ('CLINICIAN_DETAILS = {"photo": "images/me.jpg"}', r'has a "photo" but no "photo_alt"'),
    "review interval as text": ('REVIEW_INTERVAL_MONTHS = "12"',
                                r"`REVIEW_INTERVAL_MONTHS` must be a whole number of months, .* it is '12'\."),
    "reader left out": ('PLUGINS = [name for name in PLUGINS if name != "markdown_reader"]',
                        r"article_toc needs the `markdown_reader` plugin, .* add \"markdown_reader\" to PLUGINS"),
}


@pytest.mark.parametrize("mistake", SETTINGS_MISTAKES, ids=list(SETTINGS_MISTAKES))
def test_a_settings_mistake_is_named_without_a_traceback(tmp_path, mistake):
    line, expected = SETTINGS_MISTAKES[mistake]
    settings = tmp_path / "settings.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n\n{line}\n")
    code, output = make_html(tmp_path, {"a.md": article()}, settings=settings)
    assert code != 0
    assert re.search(expected, output), output


BLOCKED_MARKUP = {
    "inline script": ("<script>alert(1)</script>", "`<script` would be blocked by the site's Content-Security-Policy"),
    "event handler": ('<p><button onclick="go()">Go</button></p>', "`onclick=` would be blocked"),
    "style attribute": ('<div style="color: red">Red</div>', "`style=` would be blocked"),
    "javascript link": ('<p><a href="javascript:alert(1)">Go</a></p>', "`javascript:` would be blocked"),
    "missing file": ("[Gone]({filename}/articles/no-such-article.md)",
                     "the link to `/articles/no-such-article.md` points to a file that does not exist"),
}


@pytest.mark.parametrize("kind", BLOCKED_MARKUP, ids=list(BLOCKED_MARKUP))
def test_markup_the_policy_blocks_or_a_missing_link_fails_with_its_line(tmp_path, kind):
    markup, expected = BLOCKED_MARKUP[kind]
    text = article().replace("Some text.", f"Some text.\n\n{markup}\n")
    code, output = make_html(tmp_path, {"a.md": text})
    line = text.splitlines().index(markup) + 1
    assert code != 0
    assert f"articles/a.md:{line}: {expected}" in output, output


def test_markup_shown_as_code_is_fine(tmp_path):
    text = article().replace("Some text.", "Some text.\n\n```html\n<script>shown, not run</script>\n"
                                           '<p style="x" onclick="y">z</p>\n```\n')
    code, output = make_html(tmp_path, {"a.md": text})
    assert code == 0, output


RST_ARTICLE = """A test in reStructuredText
##########################

:date: 2026-09-01
:modified: 2026-11-01
:category: The impact
:tags: trust
:slug: in-rst
:step: 2
:summary: A short test article.

Some text.

/// checklist | Written in the wrong kind of file
    id: in-rst

- [ ] One.
///
"""


def test_a_checklist_in_a_restructuredtext_file_names_its_line(tmp_path):
    code, output = make_html(tmp_path, {"a.md": article(), "b.rst": RST_ARTICLE})
    assert code != 0
    assert "articles/b.rst:14: a `checklist` block only works in a Markdown file, and this one is .rst" in output


def test_a_mistake_after_a_quoted_checklist_names_its_own_line(tmp_path):
    quoted = ("> /// checklist | Quoted\n>     id: quoted\n>\n> - [ ] One.\n> ///\n\n"
              "/// checklist | Later\n    id: later\n\n- [ ] Two.\n- [ ] Two.\n///\n")
    text = article(extra="") + "\n" + quoted
    line = text.splitlines().index("- [ ] Two.") + 2
    code, output = make_html(tmp_path, {"a.md": text})
    assert code != 0
    assert f"articles/a.md:{line}: checklist block: the item `Two.` says the same as the item on line {line - 1}" in output


def test_an_article_past_its_review_date_is_named_and_shows_when_it_was_due(tmp_path):
    stale = article(extra="").replace("Modified: 2026-11-01", "Modified: 2024-02-29")
    code, output = make_html(tmp_path, {"a.md": stale})
    assert code == 0, output  # a warning: `make html` builds, `make publish` (which fails on warnings) stops
    assert "articles/a.md: this article was last reviewed on 2024-02-29, more than 12 months ago." in output
    page = (tmp_path / "out" / "a-test" / "index.html").read_text(encoding="utf-8")
    assert "next review due 28 February 2025" in page
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    code, output = make_html(fresh, {"a.md": article()})
    assert "last reviewed" not in output and "next review due 1 November 2027" in (
        fresh / "out" / "a-test" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("mistake", [
    'Text <span onclick="x">y</span>.',  # read by the English and the French run alike
    "Text [x]({filename}/articles/missing.md).",
])
def test_one_mistake_is_said_once_and_counted_once(tmp_path, mistake):
    code, output = make_html(tmp_path, {"a.md": article().replace("Some text.", mistake)})
    assert code != 0
    errors = [line for line in output.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, output
    assert "The build failed: 1 error(s) above. Fix what each one names" in output
