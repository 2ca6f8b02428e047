"""The safety layer on the practice's own pages (content/ and practice.toml): help and Exit on
every page, no couples booking where a reader may be unsafe, a safety item in every checklist
with its help panel right after the items, and the help services of the practice's region.

These hold for any practice's content (README: "Writing a checklist", "The safety layer").
"""

import re

from consultation.help_resources import DEFAULT_HELP_RESOURCES
from consultation.settings import resources_for
from tests.conftest import ROOT
from tests.helpers import article_pages, html_pages, is_french, is_yes, published, read_only

CONTENT = ROOT / "content"


def english_pages(site):
    return [page for page in html_pages(site) if "pagefind" not in page.parts and not is_french(site, page)]


def safety_slugs():
    """The pages and articles whose header says `Safety: yes`."""
    sources = {**published(CONTENT / "pages", hidden=True), **published(CONTENT / "articles", hidden=True)}
    return {header.get("slug") for header in sources.values() if is_yes(header.get("safety"))}


def region_services(settings, language):
    resources = settings.get("HELP_RESOURCES", DEFAULT_HELP_RESOURCES)
    return resources_for(resources, settings.get("HELP_REGION", "CA-ON"), language)


def test_every_page_has_help_and_exit_links_in_the_safety_bar(practice_site, practice_settings):
    for page in english_pages(practice_site):
        bar = read_only(page).select_one("body > .safety-bar")
        assert bar, page
        assert bar.find("a", string="Get help now")["href"].endswith("/getting-help-now/"), page
        assert bar.find("a", string="How Exit works")["href"].endswith("/leaving-this-site-quickly/"), page
        exit_link = bar.select_one("a.exit-page__button")
        assert exit_link["href"] == practice_settings["EXIT_URL"], page
        assert set(exit_link["rel"]) == {"nofollow", "noreferrer"}, page


def test_the_couples_booking_button_steps_back_on_help_and_safety_pages(practice_site, practice_settings):
    safety = safety_slugs()
    assert "getting-help-now" in safety, "content/pages/getting-help-now.md must say `Safety: yes`"
    for page in english_pages(practice_site):
        doc = read_only(page)
        booking = doc.select_one("header.site-header").find("a", string=practice_settings["CONSULTATION_LABEL"])
        if page.parent.name in safety:
            assert booking is None, page
        else:
            assert booking and booking["href"].startswith(practice_settings["CONSULTATION_URL"]), page


def test_every_article_ends_with_one_booking_panel_unless_it_opts_out(practice_site, practice_settings):
    opted_out = {header.get("slug") for header in published(CONTENT / "articles", hidden=True).values()
                 if str(header.get("cta", "")).lower() in ("no", "false")}
    safety = safety_slugs()
    for page in article_pages(practice_site):
        panels = read_only(page).select("aside.cta--article")
        if page.parent.name in opted_out:
            assert panels == [], page
            continue
        assert len(panels) == 1, page
        # A safety article offers a call for one person, never the couples booking.
        individual = "cta--individual" in panels[0]["class"]
        assert individual == (page.parent.name in safety), page
        expected = practice_settings["INDIVIDUAL_CONSULTATION_URL" if individual else "CONSULTATION_URL"]
        assert panels[0].select_one("a.cta__button")["href"].startswith(expected), page


def test_the_call_just_for_me_is_never_the_couples_booking(practice_site, practice_settings):
    couples = practice_settings["CONSULTATION_URL"]
    for page in html_pages(practice_site):
        for link in read_only(page).find_all("a", string=re.compile("(Book a call just for (me|you))|(un appel juste pour)")):
            assert link["href"] == practice_settings["INDIVIDUAL_CONSULTATION_URL"] != couples, page


def test_no_campaign_is_ever_said_where_a_reader_may_be_unsafe(practice_site, practice_settings):
    """Booking links are plain unless the practice turns campaigns on, and even then never on
    a safety page or in a safety panel (tests/build/test_safety_links.py: what a campaign names)."""
    campaigns = practice_settings.get("CONSULTATION_CAMPAIGN_PARAMETERS")
    safety = safety_slugs()
    for page in html_pages(practice_site):
        doc = read_only(page)
        tracked = [a["href"] for a in doc.select("a[href]") if "utm_" in a["href"]]
        if not campaigns or page.parent.name in safety:
            assert tracked == [], page
        for panel in doc.select("[data-safety-panel]"):
            assert not [a for a in panel.select("a[href]") if "utm_" in a["href"]], page


def test_every_checklist_has_a_safety_item_and_its_help_right_after_the_items(practice_site):
    """Anyone may be unsafe, whatever the list is about: every checklist lets a reader say so
    (an item ending in `{.safety}`), and the help opens straight under the items."""
    for page in [*article_pages(practice_site), *article_pages(practice_site, lang="fr")]:
        for section in read_only(page).select('section[data-module="checklist"]'):
            name = (page.parent.name, section["data-checklist"])
            assert section.select("input[data-safety]"), f"{name}: no item ends with {{.safety}}"
            panel = section.select_one("[data-safety-panel]")
            assert panel.select_one('a[href$="/getting-help-now/"]'), name
            assert panel.find_previous_sibling() is section.select_one("fieldset"), name


def test_every_checkbox_is_labelled_and_ids_are_unique_per_page(practice_site):
    for page in [*article_pages(practice_site), *article_pages(practice_site, lang="fr")]:
        doc = read_only(page)
        ids = [element["id"] for element in doc.select("[id]")]
        assert len(ids) == len(set(ids)), page
        for box in doc.select("input.checklist__input"):
            label = doc.select_one(f'label[for="{box["id"]}"]')
            assert label and label.get_text(strip=True), (page, box["id"])


def test_the_help_page_lists_every_service_of_the_practices_region(practice_site, practice_settings):
    names = [strong.get_text(" ", strip=True) for strong in
             read_only(practice_site / "getting-help-now" / "index.html").select("main .help-list strong")]
    expected = [" ".join(entry["name"].split()) for entry in region_services(practice_settings, "en")]
    assert names == expected


def test_the_safety_check_is_where_readers_start(practice_site):
    """"Is it safe to work on this together?" on the home page and step 1, linking the help page
    (and the first safety article, when there is one)."""
    step_one = next(page for page in article_pages(practice_site)
                    if "Step 1 of" in read_only(page).select_one(".path-nav__where").get_text())
    for page in (practice_site / "index.html", step_one):
        panel = read_only(page).select_one("aside.safety-check")
        assert panel, page
        assert panel.find("a", href="/getting-help-now/"), page
    assert not any(read_only(page).select("aside.safety-check") for page in article_pages(practice_site)
                   if page != step_one)
