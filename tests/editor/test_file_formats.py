"""The editor's two file formats, run in Node as the editor runs them: Pelican's `Key: value`
header (page/pelican-format.mjs) and practice.toml (page/practice-format.mjs).

Opening and saving a file unchanged gives back every byte; a changed value rewrites its own
line only; a new value goes where the site's files put it; and what is written is what Pelican
and Python's TOML reader read.
"""

import tomllib

from tests.conftest import ROOT, TEST_CONTENT, TEST_PRACTICE
from tests.editor.js import call, map_call

MARKDOWN_FILES = sorted(TEST_CONTENT.rglob("*.md"))
FORMAT = "pelican-format"


def open_file(text):
    return call(FORMAT, "pelicanFormat.fromFile", text)


def save(data):
    return call(FORMAT, "pelicanFormat.toFile", data)


def test_every_article_and_page_is_saved_back_byte_for_byte():
    texts = [path.read_text(encoding="utf-8") for path in MARKDOWN_FILES]
    opened = map_call(FORMAT, "pelicanFormat.fromFile", texts)
    saved = map_call(FORMAT, "pelicanFormat.toFile", opened)
    changed = [str(path.relative_to(ROOT)) for path, text, back in zip(MARKDOWN_FILES, texts, saved) if back != text]
    assert len(MARKDOWN_FILES) >= 40 and not changed, changed  # the test site: 14 articles and 7 pages in each language


def test_the_form_sees_the_header_as_the_build_reads_it():
    data = open_file((TEST_CONTENT / "fr" / "articles" / "15-when-trust-cannot-be-rebuilt.md").read_text())
    assert data["lang"] == "fr" and data["date"] == "2026-10-20" and data["step"] == "25"
    assert data["safety"] is True  # `Safety: yes`, a switch in the form
    assert data["slug"] == "when-trust-cannot-be-rebuilt" and data["body"].startswith("Certains liens brisés")


def test_a_changed_title_rewrites_the_title_line_only():
    text = (TEST_CONTENT / "articles" / "02-how-trust-fractures.md").read_text(encoding="utf-8")
    data = open_file(text)
    saved = save({**data, "title": "How trust breaks", "step": 2})  # the number field gives a number
    old, new = text.split("\n"), saved.split("\n")
    assert [(a, b) for a, b in zip(old, new) if a != b] == [(old[0], "Title: How trust breaks")]
    assert len(old) == len(new)


def test_a_new_value_goes_where_the_site_files_put_it_and_an_emptied_one_goes():
    text = "Title: A\nDate: 2026-01-05\nTags: x, y\nSlug: a\nStep: 3\nSummary: S.\n\nBody.\n"
    data = open_file(text)
    assert save({**data, "safety": True}) == text.replace("Step: 3\n", "Step: 3\nSafety: yes\n")
    assert save({**data, "tags": ""}) == text.replace("Tags: x, y\n", "")
    assert save({**data, "summary": "Two\nlines."}) == text.replace("Summary: S.", "Summary: Two lines.")


def test_a_new_french_article_is_written_as_the_site_writes_them():
    data = {"lang": "fr", "title": "Titre", "date": "2026-12-01", "modified": "2026-12-01",
            "category": "Comprendre la confiance", "step": 30, "tags": "confiance, couple", "slug": "titre",
            "safety": False, "summary": "Un résumé.", "body": "Le texte.\n"}
    assert save(data) == ("Title: Titre\nLang: fr\nDate: 2026-12-01\nModified: 2026-12-01\n"
                          "Category: Comprendre la confiance\nTags: confiance, couple\nSlug: titre\nStep: 30\n"
                          "Summary: Un résumé.\n\nLe texte.\n")


# --- practice.toml -------------------------------------------------------------------------------

PRACTICE = TEST_PRACTICE  # the test site's frozen copy of the example practice


def test_practice_toml_is_saved_back_byte_for_byte_comments_included():
    text = PRACTICE.read_text(encoding="utf-8")
    data = call("practice-format", "practiceFormat.fromFile", text)
    assert data["practice"]["languages"] == "en,fr" and data["booking"]["couples"].startswith("https://")
    assert call("practice-format", "practiceFormat.toFile", data) == text


def test_a_changed_practice_value_rewrites_its_own_line_and_toml_reads_it():
    text = PRACTICE.read_text(encoding="utf-8")
    data = call("practice-format", "practiceFormat.fromFile", text)
    data["clinician"]["name"] = 'Dr "Jo" Lee \\ Associates'
    data["practice"]["languages"] = "en"
    data["clinician"]["pronouns"] = "she/her"  # not in the file yet: added to its section
    saved = call("practice-format", "practiceFormat.toFile", data)
    old, new = text.split("\n"), saved.split("\n")
    assert [line for line in new if line not in old] == [
        'languages = ["en"]', 'name = "Dr \\"Jo\\" Lee \\\\ Associates"', 'pronouns = "she/her"']
    assert [line for line in old if line not in new] == ['languages = ["en", "fr"]', 'name = "Ines Marlow"']
    assert [line for line in old if line.startswith("#")] == [line for line in new if line.startswith("#")]
    read = tomllib.loads(saved)
    assert read["clinician"]["name"] == 'Dr "Jo" Lee \\ Associates' and read["practice"]["languages"] == ["en"]
    assert read["clinician"]["pronouns"] == "she/her" and read["booking"] == tomllib.loads(text)["booking"]
