"""The checklist form (tools/editor/page/checklist.mjs), run in Node as the editor runs it.

Every checklist in content/ and in the site's checklist fixtures opens in the form and goes back
byte for byte; an edit changes only the line it is about; and a checklist the form writes from
scratch is one the checklist plugin accepts, safety item included.
"""

from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import ROOT, TEST_CONTENT
from tests.editor.js import call, map_call
from tests.unit.markdown_setup import render

EXAMPLES = sorted([*TEST_CONTENT.rglob("*.md"), *(ROOT / "tests" / "fixtures" / "checklist").glob("*.md")])


def checklists_in(path):
    return call("checklist", "findChecklists", Path(path).read_text(encoding="utf-8"))


def test_every_example_checklist_opens_in_the_form_and_is_written_back_byte_for_byte():
    texts = [path.read_text(encoding="utf-8") for path in EXAMPLES]
    found = [(path, item) for path, items in zip(EXAMPLES, map_call("checklist", "findChecklists", texts))
             for item in items]
    # every `/// checklist` of the test site (tests/site) and the fixture
    assert len(found) == sum(("\n" + path.read_text(encoding="utf-8")).count("\n/// checklist") for path in EXAMPLES) >= 10
    unreadable = [f"{path.relative_to(ROOT)}: {item['block'][:60]!r}" for path, item in found if not item["data"]]
    assert not unreadable, "the form cannot open:\n" + "\n".join(unreadable)
    written = map_call("checklist", "writeChecklist", [item["data"] for _, item in found])
    changed = [str(path.relative_to(ROOT)) for (path, item), block in zip(found, written) if block != item["block"]]
    assert not changed, f"written back differently: {changed}"


def changed_lines(before, after):
    old, new = before.split("\n"), after.split("\n")
    assert len(old) == len(new), f"{len(old)} lines became {len(new)}"
    return [(a, b) for a, b in zip(old, new) if a != b]


def test_an_edit_in_the_form_changes_only_its_own_line():
    # The checklist with a gate, a quoted option and an item with its own key.
    item = checklists_in(TEST_CONTENT / "articles" / "09-can-trust-be-rebuilt.md")[0]
    data = item["data"]
    assert data["gate"] == "hurt-stopped" and data["items"][0]["key"] == "hurt-stopped"

    retitled = call("checklist", "writeChecklist", {**data, "title": "Is it time to start repair?"})
    assert changed_lines(item["block"], retitled) == [
        ("/// checklist | Are we ready to start repair?", "/// checklist | Is it time to start repair?")]

    items = [dict(entry) for entry in data["items"]]
    items[1]["safety"] = True
    marked = call("checklist", "writeChecklist", {**data, "items": items})
    assert changed_lines(item["block"], marked) == [
        ("- [ ] The partner who caused the hurt takes full responsibility for it.",
         "- [ ] The partner who caused the hurt takes full responsibility for it. {.safety}")]

    hinted = call("checklist", "writeChecklist", {**data, "hint": "Tick: what is true today? #1"})
    assert changed_lines(item["block"], hinted) == [
        ("    hint: Tick each statement that is true for you today.", '    hint: "Tick: what is true today? #1"')]


def test_a_checklist_written_by_the_form_is_one_the_plugin_accepts():
    data = call("checklist", "newChecklist")
    data.update(title="How do our talks go?", id="our-talks", hint="yes")  # `yes` alone would be read as true
    data["items"] = [{"text": "We talked about our day.", "safety": False},
                     {"text": "I feel afraid of my partner.", "safety": True}]
    data["reflections"] = [{"range": "0", "text": "A quiet week."}, {"range": "1+", "text": "You talked.\n"}]
    block = call("checklist", "writeChecklist", data)
    page = BeautifulSoup(render(f"Some words.\n\n{block}\n\nMore words.\n"), "html.parser")
    checklist = page.select_one("section.checklist[data-checklist=our-talks]")
    assert checklist is not None
    assert checklist.select_one(".checklist__hint").get_text(strip=True) == "yes"
    safety = checklist.select("[data-safety]")
    assert len(safety) == 1 and "afraid" in safety[0].find_parent("li").get_text()
    assert len(checklist.select(".checklist__reflection[data-min]")) == 2


def test_a_checklist_goes_in_on_lines_of_its_own():
    block = "/// checklist | T\n    id: t\n\n- [ ] One.\n\n//// reflection | 0+\nAny.\n////\n///"
    text = "First paragraph.\n\nSecond paragraph.\n"
    # The cursor in the middle of "First paragraph.": the checklist goes after that line.
    assert call("checklist", "insertBlock", text, 5, block) == f"First paragraph.\n\n{block}\n\nSecond paragraph.\n"
    assert call("checklist", "insertBlock", "", 0, block) == f"{block}\n"


def test_a_checklist_without_its_closing_line_is_named_not_opened():
    found = call("checklist", "findChecklists", "Text.\n\n/// checklist | T\n    id: t\n\n- [ ] One.\n")
    assert len(found) == 1 and found[0]["end"] == -1 and found[0]["data"] is None
    # Syntax shown as code, or commented out, is not a checklist.
    shown = "```\n/// checklist | T\n///\n```\n<!--\n/// checklist | U\n///\n-->\n"
    assert call("checklist", "findChecklists", shown) == []
