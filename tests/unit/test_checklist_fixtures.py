"""Fixture pairs for this site's own Markdown: tests/fixtures/checklist/<case>.md -> <case>.html,
and tests/fixtures/checklist-errors/<case>.md -> <case>.error (the message an author sees).

Only what needs the site's `consultation` markup is here (markdown_setup.py): the safety panel
with help cards and the booking follow-up (the checklist's `safety_panel` and `after_reflections`
hooks), the `/// consultation` block, and a misspelled block name answered with every block the
site has. The checklist's own markup and mistakes are the package's fixtures
(plugins/pelican-reflection-checklists/tests/fixtures, rendered with its default hooks).

Run `pytest tests/unit plugins/pelican-reflection-checklists/tests --update-fixtures` to rewrite
the expected files of both, then review the diff before committing it.
"""

from pathlib import Path

import pytest

from pelican.plugins.reflection_checklists.testing import cases, check_mistake, check_rendering
from tests.unit.markdown_setup import render

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CASES = cases(FIXTURES / "checklist")
ERROR_CASES = cases(FIXTURES / "checklist-errors")


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_markdown_renders_as_expected(case, request):
    check_rendering(render, case, request.config.getoption("--update-fixtures"))


@pytest.mark.parametrize("case", ERROR_CASES, ids=[case.stem for case in ERROR_CASES])
def test_author_mistake_is_reported_with_its_line(case, request):
    check_mistake(render, case, request.config.getoption("--update-fixtures"))


def test_there_are_fixtures_for_every_site_hook_and_block():
    assert {case.stem for case in CASES} >= {"safety-items", "consultation-block"}
    assert {case.stem for case in ERROR_CASES} >= {"consultation-unknown-option", "misspelled-block-name"}
