"""Reflection checklists in Chromium, with JavaScript (enhanced) and without (plain form).

The scripts (the checklist package's ES modules, bundled by the theme) add a live count, the
matching reflection, saved answers, "Clear my answers" and "My reflections". Storage that is blocked, full or corrupt must
never break the page or lose a tick.
"""

import json
from types import SimpleNamespace

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

PAGE = "/how-it-shows-up-day-to-day/"
CHECKLIST = "How is broken trust showing up for us?"
CHECKLIST_ID = "everyday-signs"
OTHER_PAGE = "/the-pursue-withdraw-cycle/"  # the "Next" link in the learning path
PHONE = "looks through the other"  # item key e003dd
LATE = "Being late or forgetting a chore"  # item key 791883
MONEY = "A talk about money"  # item key 052ff9
WORRIES = "I keep worries to myself"  # item key 5ca476
SAFETY = "checks where I am"  # item key ce9004, a safety item
REMEMBER = "Remember my answers on this device"
NOT_SAVED = "Your answers can't be saved in this browser, so they will be gone when you leave this page."
UNREADABLE = "Some of your saved answers could not be read, so they have been left out."
CLEARED = "All your answers on this site have been cleared."
FULL = "This browser's storage is full, so your latest changes are not saved. Answers saved before are kept."

BLOCK_STORAGE = """
for (const name of ['localStorage', 'sessionStorage']) {
  Object.defineProperty(window, name, {
    configurable: true,
    get () { throw new DOMException('The operation is insecure.', 'SecurityError'); }
  });
}
"""
FILL_STORAGE = """
Storage.prototype.setItem = function () {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};
"""


@pytest.fixture
def watch(context):
    """Every request, console error and uncaught error in the context, new tabs included."""
    seen = SimpleNamespace(requests=[], errors=[])
    context.on("request", lambda request: seen.requests.append(request.url))
    context.on("console", lambda message: seen.errors.append(message.text) if message.type == "error" else None)
    context.on("weberror", lambda error: seen.errors.append(str(error.error)))
    return seen


def assert_quiet(watch, site_url):
    assert watch.requests, "no requests were recorded"
    assert [url for url in watch.requests if not url.startswith(site_url + "/")] == []
    assert watch.errors == []


def open_checklist(page, site_url, path=PAGE):
    page.goto(site_url + path)
    return page.get_by_role("region", name=CHECKLIST)


def box(checklist, name):
    return checklist.get_by_role("checkbox", name=name)


def storage_key(page):
    namespace = page.locator("body").get_attribute("data-storage-namespace")
    return f"{namespace}:v1:{PAGE}:{CHECKLIST_ID}"


def expect_reflection(checklist, shown):
    """Exactly one reflection is on screen: the one for `shown` ("none", "1 to 3", "4 or more"),
    or none at all (`shown=None`)."""
    for heading in ("none", "1 to 3", "4 or more"):
        reflection = checklist.get_by_text(f"If you ticked {heading}", exact=True)
        if heading == shown:
            expect(reflection).to_be_visible()
        else:
            expect(reflection).to_be_hidden()


# --- with JavaScript -------------------------------------------------------------------

def test_ticking_updates_the_count_and_the_reflection(page, site_url, watch):
    checklist = open_checklist(page, site_url)
    count = checklist.get_by_text("of 7 ticked")
    expect(count).to_have_text("0 of 7 ticked")
    expect(count).to_have_attribute("aria-live", "polite")
    # Nothing is said about "none" before the reader has answered anything.
    expect_reflection(checklist, None)
    expect(checklist.get_by_text("What your answers might mean")).to_be_hidden()

    box(checklist, PHONE).check()
    expect(count).to_have_text("1 of 7 ticked")
    expect_reflection(checklist, "1 to 3")
    box(checklist, PHONE).uncheck()
    expect_reflection(checklist, "none")
    box(checklist, PHONE).check()

    for name in (LATE, MONEY, WORRIES):
        box(checklist, name).check()
    expect(count).to_have_text("4 of 7 ticked")
    expect_reflection(checklist, "4 or more")

    box(checklist, LATE).uncheck()
    expect(count).to_have_text("3 of 7 ticked")
    expect_reflection(checklist, "1 to 3")
    assert_quiet(watch, site_url)


