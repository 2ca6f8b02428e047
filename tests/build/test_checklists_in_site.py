"""The checklists as built into a site (the product's test site, tests/site)."""

from urllib.parse import parse_qs, urlsplit

from tests.helpers import article_pages, soup


def checklists(site):
    return [(page, section) for page in article_pages(site)
            for section in soup(page).select('section[data-module="checklist"]')]


def test_every_checkbox_is_labelled_and_ids_are_unique_per_page(site):
    total = 0
    for page in article_pages(site):
        doc = soup(page)
        ids = [element["id"] for element in doc.select("[id]")]
        assert len(ids) == len(set(ids)), page
        for box in doc.select("input.checklist__input"):
            total += 1
            label = doc.select_one(f'label[for="{box["id"]}"]')
            assert label and label.get_text(strip=True), (page, box["id"])
    assert total >= 35


def test_without_javascript_every_reflection_and_the_disclaimer_are_readable(site):
    doc = soup(site / "why-broken-trust-hurts" / "index.html")
    section = doc.select_one('[data-checklist="how-am-i-feeling"]')
    reflections = section.select(".checklist__reflection")
    assert len(reflections) >= 2 and not any(r.has_attr("hidden") for r in reflections)
    assert "not to diagnose" in section.select_one(".checklist__disclaimer").get_text()
    # JS-only controls start hidden so they never show without the script.
    assert section.select_one("[data-controls]").has_attr("hidden")


def test_every_checklist_has_a_safety_item_and_a_help_panel_right_after_its_items(site):
    # Anyone may be unsafe, whatever the list is about: every shipped checklist lets a
    # reader say so, and its help panel comes straight after the items.
    assert len(checklists(site)) >= 6
    for page, section in checklists(site):
        checklist = (page.parent.name, section["data-checklist"])
        assert section.select("input[data-safety]"), checklist
        panel = section.select_one("[data-safety-panel]")
        assert panel.select(".help-list li") and panel.select_one('a[href="/getting-help-now/"]'), checklist
        assert panel.find_previous_sibling() is section.select_one("fieldset"), checklist
        assert panel.find_next_sibling("p", class_="checklist__count"), checklist


def test_safety_items_are_left_out_of_the_count(site):
    section = soup(site / "can-trust-be-rebuilt" / "index.html").select_one('[data-checklist="ready-for-repair"]')
    ordinary = section.select("input.checklist__input:not([data-safety])")
    assert len(section.select("input[data-safety]")) == 2
    assert section.select_one("[data-count]").get_text() == f"0 of {len(ordinary)} ticked"


def test_the_aftermath_checklist_offers_private_notes(site):
    doc = soup(site / "aftermath-of-a-fight" / "index.html")
    notes = doc.select_one('[data-checklist="aftermath-prompts"] textarea[data-notes]')
    assert notes and doc.select_one(f'label[for="{notes["id"]}"]')


def test_checklist_booking_prompts_are_plain_links_by_default(site):
    doc = soup(site / "how-it-shows-up-day-to-day" / "index.html")
    link = doc.select_one('[data-checklist="everyday-signs"] a[data-cta="checklist"]')
    assert urlsplit(link["href"]).query == ""
    assert parse_qs(urlsplit(link["href"]).query) == {}
