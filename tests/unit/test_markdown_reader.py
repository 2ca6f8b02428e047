"""The site's Markdown reader on single files: what an author saved is read as meant, or named
with its file and line (no site is built)."""

import copy
import logging

import pytest
from pelican.settings import DEFAULT_CONFIG

from markdown_reader import SiteMarkdownReader
from pelican.plugins.reflection_checklists.markdown_blocks import AuthoringError

HEADER = "Title: A test\nDate: 2026-09-01\nSlug: a-test\n\n"
CHECKLIST = "/// checklist | How do our talks go?\n    id: talks\n\n- [ ] One.\n- [ ] Two.\n///\n"


@pytest.fixture
def read(tmp_path):
    settings = copy.deepcopy(DEFAULT_CONFIG)
    settings["MARKDOWN"] = {"extension_configs": {
        "markdown.extensions.extra": {}, "markdown.extensions.meta": {},
        "pelican.plugins.reflection_checklists.checklist": {"help_url": "/help/"}}, "output_format": "html5"}
    reader = SiteMarkdownReader(settings)

    def read_file(data):
        path = tmp_path / "a.md"
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return reader.read(str(path))

    return read_file


@pytest.mark.parametrize("saved", [
    lambda text: text.replace("\n", "\r\n"),            # Windows editors
    lambda text: "\ufeff" + text.replace("\n", "\r\n"),  # with a byte-order mark too
    lambda text: text.replace("\n", "\r"),              # an old Mac editor
], ids=["CRLF", "BOM and CRLF", "CR"])
def test_line_ends_from_any_editor_read_as_plain_lines(read, saved):
    plain_content, plain_metadata = read(HEADER + CHECKLIST)
    content, metadata = read(saved(HEADER + CHECKLIST))
    assert content == plain_content and content.count('type="checkbox"') == 3  # two items and "Remember"
    assert metadata["title"] == plain_metadata["title"] == "A test"


NO_TITLE = {
    "no header at all": ("Some text.\n\n" + CHECKLIST, 1, "this file has no header, so it has no title"),
    "an empty first line": ("\n" + HEADER + "Some text.\n", 1,
                            "the header must start on the very first line, but line 1 is empty, so `Title:` on "
                            "line 2"),
    "a misspelled title": ("Date: 2026-09-01\nTitel: A test\n\nSome text.\n", 2,
                           "the header has no `Title:` line, and every page needs one. Line 2 says `Titel:`; "
                           "did you mean `Title:`?"),
}


@pytest.mark.parametrize("case", NO_TITLE, ids=list(NO_TITLE))
def test_a_file_without_a_title_is_named_with_its_line(read, caplog, case):
    text, line, words = NO_TITLE[case]
    with pytest.raises(ValueError):
        read(text)
    errors = [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]
    assert len(errors) == 1 and f"a.md:{line}: {words}" in errors[0], errors


def test_each_mistake_in_a_file_is_logged_once_with_its_line(read, caplog):
    text = HEADER + CHECKLIST.replace("///\n", "") + "\n//// reflexion | 0\nWords.\n////\n"
    with pytest.raises(AuthoringError):
        read(text)
    errors = [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]
    assert [error.split(": ", 1)[0].rsplit("/", 1)[-1] for error in errors] == ["a.md:5", "a.md:11"], errors