def test_answers_stay_in_the_tab_after_a_reload(page, site_url, watch):
    checklist = open_checklist(page, site_url)
    box(checklist, PHONE).check()
    box(checklist, MONEY).check()
    page.reload()
    expect(box(checklist, PHONE)).to_be_checked()
    expect(box(checklist, MONEY)).to_be_checked()
    expect(box(checklist, LATE)).not_to_be_checked()
    expect(checklist.get_by_text("of 7 ticked")).to_have_text("2 of 7 ticked")
    expect_reflection(checklist, "1 to 3")
    expect(box(checklist, REMEMBER)).not_to_be_checked()
    assert_quiet(watch, site_url)


def test_a_new_tab_starts_empty_unless_the_reader_asks_to_remember(page, context, site_url, watch):
    checklist = open_checklist(page, site_url)
    box(checklist, PHONE).check()

    other = context.new_page()
    fresh = open_checklist(other, site_url)
    expect(fresh.get_by_text("of 7 ticked")).to_have_text("0 of 7 ticked")
    expect(box(fresh, PHONE)).not_to_be_checked()
    other.close()

    box(checklist, REMEMBER).check()
    remembered = context.new_page()
    kept = open_checklist(remembered, site_url)
    expect(box(kept, PHONE)).to_be_checked()
    expect(kept.get_by_text("of 7 ticked")).to_have_text("1 of 7 ticked")
    expect(box(kept, REMEMBER)).to_be_checked()
    remembered.close()
    assert_quiet(watch, site_url)


def test_unticking_remember_forgets_on_the_device_but_keeps_the_tab(page, context, site_url, watch):
    checklist = open_checklist(page, site_url)
    box(checklist, REMEMBER).check()
    box(checklist, PHONE).check()
    box(checklist, REMEMBER).uncheck()

    other = context.new_page()
    expect(box(open_checklist(other, site_url), PHONE)).not_to_be_checked()
    other.close()

    page.reload()
    expect(box(checklist, PHONE)).to_be_checked()
    expect(box(checklist, REMEMBER)).not_to_be_checked()
    assert_quiet(watch, site_url)


def test_clear_erases_everything_also_after_a_reload_and_in_a_new_tab(page, context, site_url, watch):
    checklist = open_checklist(page, site_url)
    box(checklist, REMEMBER).check()
    box(checklist, PHONE).check()
    box(checklist, SAFETY).check()

    checklist.get_by_role("button", name="Clear my answers").click()
    expect(checklist.get_by_role("status").filter(has_text=CLEARED)).to_be_visible()
    expect(checklist.get_by_text("of 7 ticked")).to_have_text("0 of 7 ticked")
    expect(box(checklist, PHONE)).not_to_be_checked()
    expect(box(checklist, REMEMBER)).not_to_be_checked()
    expect_reflection(checklist, None)  # cleared is a fresh start, not an answer of "none"
    expect(checklist.get_by_role("region", name="Your safety comes first")).to_be_hidden()

    page.reload()
    expect(checklist.get_by_text("of 7 ticked")).to_have_text("0 of 7 ticked")
    expect(box(checklist, PHONE)).not_to_be_checked()
    expect(box(checklist, REMEMBER)).not_to_be_checked()
    other = context.new_page()
    expect(open_checklist(other, site_url).get_by_text("of 7 ticked")).to_have_text("0 of 7 ticked")
    other.close()
    assert page.evaluate("[localStorage.length, sessionStorage.length]") == [0, 0]
    assert_quiet(watch, site_url)


