"""An author's mistake fails `make html` with the file, the line and what to write instead."""

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import TEST_CONTENT, site_make_env

ROOT = Path(__file__).resolve().parents[2]

GOOD_ARTICLE = """Title: A test article
Date: 2026-09-01
Modified: 2026-11-01
Category: The impact
Tags: trust
Slug: a-test-article
Step: 1
Summary: A short test article.

Some text.

{body}
"""

MISTAKES = {
    "misspelled block name": ("/// checklst | Title\n    id: x\n\n- [ ] One.\n///", 12, "Did you mean `checklist`?"),
    "never closed": ("/// checklist | Title\n    id: x\n\n- [ ] One.\n\nMore text.", 12, "never closed"),
    "unknown option": ("/// checklist | Title\n    id: x\n    colour: red\n\n- [ ] One.\n///", 14, "unknown option `colour`"),
    "bad YAML": ("/// checklist | Title\n    id: x\n    hint: a: b\n\n- [ ] One.\n///", 14,
                 "the text holds a colon, which would start another option"),
    "tab-indented option": ("/// checklist | Title\n\tid: x\n\n- [ ] One.\n///", 13,
                            "this option line is indented with a tab. Indent each option with four spaces"),
    "gap in reflections": ("/// checklist | Title\n    id: x\n\n- [ ] One.\n- [ ] Two.\n\n"
                           "//// reflection | 0\nNone.\n////\n///", 18, "no reflection covers 1-2 ticked"),
}


def make_html(content, output):
    return subprocess.run(["make", "-s", "html", f"INPUTDIR={content}", f"OUTPUTDIR={output}"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, env=site_make_env())


def site_with(tmp_path, body, slug="a-test-article"):
    content = tmp_path / "content"
    for folder in ["pages"]:
        if (TEST_CONTENT / folder).is_dir():
            shutil.copytree(TEST_CONTENT / folder, content / folder)
    (content / "articles").mkdir()
    (content / "articles" / f"{slug}.md").write_text(GOOD_ARTICLE.format(body=body))
    return content


@pytest.mark.parametrize("mistake", MISTAKES, ids=list(MISTAKES))
def test_make_html_fails_and_names_file_and_line(tmp_path, mistake):
    body, line, words = MISTAKES[mistake]
    content = site_with(tmp_path, body)
    result = make_html(content, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert f"a-test-article.md:{line}: " in output, output
    assert words in output, output
    assert "Traceback" not in output, output


def test_make_html_succeeds_on_a_good_article(tmp_path):
    content = site_with(tmp_path, "/// checklist | Title\n    id: x\n\n- [ ] One.\n///")
    result = make_html(content, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "out" / "a-test-article" / "index.html").is_file()


def test_missing_article_metadata_fails_the_build_naming_the_file(tmp_path):
    content = site_with(tmp_path, "Text.")
    article = content / "articles" / "a-test-article.md"
    article.write_text(article.read_text().replace("Summary: A short test article.\n", ""))
    result = make_html(content, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "a-test-article.md: the article has no `Summary` line" in output
    assert "Traceback" not in output


def test_a_bad_setting_stops_the_build_with_a_clear_message(tmp_path):
    settings = tmp_path / "settings.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
                        "CONSULTATION_URL = 'booking.example.org'\n")
    result = subprocess.run(["make", "-s", "html", f"CONFFILE={settings}", f"OUTPUTDIR={tmp_path / 'out'}"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "CONSULTATION_URL must be the practice's booking address" in output
    assert "Traceback" not in output


def test_a_byte_order_mark_at_the_start_of_a_file_is_accepted(tmp_path):
    """Some Windows editors save UTF-8 with a byte-order mark; the header is still read."""
    content = site_with(tmp_path, "More text.")
    article = content / "articles" / "a-test-article.md"
    article.write_bytes(b"\xef\xbb\xbf" + article.read_bytes())
    result = make_html(content, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "out" / "a-test-article" / "index.html").read_text(encoding="utf-8")
    assert "<title>A test article" in page
    assert "\ufeff" not in page


@pytest.mark.parametrize("where", ["header", "body"])
def test_a_nul_character_fails_the_build_naming_its_line(tmp_path, where):
    content = site_with(tmp_path, "More text.")
    article = content / "articles" / "a-test-article.md"
    text = article.read_text(encoding="utf-8")
    mark = "Tags: trust" if where == "header" else "Some text."
    text = text.replace(mark, mark[:4] + "\x00" + mark[4:])
    article.write_text(text, encoding="utf-8")
    line = next(number for number, row in enumerate(text.splitlines(), start=1) if "\x00" in row)
    result = make_html(content, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert (f"a-test-article.md:{line}: this file holds an invisible NUL character on line {line}; delete it "
            "or save the file again as UTF-8 text") in output, output
    assert "Traceback" not in output, output
    assert not (tmp_path / "out" / "a-test-article").exists()
    assert not [page for page in (tmp_path / "out").rglob("*.html") if b"\x00" in page.read_bytes()]


def test_a_nul_character_in_a_restructuredtext_file_names_its_line(tmp_path):
    content = site_with(tmp_path, "More text.")
    (content / "articles" / "b.rst").write_text("A test\n######\n\n:date: 2026-09-01\n\nSome\x00 text.\n",
                                                encoding="utf-8")
    result = make_html(content, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "articles/b.rst:6: this file holds an invisible NUL character on line 6" in output, output
    assert "Traceback" not in output, output


def test_each_mistake_is_said_once_counted_once_and_a_french_file_without_english_is_named(tmp_path):
    """Three files, one mistake each (read by the English run, and the French file by the French
    run again): three errors, each with its file and line, and no "Could not process" after
    them. A French file whose Slug no English file has builds, with a warning that names it."""
    content = site_with(tmp_path, "/// checklist | Title\n    id: x\n\n- [ ] One.\n///")
    articles, french = content / "articles", content / "fr" / "articles"
    french.mkdir(parents=True)
    (articles / "no-header.md").write_text("Just some text, with no header above it.\n")
    (articles / "typo.md").write_text(GOOD_ARTICLE.format(body="/// checklst | Title\n    id: x\n\n- [ ] One.\n///")
                                      .replace("a-test-article", "typo"))
    french_article = GOOD_ARTICLE.replace("Category: The impact", "Category: Les répercussions")
    (french / "a-test-article.md").write_text(french_article.format(body="- [ ] Une case hors d'une liste."))
    (french / "seul.md").write_text(french_article.format(body="Du texte.").replace("a-test-article", "a-tset-article"))
    result = make_html(content, tmp_path / "out")
    output = result.stdout + result.stderr
    errors = [line for line in output.splitlines() if line.startswith("ERROR")]
    assert result.returncode != 0 and "Traceback" not in output, output
    assert sorted(error.split(": ", 1)[0].split("content/", 1)[1] for error in errors) == [
        "articles/no-header.md:1", "articles/typo.md:12", "fr/articles/a-test-article.md:12"], output
    assert "Could not process" not in output
    assert "The build failed: 3 error(s) above." in output
    assert ("fr/articles/seul.md: this French article has no English version: no English article has "
            "`Slug: a-tset-article`") in output and "write `Slug: a-test-article` as that file does" not in output
    assert "Did you mean `Slug: a-test-article`?" in output
