"""Checklist behaviour an author or reader relies on, beyond the fixture pairs."""

from bs4 import BeautifulSoup

from tests.unit.markdown_setup import render

LIST = """/// checklist | Signs
    id: signs

{items}
///
"""


def item_ids(items):
    doc = BeautifulSoup(render(LIST.format(items="\n".join(f"- [ ] {item}" for item in items))), "html.parser")
    return {label.get_text(): label["for"] for label in doc.select("label.checklist__label")}


def test_item_ids_survive_inserting_and_reordering_items():
    before = item_ids(["We argue about money.", "One of us checks the phone."])
    after = item_ids(["A new first item.", "One of us checks the phone.", "We argue about money."])
    assert after["We argue about money."] == before["We argue about money."]
    assert after["One of us checks the phone."] == before["One of us checks the phone."]
    assert len(set(after.values())) == 3


def test_an_explicit_key_survives_rewording():
    before = item_ids(["We talk every evening. {#evening-talk}"])
    after = item_ids(["We talk most evenings. {#evening-talk}"])
    assert list(before.values()) == list(after.values()) == ["signs--evening-talk"]


def test_every_checkbox_has_its_own_label():
    doc = BeautifulSoup(render(LIST.format(items="- [ ] One.\n- [ ] Two.\n- [ ] Three.")), "html.parser")
    boxes = doc.select("input.checklist__input")
    assert len(boxes) == 3
    for box in boxes:
        assert box["type"] == "checkbox"
        assert doc.select_one(f'label[for="{box["id"]}"]').get_text(strip=True)


def test_the_same_ids_on_two_pages_are_fine():
    # Ids only need to be unique per page; each page is converted separately.
    render(LIST.format(items="- [ ] One."))
    render(LIST.format(items="- [ ] One."))


def test_an_item_key_can_never_take_the_id_of_the_checklists_own_parts():
    # {#remember} once made the "Remember my answers" label tick the item instead.
    doc = BeautifulSoup(render(LIST.format(items="- [ ] One. {#remember}\n- [ ] Two. {#title}")), "html.parser")
    ids = [element["id"] for element in doc.select("[id]")]
    assert len(ids) == len(set(ids)), ids
    assert doc.select_one('label[for="signs-remember"]').get_text() == "Remember my answers on this device"
    assert doc.select_one("#signs-remember")["data-remember"] == ""


def test_answers_are_never_form_data():
    doc = BeautifulSoup(render(LIST.format(items="- [ ] One.") + "\n"), "html.parser")
    assert not doc.select("[name]")


IN_A_NOTE = """!!! note "Before you start"
    /// checklist | In a note
        id: in-note

    - [ ] One.
    - [ ] Two.
    - [ ] Two.
    ///
"""


def test_a_checklist_in_an_admonition_works_when_the_site_turns_admonitions_on():
    import pytest

    from pelican.plugins.reflection_checklists.markdown_blocks import AuthoringError
    from tests.unit.markdown_setup import make_markdown

    md = make_markdown()
    md.registerExtensions(["markdown.extensions.admonition"], {})
    fixed = IN_A_NOTE.replace("- [ ] Two.\n    - [ ] Two.", "- [ ] Two.")
    doc = BeautifulSoup(md.convert(fixed), "html.parser")
    assert doc.select("div.admonition section.checklist input[type=checkbox]")
    # Its mistakes still name their own line (the repeated item is on line 7).
    with pytest.raises(AuthoringError) as raised:
        md.reset().convert(IN_A_NOTE)
    assert raised.value.line == 7
    # Without the extension, `!!! note` is plain text: the block is not read, and the author hears so.
    with pytest.raises(AuthoringError) as raised:
        render(fixed)
    assert raised.value.line == 2 and "indented" in raised.value.message
