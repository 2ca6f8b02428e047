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
from pelican.plugins.reflection_checklists.testing import cases, check_mistake, check_rendering

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CASES = cases(FIXTURES / "checklist")
ERROR_CASES = cases(FIXTURES / "checklist-errors")


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_markdown_renders_as_expected(case, request):
    check_rendering(render, case, request.config.getoption("--update-fixtures"))


@pytest.mark.parametrize("case", ERROR_CASES, ids=[case.stem for case in ERROR_CASES])
def test_author_mistake_is_reported_with_its_line(case, request):
    check_mistake(render, case, request.config.getoption("--update-fixtures"))


def test_there_are_fixtures_for_every_feature_and_mistake():
    assert len(CASES) >= 8 and len(ERROR_CASES) >= 15
