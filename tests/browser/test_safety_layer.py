"""The safety layer in Chromium, as a reader who may be in danger meets it, on a phone.

A safety tick puts help first and takes every couples prompt away; nothing about it is
stored; "Exit this page" (the link or Shift x3) hides the page, erases every stored answer
and leaves no way Back; a print-out or copy is safe to make; links carry nothing. Nothing
here reaches the network: the exit and booking sites are answered by context.route.
"""

import json
import re
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.conftest import TEST_PRACTICE, site_settings

PHONE_SCREEN = {"width": 390, "height": 844}
# The test site's settings (tests/site/practice.toml), whatever practice.toml holds.
SETTINGS = site_settings(TEST_PRACTICE)
EXIT_URL = SETTINGS["EXIT_URL"]
BOOKING = SETTINGS["CONSULTATION_URL"]
HELP = "Your safety comes first"
NAMESPACE = "reflection-checklists"
NEUTRAL_PAGE = "<!doctype html><html lang='en'><title>Weather</title><h1>Today's weather</h1></html>"
# Words that point a reader toward couples work or working it out with the partner.
COUPLES_WORDING = re.compile(
    r"\bcouples?\b|\btogether\b|talk(?:ing)? it (?:through|over)|\bboth of you\b|\bthe two of you\b"
    r"|\bwith your partner\b|\bas a couple\b|\bjoint\b|15-minute consultation", re.I)

# (page, checklist title, an ordinary item, a safety item), one per shipped checklist.
CHECKLISTS = [
    ("/how-it-shows-up-day-to-day/", "How is broken trust showing up for us?", "One of us looks through", "checks where I am"),
    ("/how-trust-fractures/", "What kind of fracture are we facing?", "An important promise was made", "scared of what my partner might do"),
    ("/why-broken-trust-hurts/", "How am I feeling right now?", "I feel sad about what we had", "I feel afraid of my partner"),
    ("/can-trust-be-rebuilt/", "Are we ready to start repair?", "The hurtful behaviour has stopped", "I feel afraid of my partner"),
    ("/daily-trust-rituals/", "Our daily trust-building rituals", "We shared a hug", "afraid of how my partner would react"),
    ("/aftermath-of-a-fight/", "Aftermath of a Fight: our conversation", "I said what set me off", "The fight included pushing"),
]
PAGE, CHECKLIST, ORDINARY, SAFETY = CHECKLISTS[0]
SECOND_SAFETY = "has hurt me, or threatened"


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": PHONE_SCREEN}


@pytest.fixture
def watch(context):
    """Every request, console error and uncaught error; outside sites answered locally."""
    seen = SimpleNamespace(requests=[], errors=[], outside=[])
    context.on("request", lambda request: seen.requests.append(request.url))
    context.on("console", lambda message: seen.errors.append(message.text) if message.type == "error" else None)
    context.on("weberror", lambda error: seen.errors.append(str(error.error)))

    def fulfil(route):
        seen.outside.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)

    for url in (EXIT_URL, BOOKING):
        context.route(outside_pattern(url), fulfil)
    return seen


