"""The pages the theme links from every page (help, Exit, staying safer, privacy, the summary,
About): a practice keeps them when it replaces the example. A site without one still builds
with `make html`, naming what to put back; `make publish` stops on that warning."""

import logging
import os

from site_guard.linked_pages import LINKED_PAGES
from tests.build.test_no_tracebacks import article
from tests.conftest import ROOT, TEST_PRACTICE, practice_file
from tools.build import build


def test_a_missing_linked_page_is_named_with_what_to_put_back(tmp_path, caplog):
    content = tmp_path / "content"
    for folder, left_out in (("pages", "getting-help-now"), ("fr/pages", "first-session")):
        (content / folder).mkdir(parents=True)
        for slug in set(LINKED_PAGES) - {left_out}:
            (content / folder / f"{slug}.md").write_text(f"Title: {slug}\nSlug: {slug}\n\nText.\n", encoding="utf-8")
    (content / "articles").mkdir()
    (content / "articles" / "a.md").write_text(article(), encoding="utf-8")
    with caplog.at_level(logging.WARNING), practice_file(TEST_PRACTICE):
        errors = build(str(ROOT / "pelicanconf.py"), content=str(content), output=str(tmp_path / "out"),
                       overrides={"SEARCH_INDEX": False})
    assert errors == 0, caplog.text  # a warning: `make html` still builds
    said = [record.getMessage() for record in caplog.records if "no page has" in record.getMessage()]
    assert said == [
        f"{os.path.relpath(content / 'pages')}: no page has `Slug: getting-help-now`, and readers "
        "reach that address from “Get help now” at the top of every page and every checklist's help panel. Put "
        f"{os.path.relpath(content / 'pages' / 'getting-help-now.md')} back from the project you "
        "started from, or write your own page with that Slug. `make publish` stops until it exists.",
        f"{os.path.relpath(content / 'fr' / 'pages')}: no page has `Slug: first-session`, and readers "
        "reach that address from “Your answers, in one place” in the footer of every page. Put "
        f"{os.path.relpath(content / 'fr' / 'pages' / 'bring-to-your-first-session.md')} back from "
        "the project you started from, or write your own page with that Slug. `make publish` stops until it exists.",
    ]