def test_blocked_storage_leaves_a_working_page_and_one_message(page, context, site_url, watch):
    context.add_init_script(BLOCK_STORAGE)
    checklist = open_checklist(page, site_url)
    message = checklist.get_by_role("status").filter(has_text=NOT_SAVED)
    expect(message).to_be_visible()

    box(checklist, PHONE).check()
    box(checklist, REMEMBER).check()
    box(checklist, MONEY).check()
    expect(checklist.get_by_text("of 7 ticked")).to_have_text("2 of 7 ticked")
    expect_reflection(checklist, "1 to 3")
    expect(page.get_by_text(NOT_SAVED)).to_have_count(1)
    expect(message).to_be_visible()
    expect(page.get_by_role("region", name="My reflections").get_by_role("listitem")).to_have_count(2)

    checklist.get_by_role("button", name="Clear my answers").click()
    expect(checklist.get_by_text("of 7 ticked")).to_have_text("0 of 7 ticked")
    assert_quiet(watch, site_url)


def test_full_storage_keeps_the_answers_in_memory(page, context, site_url, watch):
    context.add_init_script(FILL_STORAGE)
    checklist = open_checklist(page, site_url)
    expect(page.get_by_text(FULL)).to_have_count(0)

    box(checklist, PHONE).check()
    message = checklist.get_by_role("status").filter(has_text=FULL)
    expect(message).to_be_visible()
    box(checklist, LATE).check()
    box(checklist, SAFETY).check()
    expect(box(checklist, PHONE)).to_be_checked()
    expect(box(checklist, LATE)).to_be_checked()
    expect(checklist.get_by_text("of 7 ticked")).to_have_text("2 of 7 ticked")
    expect(checklist.get_by_role("region", name="Your safety comes first")).to_be_visible()
    expect(page.get_by_text(FULL)).to_have_count(1)
    summary = page.get_by_role("region", name="My reflections")
    expect(ticked_in_summary(summary)).to_have_count(2)
    assert_quiet(watch, site_url)


def test_storage_filling_up_never_loses_what_was_saved(page, site_url, watch):
    checklist = open_checklist(page, site_url)
    box(checklist, PHONE).check()
    page.evaluate("() => {" + FILL_STORAGE + "}")
    box(checklist, LATE).check()
    expect(checklist.get_by_role("status").filter(has_text=FULL)).to_be_visible()
    page.reload()  # storage has room again after the reload; what was saved is still there
    expect(box(checklist, PHONE)).to_be_checked()
    expect(box(checklist, LATE)).not_to_be_checked()
    assert_quiet(watch, site_url)


def test_clear_erases_every_answer_of_the_site_in_both_storages(page, context, site_url, watch):
    page.goto(site_url + "/aftermath-of-a-fight/")
    page.get_by_role("textbox", name="My private notes (optional)").fill("kept notes")
    page.evaluate("""() => { localStorage.setItem('reflection-checklists:v0:/old-page/:gone', '{}');
                           sessionStorage.setItem('reflection-checklists:v1:/how-it-shows-up-day-to-day/:renamed', '{}');
                           localStorage.setItem('someone-else', 'kept'); }""")
    checklist = open_checklist(page, site_url)
    box(checklist, REMEMBER).check()
    box(checklist, PHONE).check()
    checklist.get_by_role("button", name="Clear my answers").click()
    expect(checklist.get_by_role("status").filter(has_text=CLEARED)).to_be_visible()
    left = page.evaluate("[Object.keys(localStorage), Object.keys(sessionStorage)]")
    assert left == [["someone-else"], []], left
    page.goto(site_url + "/aftermath-of-a-fight/")
    expect(page.get_by_role("textbox", name="My private notes (optional)")).to_have_value("")
    assert_quiet(watch, site_url)


