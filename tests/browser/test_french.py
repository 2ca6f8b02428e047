"""The French site in Chromium: accessible, same-origin, and its checklists work in French,
with answers kept per page and language and erased together by Clear."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

FRENCH_CHECKLIST = "/fr/how-it-shows-up-day-to-day/"
ENGLISH_CHECKLIST = "/how-it-shows-up-day-to-day/"


@pytest.mark.parametrize("path", ["/fr/", FRENCH_CHECKLIST, "/fr/getting-help-now/", "/fr/leaving-this-site-quickly/",
                                  "/fr/first-session/", "/fr/search/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_french_pages_pass_axe_and_stay_on_this_origin(page, site_url, path, scheme):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + path)
    assert page.locator("html").get_attribute("lang") == "fr"
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert all(url.startswith(site_url + "/") for url in requests), requests


def stored_keys(page):
    return sorted(page.evaluate("() => Object.keys(sessionStorage)"))


def test_a_french_checklist_counts_in_french_and_keeps_its_answers_apart(page, site_url):
    page.goto(site_url + ENGLISH_CHECKLIST)
    page.locator("#checklist-everyday-signs .checklist__item:not(.checklist__item--safety) input").first.check()
    page.goto(site_url + FRENCH_CHECKLIST)
    checklist = page.locator("#checklist-everyday-signs")
    count = checklist.locator("[data-count]")
    expect(count).to_have_text(re.compile(r"^0 sur \d+ cochés$"))
    ordinary = checklist.locator(".checklist__item:not(.checklist__item--safety) input")
    ordinary.nth(0).check()
    ordinary.nth(1).check()
    expect(count).to_have_text(re.compile(r"^2 sur \d+ cochés$"))
    # One record per page and language: the English page's answers are its own.
    assert stored_keys(page) == ["reflection-checklists:v1:/fr/how-it-shows-up-day-to-day/:everyday-signs",
                                 "reflection-checklists:v1:/how-it-shows-up-day-to-day/:everyday-signs"]
    # A safety tick opens the help panel, in French, with the French services.
    checklist.locator(".checklist__item--safety input").first.check()
    panel = checklist.locator(".checklist__safety")
    expect(panel).to_be_visible()
    expect(panel.locator(".checklist__safety-title")).to_have_text("Votre sécurité passe avant tout")
    expect(panel.get_by_text("Fem'aide")).to_be_visible()
    expect(panel.get_by_role("link", name="Autres façons d'obtenir de l'aide maintenant")).to_have_attribute(
        "href", "/fr/getting-help-now/")
    # Clear erases the answers of both languages.
    page.get_by_role("button", name="Effacer mes réponses").first.click()
    expect(count).to_have_text(re.compile(r"^0 sur \d+ cochés$"))
    assert stored_keys(page) == []


def test_the_language_switch_leads_to_the_same_page_in_the_other_language(page, site_url):
    page.goto(site_url + ENGLISH_CHECKLIST)
    page.locator(".site-header").get_by_role("link", name="Français").click()
    expect(page).to_have_url(site_url + FRENCH_CHECKLIST)
    page.locator(".site-header").get_by_role("link", name="English").click()
    expect(page).to_have_url(site_url + ENGLISH_CHECKLIST)
