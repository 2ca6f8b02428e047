"""The moment of disclosure (issue 26), in Chromium on a phone, in both languages and both
colour schemes: the right help first, nothing pointing back to couples work, nothing left
behind on paper or in another tab.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_safety_layer import NEUTRAL_PAGE, PHONE_SCREEN, outside_pattern
from tests.conftest import TEST_PRACTICE, site_settings

# The test site's settings (tests/site/practice.toml), whatever practice.toml holds.
SETTINGS = site_settings(TEST_PRACTICE)
EXIT_URLS = {"en": SETTINGS["EXIT_URL"], "fr": SETTINGS["I18N_SUBSITES"]["fr"]["EXIT_URL"]}
# (language, page, an ordinary item, a safety item, the panel's title, "Book a call just for me")
READERS = [
    ("en", "/how-it-shows-up-day-to-day/", "One of us looks through", "checks where I am",
     "Your safety comes first", "Book a call just for me"),
    ("fr", "/fr/how-it-shows-up-day-to-day/", "fouille", "vérifie où je suis",
     "Votre sécurité passe avant tout", "Réserver un appel juste pour moi"),
]
SCHEMES = ["light", "dark"]


def reader_page(browser, site_url, language, scheme="light", javascript=True):
    context = browser.new_context(viewport=PHONE_SCREEN, color_scheme=scheme, java_script_enabled=javascript)
    context.route(outside_pattern(EXIT_URLS[language]),
                  lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE))
    return context, context.new_page()


def tick(page, text):
    page.get_by_role("checkbox", name=re.compile(re.escape(text), re.I)).first.check()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("language, path, ordinary, safety, panel_title, just_for_me", READERS, ids=["en", "fr"])
def test_help_comes_in_order_of_need_with_buttons_a_thumb_can_hit(browser, site_url, scheme, language, path,
                                                                  ordinary, safety, panel_title, just_for_me):
    context, page = reader_page(browser, site_url, language, scheme)
    page.goto(site_url + path)
    tick(page, safety)
    panel = page.get_by_role("region", name=panel_title)
    expect(panel).to_be_visible()
    cards = panel.locator(".help-card")
    groups = [card.get_attribute("class").split("help-card--")[1] for card in cards.all()]
    # 911 first, then the violence lines open day and night, each with a button to call; the
    # panel keeps to these (no request needed: they are in the page).
    assert groups[0] == "emergency" and set(groups[1:]) == {"violence"} and len(groups) >= 3, groups
    for card in cards.all():
        call = card.locator("a[href^='tel:']").first
        expect(call).to_be_visible()
        assert call.bounding_box()["height"] >= 44
    for action in panel.locator(".help-card__action").all():
        assert action.bounding_box()["height"] >= 44
    # Each card says who it serves and when; the panel promises nothing it cannot keep.
    for card in cards.all():
        expect(card.locator(".help-card__facts")).not_to_be_empty()
    assert "day or night" not in panel.inner_text() and "jour et nuit" not in panel.inner_text().split("\n")[1]
    # Every other line (men, trans people, young people, crisis lines) is one tap away, in the
    # page's language: the panel's first link is the help page, which lists them all.
    prefix = "/fr" if language == "fr" else ""
    more = panel.locator(".checklist__safety-links a").first
    assert more.get_attribute("href") == prefix + "/getting-help-now/"
    assert panel.locator(".checklist__safety-links a").nth(1).get_attribute("href") == prefix + "/staying-safer-online/"
    # The call just for me is a booking for one person, never the couples booking.
    individual = panel.get_by_role("link", name=just_for_me)
    assert individual.get_attribute("href") == SETTINGS["INDIVIDUAL_CONSULTATION_URL"] != SETTINGS["CONSULTATION_URL"]
    # The Exit control is big and urgent in both schemes: white on a strong red.
    exit_link = page.locator(".safety-bar__exit")
    assert exit_link.bounding_box()["height"] >= 44
    colours = exit_link.evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
    assert colours[0] == "rgb(255, 255, 255)", colours
    red, green, blue = map(int, re.findall(r"\d+", colours[1])[:3])
    assert red > 120 and red > 3 * green and red > 3 * blue, colours  # a strong red, not a soft pink
    more.click()
    expect(page.locator("main .help-card--more").first).to_be_visible()
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("language, path, safety", [
    ("en", "/can-trust-be-rebuilt/", "I feel afraid of my partner"),
    ("fr", "/fr/can-trust-be-rebuilt/", "J'ai peur de mon ou ma partenaire"),
], ids=["en", "fr"])
def test_after_a_safety_tick_nothing_on_the_page_points_to_couples_work(browser, site_url, javascript, language, path,
                                                                        safety):
    context, page = reader_page(browser, site_url, language, javascript=javascript)
    page.goto(site_url + path)
    couples = page.locator(".couples-work, [data-couples-work], [data-couples-booking]")
    assert couples.count() >= 3  # the article's marked paragraph, the learning path, related reading, the panel
    assert page.locator(".couples-work:visible").count() >= 1
    route = page.locator("[data-safety-route]")
    expect(route).to_be_hidden()
    tick(page, safety)
    for element in couples.all():
        expect(element).to_be_hidden()
    expect(route).to_be_visible()
    expect(route.locator("a").first).to_have_attribute("href", re.compile(r"getting-help-now/$"))
    context.close()


def test_the_readiness_checklist_shows_no_good_footing_while_the_hurt_goes_on(browser, site_url):
    context, page = reader_page(browser, site_url, "en")
    page.goto(site_url + "/can-trust-be-rebuilt/")
    checklist = page.get_by_role("region", name="Are we ready to start repair?")
    for item in ("takes full responsibility", "honest answer", "offered freely", "We both want to try"):
        tick(page, item)
    gate = checklist.locator("[data-gate-reflection]")
    expect(gate).to_be_visible()
    expect(gate).to_contain_text("still going on")
    expect(checklist.locator(".checklist__reflection:not([data-gate-reflection]):visible")).to_have_count(0)
    tick(page, "The hurtful behaviour has stopped")
    expect(gate).to_be_hidden()
    expect(checklist.locator(".checklist__reflection:visible")).to_have_count(1)
    context.close()


PRINTS = {
    "en": ("/aftermath-of-a-fight/", "I said what set me off", "pushing, hitting", "Victim Support Line",
           ("My reflections", "Your safety comes first", "fear, threats or harm", "pushing", "set me off",
            "After a fight", "What your answers might mean")),
    "fr": ("/fr/aftermath-of-a-fight/", "J'ai dit ce qui m'a fait réagir", "bousculades", "Fem'aide",
           ("Mes réflexions", "Votre sécurité passe avant tout", "la peur, les menaces", "bousculades",
            "m'a fait réagir", "Après une dispute")),
}


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("language", PRINTS)
def test_a_print_after_a_safety_tick_carries_the_help_and_nothing_that_was_ticked(browser, site_url, javascript,
                                                                                 language, scheme):
    path, ordinary, safety, a_helpline, revealing_words = PRINTS[language]
    context, page = reader_page(browser, site_url, language, scheme, javascript=javascript)
    page.goto(site_url + path)
    tick(page, ordinary)
    tick(page, safety)
    page.emulate_media(media="print")
    printed = page.locator("body").inner_text()
    assert "911" in printed and a_helpline in printed
    for revealing in revealing_words:
        assert revealing.lower() not in printed.lower(), revealing
    context.close()


@pytest.mark.parametrize("language, prefix, item, exit_name", [
    ("en", "", "One of us looks through", "Exit this page"),
    ("fr", "/fr", "fouille dans le téléphone", "Quitter"),
], ids=["en", "fr"])
def test_exit_in_one_tab_clears_every_open_tab_of_the_site(browser, site_url, language, prefix, item, exit_name):
    context, first = reader_page(browser, site_url, language)
    second = context.new_page()
    second.goto(site_url + prefix + "/how-it-shows-up-day-to-day/")
    tick(second, item)
    assert second.evaluate("Object.keys(sessionStorage).some(k => k.startsWith('reflection-checklists:'))")
    first.goto(site_url + prefix + "/what-trust-is/")
    first.get_by_role("link", name=re.compile(exit_name)).click()
    expect(first).to_have_url(EXIT_URLS[language])
    expect(second).to_have_url(EXIT_URLS[language])
    # Back in the second tab never shows the site again.
    second.go_back()
    second.wait_for_timeout(300)
    assert not second.url.startswith(site_url), second.url
    context.close()


def test_back_after_exit_does_not_show_the_practice(browser, site_url):
    context, page = reader_page(browser, site_url, "en")
    page.goto(site_url + "/")
    page.goto(site_url + "/how-it-shows-up-day-to-day/")
    page.get_by_role("link", name="Exit this page").click()
    expect(page).to_have_url(EXIT_URLS["en"])
    page.go_back()
    expect(page).to_have_url(EXIT_URLS["en"])
    # Coming back on purpose (typing the address) works as usual.
    page.goto(site_url + "/")
    expect(page.locator("main")).to_be_visible()
    expect(page).to_have_url(site_url + "/")
    context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", ["/getting-help-now/", "/fr/getting-help-now/"])
def test_the_help_page_shows_a_call_button_on_the_first_screen_of_a_phone(browser, site_url, scheme, path):
    context, page = reader_page(browser, site_url, "fr" if path.startswith("/fr/") else "en", scheme)
    page.goto(site_url + path)
    first_call = page.locator(".help-list a[href^='tel:']").first
    box = first_call.bounding_box()
    assert box["height"] >= 44 and box["y"] + box["height"] <= PHONE_SCREEN["height"], box
    # Every entry says where its number was checked.
    cards = page.locator(".help-card")
    assert cards.count() == page.locator(".help-card .help-card__source a").count() >= 8
    context.close()
