"""Fixture pairs for testing checklists: a site that adds its own hooks or blocks tests them
the way this package tests itself. Render each `<case>.md` of a folder and compare it with
`<case>.html` (or an author's mistake with `<case>.error`); with `update`, rewrite the
expected file instead, to be reviewed in the diff. Needs pytest (imported only here).
"""

import difflib
from pathlib import Path


def cases(folder):
    """The `.md` cases of a fixtures folder, in a stable order."""
    return sorted(Path(folder).glob("*.md"))


def check_or_update(expected_path, actual, update):
    import pytest  # noqa: PLC0415 - a test helper; the plugin itself never needs pytest

    expected_path = Path(expected_path)
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


def check_rendering(render, case, update):
    """`case` (a `.md` file) rendered by `render(text)` equals its `.html` file."""
    check_or_update(Path(case).with_suffix(".html"), render(Path(case).read_text(encoding="utf-8")) + "\n", update)


def check_mistake(render, case, update):
    """`case` stops with an AuthoringError that names its line, worded as its `.error` file."""
    import pytest  # noqa: PLC0415 - a test helper

    from .markdown_blocks import AuthoringError  # noqa: PLC0415

    with pytest.raises(AuthoringError) as raised:
        render(Path(case).read_text(encoding="utf-8"))
    message = str(raised.value) + "\n"
    assert message.startswith("line ") and raised.value.line > 0
    check_or_update(Path(case).with_suffix(".error"), message, update)
