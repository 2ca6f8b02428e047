"""The checklists as built into the real site."""

from urllib.parse import parse_qs, urlsplit

from tests.helpers import article_pages, soup

BRIEF_CHECKLISTS = {
    "everyday-signs": "how-it-shows-up-day-to-day",
    "fracture-types": "how-trust-fractures",
    "how-am-i-feeling": "why-broken-trust-hurts",
    "ready-for-repair": "can-trust-be-rebuilt",
    "daily-rituals": "daily-trust-rituals",
    "aftermath-prompts": "aftermath-of-a-fight",
}


def test_the_brief_checklists_are_on_their_articles(site):
    for checklist, slug in BRIEF_CHECKLISTS.items():
        doc = soup(site / slug / "index.html")
        section = doc.select_one(f'section[data-module="checklist"][data-checklist="{checklist}"]')
        assert section, (checklist, slug)
        assert section.select_one("fieldset > legend").get_text(strip=True)
        assert len(section.select("input[type=checkbox].checklist__input")) >= 5


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


def test_the_rituals_checklist_has_no_safety_panel_and_the_repair_one_has(site):
    rituals = soup(site / "daily-trust-rituals" / "index.html")
    assert not rituals.select("[data-safety-panel]")
    repair = soup(site / "can-trust-be-rebuilt" / "index.html").select_one('[data-checklist="ready-for-repair"]')
    assert repair.select("input[data-safety]")
    panel = repair.select_one("[data-safety-panel]")
    assert panel.select(".help-list li") and panel.select_one('a[href="/getting-help-now/"]')


def test_the_aftermath_checklist_offers_private_notes(site):
    doc = soup(site / "aftermath-of-a-fight" / "index.html")
    notes = doc.select_one('[data-checklist="aftermath-prompts"] textarea[data-notes]')
    assert notes and doc.select_one(f'label[for="{notes["id"]}"]')


def test_checklist_booking_prompts_carry_the_article_as_campaign(site):
    doc = soup(site / "how-it-shows-up-day-to-day" / "index.html")
    link = doc.select_one('[data-checklist="everyday-signs"] a[data-cta="checklist"]')
    query = parse_qs(urlsplit(link["href"]).query)
    assert query["utm_campaign"] == ["how-it-shows-up-day-to-day"]
    assert query["utm_content"] == ["checklist"] and query["utm_medium"] == ["cta"]
