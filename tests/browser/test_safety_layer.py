"""The safety layer in Chromium: help that replaces the booking prompt, "Exit this page",
and booking links that carry the article's campaign. Nothing here reaches the network:
the exit and booking sites are answered by context.route.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

import pelicanconf

PAGE = "/can-trust-be-rebuilt/"
CHECKLIST = "Are we ready to start repair?"
SAFETY_ITEMS = ("I am scared of my partner", "The hurtful behaviour is still happening")
ORDINARY_ITEM = "We both want to try"
HELP = "Your safety comes first"
BOOK = pelicanconf.CONSULTATION_LABEL
EXIT_URL = pelicanconf.EXIT_URL
NEUTRAL_PAGE = "<!doctype html><html lang='en'><title>Weather</title><h1>Today's weather</h1></html>"


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def outside(context):
    """Answer the exit site and the booking site with a tiny local page; record visits."""
    visits = []

    def fulfil(route):
        visits.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)

    for url in (EXIT_URL, pelicanconf.CONSULTATION_URL):
        context.route(origin(url) + "/**", fulfil)
    return visits


@pytest.fixture
def errors(context):
    seen = []
    context.on("console", lambda message: seen.append(message.text) if message.type == "error" else None)
    context.on("weberror", lambda error: seen.append(str(error.error)))
    return seen


def open_checklist(page, site_url):
    page.goto(site_url + PAGE)
    return page.get_by_role("region", name=CHECKLIST)


def test_a_safety_item_swaps_the_booking_prompt_for_help(page, site_url, errors):
    checklist = open_checklist(page, site_url)
    help_panel = checklist.get_by_role("region", name=HELP)
    prompt = checklist.get_by_role("link", name=BOOK)
    expect(prompt).to_be_visible()
    expect(help_panel).to_be_hidden()

    checklist.get_by_role("checkbox", name=ORDINARY_ITEM).check()
    expect(prompt).to_be_visible()
    expect(help_panel).to_be_hidden()

    for item in SAFETY_ITEMS:
        checklist.get_by_role("checkbox", name=item).check()
        expect(prompt).to_be_hidden()
        expect(help_panel).to_be_visible()
        expect(help_panel.get_by_role("link", name="Call Emergency services")).to_be_visible()
        expect(help_panel.get_by_role("link", name="More ways to get help now")).to_be_visible()
        # The politely announced count tells screen-reader users that help appeared.
        announcer = checklist.locator("[data-safety-announcer]")
        expect(announcer).to_have_text("Help you can reach now is shown below.")
        expect(announcer).to_have_attribute("aria-live", "polite")

    checklist.get_by_role("checkbox", name=SAFETY_ITEMS[0]).uncheck()
    expect(help_panel).to_be_visible()
    checklist.get_by_role("checkbox", name=SAFETY_ITEMS[1]).uncheck()
    expect(prompt).to_be_visible()
    expect(help_panel).to_be_hidden()
    expect(checklist.locator("[data-safety-announcer]")).to_have_text("")
    # The booking panel at the end of the article is not part of the checklist.
    expect(page.get_by_role("complementary", name="Would it help to talk it through?")).to_be_visible()
    assert errors == []


def test_the_help_panel_stays_up_after_a_reload(page, site_url, errors):
    checklist = open_checklist(page, site_url)
    checklist.get_by_role("checkbox", name=SAFETY_ITEMS[0]).check()
    page.reload()
    expect(checklist.get_by_role("region", name=HELP)).to_be_visible()
    expect(checklist.get_by_role("link", name=BOOK)).to_be_hidden()
    assert errors == []


def test_without_javascript_help_and_booking_prompt_both_show(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    checklist = open_checklist(context.new_page(), site_url)
    expect(checklist.get_by_role("region", name=HELP)).to_be_visible()
    expect(checklist.get_by_role("link", name=BOOK)).to_be_visible()
    context.close()


def test_the_exit_link_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    visits = []
    context.route(origin(EXIT_URL) + "/**", lambda route: (visits.append(route.request.url), route.fulfill(
        status=200, content_type="text/html", body=NEUTRAL_PAGE)))
    page = context.new_page()
    page.goto(site_url + PAGE)
    page.get_by_role("link", name="Exit this page").click()
    expect(page.get_by_role("heading", name="Today's weather")).to_be_visible()
    assert page.url == EXIT_URL
    assert visits == [EXIT_URL]
    context.close()


def test_the_exit_link_leaves_no_way_back(page, site_url, outside, errors):
    page.goto(site_url + PAGE)
    page.get_by_role("link", name="Exit this page").click()
    expect(page).to_have_url(EXIT_URL)
    expect(page.get_by_role("heading", name="Today's weather")).to_be_visible()
    page.go_back()
    assert not page.url.startswith(site_url), page.url
    assert errors == []


def test_shift_three_times_leaves_and_back_does_not_return(page, site_url, outside, errors):
    checklist = open_checklist(page, site_url)
    checklist.get_by_role("checkbox", name=SAFETY_ITEMS[0]).check()
    for _ in range(3):
        page.keyboard.press("Shift")
    expect(page).to_have_url(EXIT_URL)
    expect(page.get_by_role("heading", name="Today's weather")).to_be_visible()
    page.go_back()
    assert not page.url.startswith(site_url), page.url
    assert outside == [EXIT_URL]
    assert errors == []


def test_a_held_shift_slow_presses_or_typing_do_not_leave(page, site_url, outside, errors):
    checklist = open_checklist(page, site_url)
    page.keyboard.down("Shift")
    for _ in range(5):
        page.keyboard.down("Shift")  # holding the key down repeats it
    page.keyboard.up("Shift")
    page.wait_for_timeout(1100)
    for _ in range(3):  # too slow: more than a second from first to third
        page.keyboard.press("Shift")
        page.wait_for_timeout(600)
    page.wait_for_timeout(500)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift+A")  # typing a capital letter starts the count again
    page.keyboard.press("Shift")
    page.wait_for_timeout(500)
    expect(page).to_have_url(site_url + PAGE)
    expect(checklist).to_be_visible()
    assert outside == []
    assert errors == []


def test_the_end_of_article_booking_link_carries_the_campaign(page, site_url, outside, errors):
    page.goto(site_url + PAGE)
    panel = page.get_by_role("complementary", name="Would it help to talk it through?")
    panel.get_by_role("link", name=BOOK).click()
    expect(page.get_by_role("heading", name="Today's weather")).to_be_visible()
    url = urlsplit(page.url)
    assert f"{url.scheme}://{url.netloc}{url.path}" == pelicanconf.CONSULTATION_URL
    query = parse_qs(url.query)
    assert query["utm_medium"] == ["cta"]
    assert query["utm_content"] == ["article-end"]
    assert query["utm_campaign"] == ["can-trust-be-rebuilt"]
    assert outside == [page.url]
    assert errors == []


def test_no_axe_violations_with_the_help_panel_shown(page, site_url, errors):
    checklist = open_checklist(page, site_url)
    checklist.get_by_role("checkbox", name=SAFETY_ITEMS[1]).check()
    expect(checklist.get_by_role("region", name=HELP)).to_be_visible()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert errors == []