def test_two_tabs_that_remember_stay_in_step(page, context, site_url, watch):
    first = open_checklist(page, site_url)
    box(first, REMEMBER).check()
    other = context.new_page()
    second = open_checklist(other, site_url)
    expect(box(second, REMEMBER)).to_be_checked()
    box(first, PHONE).check()
    expect(box(second, PHONE)).to_be_checked()  # the other tab follows
    box(second, MONEY).check()
    expect(box(first, MONEY)).to_be_checked()
    expect(box(first, PHONE)).to_be_checked()  # and neither loses the other's answer
    box(second, REMEMBER).uncheck()
    expect(box(first, REMEMBER)).not_to_be_checked()  # off in one tab is off in all
    box(first, LATE).check()
    assert page.evaluate("Object.keys(localStorage)") == []
    other.close()
    assert_quiet(watch, site_url)


@pytest.mark.parametrize("stored", [
    "{not json", "null", "42", '"text"', "[true]", '{"v":1,"items":[true]}', '{"v":1,"items":"e003dd"}',
])
def test_unreadable_saved_answers_leave_a_working_page(page, site_url, watch, stored):
    checklist = open_checklist(page, site_url)
    page.evaluate("([key, value]) => sessionStorage.setItem(key, value)", [storage_key(page), stored])
    page.reload()
    expect(checklist.get_by_role("status").filter(has_text=UNREADABLE)).to_be_visible()
    expect(checklist.get_by_text("of 7 ticked")).to_have_text("0 of 7 ticked")

    page.reload()  # the unreadable entry was removed: it is reported once, not on every visit
    expect(page.get_by_text(UNREADABLE)).to_have_count(0)
    box(checklist, PHONE).check()
    expect(checklist.get_by_text("of 7 ticked")).to_have_text("1 of 7 ticked")
    page.reload()
    expect(box(checklist, PHONE)).to_be_checked()
    expect(page.get_by_text(UNREADABLE)).to_have_count(0)
    assert_quiet(watch, site_url)


def test_partly_wrong_saved_answers_keep_their_valid_parts(page, context, site_url, watch):
    record = {"v": 1, "items": {"e003dd": True, "791883": "yes", "052ff9": False, "gone99": True, "ce9004": True},
              "notes": 7, "remember": "maybe"}
    key = f"reflection-checklists:v1:{PAGE}:{CHECKLIST_ID}"
    context.add_init_script(f"sessionStorage.setItem({json.dumps(key)}, {json.dumps(json.dumps(record))});"
                            f"localStorage.setItem({json.dumps(key)}, '[1, 2');")
    checklist = open_checklist(page, site_url)
    assert storage_key(page) == key
    expect(box(checklist, PHONE)).to_be_checked()
    # A safety tick is never taken back from storage, and the record is rewritten without it.
    expect(box(checklist, SAFETY)).not_to_be_checked()
    expect(box(checklist, LATE)).not_to_be_checked()
    expect(box(checklist, MONEY)).not_to_be_checked()
    expect(box(checklist, REMEMBER)).not_to_be_checked()
    expect(checklist.get_by_text("of 7 ticked")).to_have_text("1 of 7 ticked")
    expect(checklist.get_by_role("region", name="Your safety comes first")).to_be_hidden()
    expect(page.get_by_text(UNREADABLE)).to_have_count(1)
    stored = json.loads(page.evaluate("key => sessionStorage.getItem(key)", key))
    assert stored["items"] == {"e003dd": True}
    assert_quiet(watch, site_url)


def test_keyboard_only(page, site_url, watch):
    checklist = open_checklist(page, site_url)
    first = box(checklist, PHONE)
    tab_to(page, first)
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    expect(checklist.get_by_text("of 7 ticked")).to_have_text("1 of 7 ticked")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(box(checklist, LATE)).to_be_checked()
    expect(checklist.get_by_text("of 7 ticked")).to_have_text("2 of 7 ticked")

    clear = checklist.get_by_role("button", name="Clear my answers")
    tab_to(page, clear)
    page.keyboard.press("Enter")
    expect(checklist.get_by_text("of 7 ticked")).to_have_text("0 of 7 ticked")
    expect(first).not_to_be_checked()
    expect(checklist.get_by_role("status").filter(has_text=CLEARED)).to_be_visible()
    assert_quiet(watch, site_url)


def tab_to(page, target, limit=150):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {target}")


