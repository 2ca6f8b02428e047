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

import difflib
from pathlib import Path

import pytest

from pelican.plugins.reflection_checklists.markdown_blocks import AuthoringError
from tests.unit.markdown_setup import render

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CASES = sorted((FIXTURES / "checklist").glob("*.md"))
ERROR_CASES = sorted((FIXTURES / "checklist-errors").glob("*.md"))


def check_or_update(expected_path, actual, update):
    if update or not expected_path.exists():
        expected_path.write_text(actual, encoding="utf-8")
        if not update:
            pytest.fail(f"{expected_path.name} did not exist; wrote it, review it")
        return
    expected = expected_path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "\n".join(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                              "expected", "actual", lineterm=""))
        pytest.fail(f"{expected_path.name} differs:\n{diff}")


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


def test_there_are_fixtures_for_every_site_hook_and_block():
    assert {case.stem for case in CASES} >= {"safety-items", "consultation-block"}
    assert {case.stem for case in ERROR_CASES} >= {"consultation-unknown-option", "misspelled-block-name"}
