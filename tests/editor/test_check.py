"""Reading the build's messages after a save (tools/editor/check.py), without a build: which
messages are about the saved file, as the build names it."""

from tools.editor import check

OUTPUT = """\
ERROR    content/articles/05-why.md:69: the `checklist` block that starts here is never closed. Add a line
         with just `///` after its last line.
ERROR    Could not process articles/05-why.md
ERROR    content/articles/02-how.md: the article has no `Summary` line in its header, or it is empty.
WARNING  content/articles/05-why.md.bak is ignored
Done: Processed 26 articles, 0 drafts, 0 hidden articles, 7 pages, 0 hidden
pages and 0 draft pages in 1.34 seconds.

The build failed: 3 error(s) above. Fix what each one names, then run it again.
"""


def test_a_message_continued_on_the_next_line_is_one_message():
    assert check.records(OUTPUT)[0] == (
        "error", "content/articles/05-why.md:69: the `checklist` block that starts here is never closed. Add a "
                 "line with just `///` after its last line.")
    assert len(check.records(OUTPUT)) == 4


def test_a_message_is_about_the_saved_file_however_the_build_names_it():
    about = [text for _, text in check.records(OUTPUT) if check.names(text, "content/articles/05-why.md")]
    assert about == [check.records(OUTPUT)[0][1], "Could not process articles/05-why.md"]
    assert not check.names("content/articles/05-why.md.bak is ignored", "content/articles/05-why.md")
    assert check.names("practice.toml:12: this line cannot be read", "practice.toml")