def test_back_and_forward_keep_the_page_in_sync(page, site_url, watch):
    checklist = open_checklist(page, site_url)
    box(checklist, PHONE).check()
    box(checklist, SAFETY).check()
    # (After a safety tick the learning path steps back: the reader follows a link in the text.)
    page.goto(site_url + OTHER_PAGE)
    expect(page).to_have_url(site_url + OTHER_PAGE)

    page.go_back()
    expect(page).to_have_url(site_url + PAGE)
    expect_phone_kept_and_safety_gone(page, checklist)
    page.go_forward()
    expect(page).to_have_url(site_url + OTHER_PAGE)
    page.go_back()
    expect_phone_kept_and_safety_gone(page, checklist)
    assert_quiet(watch, site_url)


def expect_phone_kept_and_safety_gone(page, checklist):
    """Ordinary answers come back; a safety tick never outlives the page it was made on."""
    expect(box(checklist, PHONE)).to_be_checked()
    expect(box(checklist, SAFETY)).not_to_be_checked()
    expect(checklist.get_by_text("of 7 ticked")).to_have_text("1 of 7 ticked")
    expect_reflection(checklist, "1 to 3")
    expect(checklist.get_by_role("region", name="Your safety comes first")).to_be_hidden()
    expect(ticked_in_summary(page.get_by_role("region", name="My reflections"))).to_have_count(1)


def ticked_in_summary(summary):
    """The ticked items listed in My reflections (not the help list it may start with)."""
    return summary.locator("[data-summary] > div:not(.my-reflections__help) li")


def test_back_forward_cache_restores_a_page_in_sync(browser_type, browser_type_launch_args, site_url):
    """Playwright turns the back/forward cache off; a real browser keeps the page alive."""
    browser = browser_type.launch(**browser_type_launch_args, ignore_default_args=["--disable-back-forward-cache"])
    try:
        page = browser.new_page()
        checklist = open_checklist(page, site_url)
        page.evaluate("window.keptAlive = true")
        box(checklist, PHONE).check()
        box(checklist, SAFETY).check()
        page.goto(site_url + OTHER_PAGE)
        page.go_back(wait_until="commit")  # a page from the cache fires no "load"
        expect(page).to_have_url(site_url + PAGE)
        assert page.evaluate("window.keptAlive === true"), "the page did not come from the back/forward cache"
        expect(box(checklist, PHONE)).to_be_checked()
        expect(box(checklist, SAFETY)).not_to_be_checked()
        expect(checklist.get_by_role("region", name="Your safety comes first")).to_be_hidden()
        expect(checklist.get_by_text("of 7 ticked")).to_have_text("1 of 7 ticked")
        expect_reflection(checklist, "1 to 3")
    finally:
        browser.close()


def test_pageshow_overrules_boxes_the_browser_refilled_by_itself(page, site_url):
    """Browsers may refill checkboxes from their own form memory (after Exit or Clear, too);
    on pageshow the page shows what is stored, and display and boxes agree."""
    checklist = open_checklist(page, site_url)
    box(checklist, PHONE).check()
    page.reload()
    for name in (LATE, MONEY, WORRIES, SAFETY):
        box(checklist, name).evaluate("input => { input.checked = true; }")
    page.evaluate("dispatchEvent(new PageTransitionEvent('pageshow', {persisted: false}))")
    expect(checklist.get_by_text("of 7 ticked")).to_have_text("1 of 7 ticked")
    for name in (LATE, MONEY, WORRIES, SAFETY):
        expect(box(checklist, name)).not_to_be_checked()
    expect(box(checklist, PHONE)).to_be_checked()
    expect_reflection(checklist, "1 to 3")
    expect(checklist.get_by_role("region", name="Your safety comes first")).to_be_hidden()
    expect(page.get_by_role("region", name="My reflections").get_by_role("listitem")).to_have_count(1)


