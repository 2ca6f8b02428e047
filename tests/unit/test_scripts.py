"""The browser scripts' sources (the theme's and the checklist package's): ES modules that never
swallow an error. (What they do is tested in tests/browser; that they add nothing to window, in
tests/browser/test_globals.py.)"""

import re
from pathlib import Path

import pytest
from pelican.plugins.reflection_checklists.assets import STATIC_DIR

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted([*(ROOT / "theme" / "assets" / "js").glob("*.js"), *STATIC_DIR.glob("*.js")])
EMPTY_CATCH = re.compile(r"catch\s*(\(\s*\w*\s*\))?\s*\{\s*\}")


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.name)
def test_a_script_is_a_module_that_never_swallows_an_error(source):
    text = source.read_text(encoding="utf-8")
    assert re.search(r"^(import|export) ", text, re.M), f"{source.name} neither imports nor exports: not a module"
    assert not EMPTY_CATCH.search(text), f"{source.name}: an empty catch hides an error; log it or show it"
    assert not re.search(r"\bwindow\.\w+\s*=[^=]", text), f"{source.name} sets a property of window"


def test_the_check_finds_an_empty_catch():
    assert EMPTY_CATCH.search("try { risky(); } catch {}") and EMPTY_CATCH.search("} catch (e) { }")
    assert not EMPTY_CATCH.search("} catch (error) { console.error(error); }")
