"""Fixture pairs: fixtures/checklist/<case>.md -> <case>.html, and
fixtures/checklist-errors/<case>.md -> <case>.error (the message an author sees).

Rendered with the extension alone and its default help panel (markdown_setup.py). A site's
own hooks (`safety_panel`, `after_reflections`) and blocks are tested by that site.

Run `pytest --update-fixtures` (here, or from a project that collects this folder) to
rewrite the expected files, then review the diff before committing it.
"""

from pathlib import Path

import pytest

from markdown_setup import render
from pelican.plugins.reflection_checklists.markdown_blocks import AuthoringError
from pelican.plugins.reflection_checklists.testing import cases, check_or_update

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CASES = cases(FIXTURES / "checklist")
ERROR_CASES = cases(FIXTURES / "checklist-errors")


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_markdown_renders_as_expected(case, request):
    html = render(case.read_text(encoding="utf-8")) + "\n"
    check_or_update(case.with_suffix(".html"), html, request.config.getoption("--update-fixtures"))


@pytest.mark.parametrize("case", ERROR_CASES, ids=[case.stem for case in ERROR_CASES])
def test_author_mistake_is_reported_with_its_line(case, request):
    with pytest.raises(AuthoringError) as raised:
        render(case.read_text(encoding="utf-8"))
    message = str(raised.value) + "\n"
    assert message.startswith("line ") and raised.value.line > 0
    check_or_update(case.with_suffix(".error"), message, request.config.getoption("--update-fixtures"))


def test_there_are_fixtures_for_every_feature_and_mistake():
    assert len(CASES) >= 8 and len(ERROR_CASES) >= 15