def test_a_page_back_from_the_cache_shows_what_storage_holds_now(page, site_url):
    """Answers erased elsewhere (Clear in another tab of the same session, or Exit) are gone here too."""
    checklist = open_checklist(page, site_url)
    box(checklist, PHONE).check()
    box(checklist, MONEY).check()
    page.evaluate("sessionStorage.clear()")
    page.evaluate("dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    expect(box(checklist, PHONE)).not_to_be_checked()
    expect(checklist.get_by_text("of 7 ticked")).to_have_text("0 of 7 ticked")
    # Nothing left to reflect on: the summary steps back until the reader answers again.
    expect(page.locator(".my-reflections")).to_be_hidden()


def test_my_reflections_summarises_and_copies(page, context, site_url, watch):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    checklist = open_checklist(page, site_url)
    summary = page.get_by_role("region", name="My reflections")
    # Before the reader answers there is nothing to reflect on, print or copy: no summary, and
    # no booking prompt after the list.
    expect(page.locator(".my-reflections")).to_be_hidden()
    expect(checklist.locator("[data-next]")).to_be_hidden()

    box(checklist, PHONE).check()
    expect(summary.get_by_role("heading", name=CHECKLIST)).to_be_visible()
    expect(checklist.locator("[data-next]")).to_be_visible()
    box(checklist, MONEY).check()
    expect(summary.get_by_role("listitem")).to_have_text([
        "One of us looks through the other's phone or messages.",
        "A talk about money ends in blame or silence.",
    ])
    expect(summary.get_by_text("Nothing ticked")).to_have_count(0)
    expect(summary.get_by_text("A few of these are part of your days at the moment.")).to_be_visible()

    summary.get_by_role("button", name="Copy my reflections").click()
    expect(summary.get_by_role("status")).to_have_text("Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("How broken trust shows up day to day\n\n" + CHECKLIST + "\n")
    assert "- One of us looks through the other's phone or messages." in copied
    assert "- A talk about money ends in blame or silence." in copied
    assert "A few of these are part of your days at the moment." in copied
    assert "Being late" not in copied
    assert_quiet(watch, site_url)


def test_my_reflections_says_when_copying_fails(page, context, site_url, watch):
    context.add_init_script("navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));")
    box(open_checklist(page, site_url), PHONE).check()
    summary = page.get_by_role("region", name="My reflections")
    summary.get_by_role("button", name="Copy my reflections").click()
    expect(summary.get_by_role("status")).to_have_text(
        "Copying did not work here; you can select the text and copy it.")
    assert_quiet(watch, site_url)


def test_my_reflections_shows_notes_as_plain_text(page, site_url, watch):
    page.goto(site_url + "/aftermath-of-a-fight/")
    notes = page.get_by_role("textbox", name="My private notes (optional)")
    notes.fill("<b>not bold</b> and <img src=x>")
    summary = page.get_by_role("region", name="My reflections")
    expect(summary.get_by_text("My notes: <b>not bold</b> and <img src=x>")).to_be_visible()
    expect(summary.locator("b, img")).to_have_count(0)
    page.reload()
    expect(notes).to_have_value("<b>not bold</b> and <img src=x>")
    assert_quiet(watch, site_url)


def test_printing_the_page_keeps_the_ticks_and_drops_navigation_and_booking(page, site_url, watch):
    checklist = open_checklist(page, site_url)
    box(checklist, PHONE).check()
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    expect(page.get_by_role("link", name="Exit this page")).to_be_hidden()
    expect(checklist.get_by_role("button", name="Clear my answers")).to_be_hidden()
    expect(box(checklist, PHONE)).to_be_visible()
    expect(box(checklist, PHONE)).to_be_checked()
    for link in page.get_by_role("link").all():
        if "booking.example.org" in (link.get_attribute("href") or ""):
            expect(link).to_be_hidden()
    expect(ticked_in_summary(page.get_by_role("region", name="My reflections"))).to_have_count(1)
    assert_quiet(watch, site_url)


@pytest.mark.parametrize("ticked", [(), (PHONE, MONEY, SAFETY)])
def test_checklist_page_has_no_axe_violations(page, site_url, watch, ticked):
    checklist = open_checklist(page, site_url)
    for name in ticked:
        box(checklist, name).check()
    if ticked:
        page.get_by_role("button", name="Copy my reflections").click()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert_quiet(watch, site_url)


def test_works_under_a_strict_content_security_policy(page, context, site_url, watch):
    """No inline script, style attribute or eval: the page works with default-src 'self' (and
    data: images, as the site's own policy allows, for the icon written into the page)."""
    def with_policy(route):
        response = route.fetch()
        headers = {**response.headers, "content-security-policy":
                   "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                   "object-src 'none'; base-uri 'none'"}
        route.fulfill(response=response, headers=headers)

    context.route(site_url + PAGE, with_policy)
    checklist = open_checklist(page, site_url)
    box(checklist, PHONE).check()
    box(checklist, SAFETY).check()
    expect(checklist.get_by_text("of 7 ticked")).to_have_text("1 of 7 ticked")
    expect(checklist.get_by_role("region", name="Your safety comes first")).to_be_visible()
    summary = page.get_by_role("region", name="My reflections")
    expect(summary.get_by_role("heading", name="Help you can reach now")).to_be_visible()
    expect(ticked_in_summary(summary)).to_have_count(1)
    assert_quiet(watch, site_url)


def test_a_broken_component_does_not_stop_the_others(page, context, site_url):
    """The exit link (first on the page) fails to start: it is logged, the rest still start."""
    context.add_init_script("""
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') {
          document.querySelector('.exit-page__button').removeAttribute('href');
        }
      });
    """)
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    checklist = open_checklist(page, site_url)
    box(checklist, PHONE).check()
    expect(checklist.get_by_text("of 7 ticked")).to_have_text("1 of 7 ticked")
    summary = page.get_by_role("region", name="My reflections")
    expect(summary.get_by_role("listitem")).to_have_text(["One of us looks through the other's phone or messages."])
    assert len(errors) == 1 and "ExitPage" in errors[0], errors


# --- without JavaScript ------------------------------------------------------------------

@pytest.fixture
def page_without_js(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_without_javascript_the_checklist_is_a_plain_form(page_without_js, site_url):
    page = page_without_js
    checklist = open_checklist(page, site_url)
    box(checklist, PHONE).check()
    box(checklist, MONEY).check()
    expect(box(checklist, PHONE)).to_be_checked()
    for heading in ("none", "1 to 3", "4 or more"):
        expect(checklist.get_by_text(f"If you ticked {heading}", exact=True)).to_be_visible()
    expect(checklist.get_by_text("of 7 ticked")).to_be_hidden()
    expect(box(checklist, REMEMBER)).to_be_hidden()
    expect(checklist.get_by_role("button", name="Clear my answers")).to_be_hidden()
    expect(page.get_by_role("region", name="My reflections")).to_be_hidden()
    expect(page.get_by_role("button", name="Copy my reflections")).to_be_hidden()


def test_the_script_says_what_the_markup_tells_it(page, site_url, watch):
    """Every text the checklist script shows comes from data-i18n-* on the checklist (written from
    the CHECKLIST_*_TEXT settings), so a site rewords or translates it without touching the JS."""
    def reworded(route):
        response = route.fetch()
        body = response.text().replace('data-i18n-count="{ticked} of {total} ticked"',
                                       'data-i18n-count="{ticked} sur {total} cochés"')
        body = body.replace('data-i18n-cleared="All your answers on this site have been cleared."',
                            'data-i18n-cleared="Vos réponses ont été effacées."')
        route.fulfill(response=response, body=body)

    page.route(site_url + PAGE, reworded)
    checklist = open_checklist(page, site_url)
    box(checklist, PHONE).check()
    expect(checklist.locator("[data-count]")).to_have_text("1 sur 7 cochés")
    checklist.get_by_role("button", name="Clear my answers").click()
    expect(checklist.get_by_role("status").filter(has_text="Vos réponses ont été effacées.")).to_be_visible()