def outside_pattern(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/**"


def assert_quiet(watch, site_url, left_to=()):
    """Zero console errors; no request off 127.0.0.1 except pages the reader chose to open."""
    assert watch.errors == []
    assert [url for url in watch.requests if not url.startswith(site_url + "/")] == list(left_to)


def open_checklist(page, site_url, path=PAGE, title=CHECKLIST):
    page.goto(site_url + path)
    return page.get_by_role("region", name=title)


def box(checklist, name):
    return checklist.get_by_role("checkbox", name=name)


def visible_feedback(checklist):
    """What the checklist shows beyond its own items: count, reflections, panels, prompts."""
    # innerText of an element that is not rendered is its whole text: keep only shown parts.
    parts = checklist.locator(":scope > :not(fieldset)").all()
    return " ".join(part.inner_text() for part in parts if part.is_visible())


def stored(page):
    return page.evaluate("""() => Object.fromEntries(['localStorage', 'sessionStorage'].map((area) =>
        [area, Object.keys(window[area]).filter((key) => key.startsWith('reflection-checklists:'))
                 .map((key) => [key, window[area].getItem(key)])]))""")


# --- 1. feedback once a safety item is ticked -------------------------------------------

@pytest.mark.parametrize("path,title,ordinary,safety", CHECKLISTS, ids=[c[0].strip("/") for c in CHECKLISTS])
def test_a_safety_tick_puts_help_first_and_nothing_points_to_couples_work(page, site_url, watch, path, title, ordinary, safety):
    checklist = open_checklist(page, site_url, path, title)
    count = checklist.locator("[data-count]")
    box(checklist, ordinary).check()
    expect(count).to_contain_text("1 of")
    before = count.inner_text()

    box(checklist, safety).check()
    expect(count).to_have_text(before)  # safety items are never counted
    panel = checklist.get_by_role("region", name=HELP)
    expect(panel).to_be_visible()
    expect(panel.get_by_role("link", name="Call 911")).to_be_visible()
    expect(checklist.locator("[data-safety-reflection]")).to_be_visible()
    expect(checklist.locator(".checklist__reflection:not([data-safety-reflection])").first).to_be_hidden()
    feedback = visible_feedback(checklist)
    assert "fear, threats or harm" in feedback
    assert not COUPLES_WORDING.search(feedback), feedback
    # Couples booking steps back everywhere on the page, header included.
    expect(page.locator("[data-couples-booking]:visible")).to_have_count(0)
    summary = page.get_by_role("region", name="My reflections").locator("[data-summary]")
    expect(summary.locator("h3").first).to_have_text("Help you can reach now")
    assert not COUPLES_WORDING.search(summary.inner_text()), summary.inner_text()
    expect(summary).not_to_contain_text(re.compile(re.escape(safety), re.I))

    box(checklist, safety).uncheck()
    expect(panel).to_be_hidden()
    expect(checklist.locator("[data-safety-reflection]")).to_be_hidden()
    # Back again: the header's booking link (a quiet nav link on a phone, a button on a desktop).
    expect(page.locator("header [data-couples-booking]:visible")).to_have_count(1)
    assert_quiet(watch, site_url)


def test_without_javascript_a_safety_tick_also_replaces_the_reflections(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE_SCREEN)
    page = context.new_page()
    checklist = open_checklist(page, site_url)
    panel = checklist.get_by_role("region", name=HELP)
    expect(panel).to_be_hidden()
    expect(checklist.get_by_text("If you ticked none", exact=True)).to_be_visible()
    box(checklist, SAFETY).check()
    expect(panel).to_be_visible()
    expect(checklist.locator("[data-safety-reflection]")).to_be_visible()
    expect(checklist.get_by_text("If you ticked none", exact=True)).to_be_hidden()
    assert not COUPLES_WORDING.search(visible_feedback(checklist))
    expect(page.locator("[data-couples-booking]:visible")).to_have_count(0)
    context.close()


def test_without_the_sites_script_the_ticked_safety_panel_passes_axe(browser, site_url):
    """axe needs JavaScript itself, so here only the site's own script is kept from loading."""
    context = browser.new_context(viewport=PHONE_SCREEN)
    context.route("**/theme/js/*.js", lambda route: route.abort())
    page = context.new_page()
    checklist = open_checklist(page, site_url)
    box(checklist, SAFETY).check()
    expect(checklist.get_by_role("region", name=HELP)).to_be_visible()
    expect(checklist.locator("[data-count]")).to_be_hidden()  # the script really did not run
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    context.close()


# --- 2. where the reader is looking -----------------------------------------------------

@pytest.mark.parametrize("path,title,ordinary,safety", CHECKLISTS, ids=[c[0].strip("/") for c in CHECKLISTS])
def test_the_help_panel_opens_in_view_on_a_phone(page, site_url, watch, path, title, ordinary, safety):
    checklist = open_checklist(page, site_url, path, title)
    target = box(checklist, safety)
    target.scroll_into_view_if_needed()
    # The item sits at the bottom edge of the screen, so the panel opens below the fold.
    page.evaluate("element => window.scrollBy(0, element.getBoundingClientRect().bottom - innerHeight + 4)",
                  target.element_handle())
    target.check()
    panel = checklist.get_by_role("region", name=HELP)
    expect(panel.locator(".checklist__safety-title")).to_be_in_viewport()
    expect(panel.get_by_role("link", name="Call 911")).to_be_in_viewport()
    # Not hidden under the sticky safety bar either.
    bar = page.locator(".safety-bar").bounding_box()
    title_box = panel.locator(".checklist__safety-title").bounding_box()
    assert title_box["y"] >= bar["y"] + bar["height"] - 1
    assert_quiet(watch, site_url)


def test_the_panel_is_announced_once_and_scrolls_without_motion_when_asked(browser, site_url):
    context = browser.new_context(viewport=PHONE_SCREEN, reduced_motion="reduce")
    context.add_init_script("""
      window.scrolls = [];
      const original = window.scrollBy;
      window.scrollBy = function (...args) {
        if (typeof args[0] === 'object') window.scrolls.push(args[0]);  // the page's own scrolls
        return original.apply(this, args);
      };
    """)
    page = context.new_page()
    checklist = open_checklist(page, site_url)
    announcer = checklist.locator("[data-safety-announcer]")
    expect(announcer).to_have_attribute("aria-live", "polite")
    page.evaluate("""() => { window.announced = 0; const node = document.querySelector('[data-safety-announcer]');
      new MutationObserver(() => { if (node.textContent) window.announced += 1; }).observe(node, {childList: true, characterData: true, subtree: true}); }""")
    target = box(checklist, SECOND_SAFETY)
    page.evaluate("element => window.scrollBy(0, element.getBoundingClientRect().bottom - innerHeight + 4)",
                  target.element_handle())
    target.check()
    box(checklist, SAFETY).check()
    expect(announcer).to_have_text("Help you can reach now is shown just below the list.")
    assert page.evaluate("window.announced") == 1
    scrolls = page.evaluate("window.scrolls")
    assert scrolls and all(options["behavior"] == "auto" for options in scrolls), scrolls
    expect(checklist.get_by_role("region", name=HELP).locator(".checklist__safety-title")).to_be_in_viewport()
    context.close()


# --- 3. nothing kept that could harm ----------------------------------------------------

def test_a_safety_tick_is_never_stored_even_with_remember_on(page, context, site_url, watch):
    checklist = open_checklist(page, site_url)
    box(checklist, "Remember my answers on this device").check()
    box(checklist, ORDINARY).check()
    box(checklist, SAFETY).check()
    box(checklist, SECOND_SAFETY).check()
    safety_keys = [box(checklist, name).get_attribute("data-item") for name in (SAFETY, SECOND_SAFETY)]
    ordinary_key = box(checklist, ORDINARY).get_attribute("data-item")
    records = stored(page)
    for area in ("localStorage", "sessionStorage"):
        assert len(records[area]) == 1, records
        (key, text), = records[area]
        assert json.loads(text)["items"] == {ordinary_key: True}
        assert not any(safety_key in text for safety_key in safety_keys)

    page.reload()
    expect(box(checklist, ORDINARY)).to_be_checked()
    expect(box(checklist, SAFETY)).not_to_be_checked()
    expect(checklist.get_by_role("region", name=HELP)).to_be_hidden()
    other = context.new_page()
    again = open_checklist(other, site_url)
    expect(box(again, ORDINARY)).to_be_checked()
    expect(box(again, SAFETY)).not_to_be_checked()
    other.close()
    assert_quiet(watch, site_url)


def test_the_remember_hint_says_safety_ticks_are_never_kept(page, site_url):
    checklist = open_checklist(page, site_url)
    expect(checklist.locator(".checklist__remember")).to_contain_text(
        "A tick on a statement about fear, threats or harm is never kept, even with this on.")


# --- 4. exit that leaves nothing behind -------------------------------------------------

def tick_everything_and_remember(page, site_url):
    checklist = open_checklist(page, site_url)
    box(checklist, "Remember my answers on this device").check()
    box(checklist, ORDINARY).check()
    box(checklist, SAFETY).check()
    page.goto(site_url + "/aftermath-of-a-fight/")
    page.get_by_role("textbox", name="My private notes (optional)").fill("what I really think")
    page.get_by_role("checkbox", name="I said what set me off").check()
    assert len(stored(page)["localStorage"]) == 1 and len(stored(page)["sessionStorage"]) == 2


def expect_nothing_left(page, site_url):
    # Back skipped the page the reader left from, and the page before it left again at once.
    expect(page).to_have_url(EXIT_URL)
    page.goto(site_url + PAGE)  # coming back on purpose
    assert stored(page) == {"localStorage": [], "sessionStorage": []}
    checklist = page.get_by_role("region", name=CHECKLIST)
    expect(box(checklist, ORDINARY)).not_to_be_checked()
    expect(box(checklist, SAFETY)).not_to_be_checked()
    expect(checklist.get_by_role("region", name=HELP)).to_be_hidden()
    page.goto(site_url + "/aftermath-of-a-fight/")
    expect(page.get_by_role("textbox", name="My private notes (optional)")).to_have_value("")
    expect(page.get_by_role("checkbox", name="I said what set me off")).not_to_be_checked()


SNAPSHOT_AT_EXIT = """
  // The moment the exit overlay appears, before the browser has left, report what is on screen.
  new MutationObserver((changes, observer) => {
    const overlay = document.querySelector('.exit-page-overlay');
    if (!overlay) return;
    observer.disconnect();
    console.log('at-exit ' + JSON.stringify({
      alert: overlay.getAttribute('role') + ': ' + overlay.textContent,
      mainShown: getComputedStyle(document.querySelector('main')).display !== 'none',
      notes: [...document.querySelectorAll('textarea')].map((area) => area.value).join(''),
      ticked: document.querySelectorAll('input:checked').length,
      stored: [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((key) => key !== 'exit-this-page:exited').length,
      url: location.href }));
  }).observe(document, {childList: true, subtree: true});
"""


def test_exit_hides_the_page_at_once_then_erases_and_leaves(page, context, site_url, watch):
    snapshots = []
    context.on("console", lambda message: snapshots.append(message.text) if message.text.startswith("at-exit ") else None)
    tick_everything_and_remember(page, site_url)
    context.add_init_script(SNAPSHOT_AT_EXIT)
    page.reload()
    expect(page.get_by_role("textbox", name="My private notes (optional)")).to_have_value("what I really think")
    expect(page.get_by_role("checkbox", name="I said what set me off")).to_be_checked()
    page.get_by_role("link", name="Exit this page").click()
    expect(page.get_by_role("heading", name="Today's weather")).to_be_visible()
    assert page.url == EXIT_URL
    assert [json.loads(text.removeprefix("at-exit ")) for text in snapshots] == [{
        "alert": "alert: Loading.", "mainShown": False, "notes": "", "ticked": 0, "stored": 0,
        "url": site_url + "/aftermath-of-a-fight/"}]


@pytest.mark.parametrize("how", ["link", "shift"])
def test_after_exit_back_shows_no_ticks_and_storage_is_empty(page, site_url, watch, how):
    tick_everything_and_remember(page, site_url)
    if how == "link":
        page.get_by_role("link", name="Exit this page").click()
    else:
        for _ in range(3):
            page.keyboard.press("Shift")
    expect(page.get_by_role("heading", name="Today's weather")).to_be_visible()
    page.go_back()
    expect_nothing_left(page, site_url)
    assert_quiet(watch, site_url, left_to=[EXIT_URL, EXIT_URL])


def test_after_exit_a_page_from_the_back_forward_cache_shows_no_ticks(browser_type, browser_type_launch_args, site_url):
    """Playwright turns the back/forward cache off; a real phone browser keeps earlier pages alive."""
    browser = browser_type.launch(**browser_type_launch_args, ignore_default_args=["--disable-back-forward-cache"])
    try:
        context = browser.new_context(viewport=PHONE_SCREEN)
        context.route(outside_pattern(EXIT_URL), lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE))
        page = context.new_page()
        checklist = open_checklist(page, site_url)
        page.evaluate("window.keptAlive = true")
        box(checklist, ORDINARY).check()
        box(checklist, SAFETY).check()
        page.goto(site_url + "/can-trust-be-rebuilt/")
        page.get_by_role("link", name="Exit this page").click()
        expect(page.get_by_role("heading", name="Today's weather")).to_be_visible()
        page.go_back(wait_until="commit")
        # The page kept alive in the cache shows nothing: it hides itself and leaves again.
        expect(page).to_have_url(EXIT_URL)
        expect(page.get_by_role("heading", name="Today's weather")).to_be_visible()
    finally:
        browser.close()


def test_the_exit_link_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE_SCREEN)
    visits = []
    context.route(outside_pattern(EXIT_URL), lambda route: (
        visits.append(route.request), route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)))
    page = context.new_page()
    page.goto(site_url + PAGE)
    page.get_by_role("link", name="Exit this page").click()
    expect(page.get_by_role("heading", name="Today's weather")).to_be_visible()
    assert [request.url for request in visits] == [EXIT_URL]
    # rel="noreferrer": the weather site is not told where the reader came from.
    assert "referer" not in {name.lower() for name in visits[0].headers}
    context.close()


def test_shift_presses_are_counted_and_announced_as_gov_uk_does(page, site_url, watch):
    page.clock.install()
    page.goto(site_url + PAGE)
    status = page.locator("[data-exit-status]")
    expect(status).to_have_attribute("role", "status")
    page.keyboard.press("Shift")
    expect(status).to_have_text("Shift, press 2 more times to exit.")
    expect(page.locator(".exit-page__light--on")).to_have_count(1)
    page.keyboard.press("Shift")
    expect(status).to_have_text("Shift, press 1 more time to exit.")
    page.clock.run_for(5100)  # more than 5 seconds since the last press
    expect(status).to_have_text("Exit this page expired.")
    expect(page.locator(".exit-page__light--on")).to_have_count(0)

    page.keyboard.press("Shift")
    page.keyboard.press("Shift+A")  # typing a capital letter starts the count again
    page.keyboard.press("Shift")
    expect(status).to_have_text("Shift, press 2 more times to exit.")
    page.keyboard.down("Shift")
    for _ in range(5):
        page.keyboard.down("Shift")  # a held key repeats, but it is one press
    page.keyboard.up("Shift")
    expect(status).to_have_text("Shift, press 1 more time to exit.")
    expect(page).to_have_url(site_url + PAGE)
    assert watch.outside == []
    page.keyboard.press("Shift")
    expect(page.get_by_role("heading", name="Today's weather")).to_be_visible()
    assert watch.outside == [EXIT_URL]


@pytest.mark.parametrize("position", [0.0, 0.35, 0.7, 1.0])
def test_exit_stays_in_reach_at_every_scroll_position_on_a_phone(page, site_url, watch, position):
    page.goto(site_url + PAGE)
    page.evaluate("fraction => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * fraction)", position)
    link = page.get_by_role("link", name="Exit this page")
    expect(link).to_be_in_viewport()
    area = link.bounding_box()
    assert area["y"] >= 0 and area["width"] >= 24 and area["height"] >= 24
    # The topmost element at the link's centre is the link: nothing covers it.
    assert page.evaluate("([x, y]) => !!document.elementFromPoint(x, y).closest('.exit-page__button')",
                         [area["x"] + area["width"] / 2, area["y"] + area["height"] / 2])
    assert_quiet(watch, site_url)


def test_a_focused_link_is_never_hidden_under_the_sticky_bar(page, site_url):
    page.emulate_media(reduced_motion="reduce")  # no smooth scroll to wait for
    page.goto(site_url + PAGE)
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    target = page.locator(".article__body a").first
    target.focus()
    bar = page.locator(".safety-bar").bounding_box()
    assert target.bounding_box()["y"] >= bar["y"] + bar["height"] - 1


# --- 6. a record that is safe to make ---------------------------------------------------

def test_print_my_reflections_prints_one_page_of_summary_only(page, context, site_url, watch):
    context.add_init_script("window.print = () => { document.body.dataset.printed = 'yes'; };")
    checklist = open_checklist(page, site_url)
    box(checklist, ORDINARY).check()
    box(checklist, SAFETY).check()
    summary = page.get_by_role("region", name="My reflections")
    expect(summary.get_by_text("think about who else could see")).to_be_visible()
    summary.get_by_role("button", name="Print my reflections").click()
    expect(page.locator("body")).to_have_attribute("data-printed", "yes")

    # After a safety tick the paper carries the help alone: nothing says what was ticked.
    page.emulate_media(media="print")
    expect(page.locator(".checklist__safety .help-list").first).to_be_visible()
    for hidden in (page.locator("main h1"), summary, page.locator(".safety-bar"), page.locator("aside.cta"),
                   checklist.locator("legend"), checklist.get_by_text(HELP)):
        expect(hidden).to_be_hidden()
    printed = page.locator("body").inner_text()
    assert "911" in printed
    for revealing in ("My reflections", "fear, threats or harm", "checks where I am", "One of us looks through",
                      "booking.example.org", "utm_"):
        assert revealing not in printed, revealing
    assert not COUPLES_WORDING.search(printed), printed
    assert_quiet(watch, site_url)


def test_the_browsers_own_print_with_a_safety_tick_is_the_safe_summary_too(page, site_url, watch):
    checklist = open_checklist(page, site_url)
    box(checklist, ORDINARY).check()
    box(checklist, SAFETY).check()
    page.emulate_media(media="print")  # Ctrl+P, not the button
    expect(checklist.locator("legend")).to_be_hidden()
    expect(page.locator("main h1")).to_be_hidden()
    expect(page.locator(".my-reflections")).to_be_hidden()
    expect(page.locator(".checklist__safety .help-list").first).to_be_visible()
    printed = page.locator("body").inner_text()
    assert "checks where I am" not in printed and "My reflections" not in printed
    assert_quiet(watch, site_url)


def test_without_javascript_a_print_never_shows_a_safety_item(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    checklist = open_checklist(page, site_url)
    box(checklist, ORDINARY).check()
    box(checklist, SAFETY).check()
    page.emulate_media(media="print")
    # After a safety tick the paper holds the help alone (tests/browser/test_moment_of_disclosure.py).
    expect(page.locator(".checklist__safety .help-list").first).to_be_visible()
    for item in (ORDINARY, SAFETY, SECOND_SAFETY):
        expect(page.locator("label", has_text=item)).to_be_hidden()
    printed = page.locator("body").inner_text()
    assert "booking.example.org" not in printed
    context.close()


def test_copy_starts_with_help_and_leaves_the_safety_tick_out(page, context, site_url, watch):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    checklist = open_checklist(page, site_url)
    box(checklist, ORDINARY).check()
    box(checklist, SAFETY).check()
    page.get_by_role("button", name="Copy my reflections").click()
    expect(page.get_by_role("region", name="My reflections").get_by_role("status")).to_have_text("Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.split("\n")[2] == "Help you can reach now", copied
    assert "- 911: " in copied and "Call 911" in copied
    assert "checks where I am" not in copied and "One of us looks through" in copied
    assert not COUPLES_WORDING.search(copied), copied
    assert_quiet(watch, site_url)


# --- 7. links that tell no one anything --------------------------------------------------

def test_the_call_on_your_own_link_carries_nothing(page, site_url, watch):
    checklist = open_checklist(page, site_url)
    box(checklist, SAFETY).check()
    checklist.get_by_role("link", name="Book a call just for me").click()
    expect(page.get_by_role("heading", name="Today's weather")).to_be_visible()
    assert page.url == SETTINGS["INDIVIDUAL_CONSULTATION_URL"] != BOOKING
    assert_quiet(watch, site_url, left_to=[SETTINGS["INDIVIDUAL_CONSULTATION_URL"]])


def test_the_end_of_article_booking_link_carries_no_campaign_by_default(page, site_url, watch):
    page.goto(site_url + "/can-trust-be-rebuilt/")
    panel = page.get_by_role("complementary", name="Would it help to talk it through?")
    panel.get_by_role("link", name=SETTINGS["CONSULTATION_LABEL"]).click()
    expect(page.get_by_role("heading", name="Today's weather")).to_be_visible()
    assert page.url == BOOKING
    assert_quiet(watch, site_url, left_to=[BOOKING])


# --- 5 and 8. the pages readers start from and go to ------------------------------------

@pytest.mark.parametrize("path", ["/", "/what-trust-is/", "/getting-help-now/", "/leaving-this-site-quickly/",
                                  "/staying-safer-online/", "/when-trust-cannot-be-rebuilt/"])
def test_safety_pages_are_accessible_and_quiet(page, site_url, watch, path):
    page.goto(site_url + path)
    if path in ("/", "/what-trust-is/"):
        panel = page.get_by_role("complementary", name="Is it safe to work on this together?")
        expect(panel.get_by_role("link", name="When trust cannot be rebuilt")).to_be_visible()
    else:
        expect(page.locator("header [data-couples-booking]")).to_have_count(0)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert_quiet(watch, site_url)


def test_no_axe_violations_with_the_help_panel_and_summary_shown(page, site_url, watch):
    checklist = open_checklist(page, site_url, *CHECKLISTS[3][:2])
    box(checklist, CHECKLISTS[3][3]).check()
    expect(checklist.get_by_role("region", name=HELP)).to_be_visible()
    page.keyboard.press("Shift")  # the press indicator and its announcement are on show too
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert_quiet(watch, site_url)
