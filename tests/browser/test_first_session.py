"""'Bring this to your first session': answers from every checklist, gathered by the reader's own
browser, printable and copyable; never a safety tick; it explains itself without JavaScript."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_checklist import PHONE, SAFETY, assert_quiet, box, open_checklist, watch  # noqa: F401 (a fixture)

SUMMARY = "/first-session/"


def summary_text(page):
    return page.locator("[data-summary]").inner_text()


def test_the_summary_gathers_ticks_and_notes_from_several_pages(page, site_url, watch):  # noqa: F811
    signs = open_checklist(page, site_url)  # how it shows up day to day
    box(signs, PHONE).check()
    box(signs, SAFETY).check()  # a safety item
    page.goto(site_url + "/aftermath-of-a-fight/")
    talk = page.locator("[data-module=checklist]").first
    talk.get_by_label("We are both calm enough to talk about it now.").check()
    talk.locator("textarea[data-notes]").fill("Ask about the weekend <b>fight</b>.")
    page.goto(site_url + SUMMARY)
    text = summary_text(page)
    assert "One of us looks through the other's phone or messages." in text
    assert "We are both calm enough to talk about it now." in text
    assert "Ask about the weekend <b>fight</b>." in text  # notes stay plain text
    assert page.locator("[data-summary] b").count() == 0
    assert SAFETY not in text  # a safety tick is never kept, so never gathered
    assert page.locator("[data-needs-script]").is_hidden()
    assert not Axe().run(page).violations_count
    assert_quiet(watch, site_url)


def test_with_nothing_saved_it_says_so_and_exit_leaves_nothing_to_gather(page, site_url):
    page.goto(site_url + SUMMARY)
    assert "Nothing is saved in this browser yet" in summary_text(page)
    signs = open_checklist(page, site_url)
    box(signs, PHONE).check()
    signs.get_by_role("button", name="Clear my answers").click()
    page.goto(site_url + SUMMARY)
    assert "Nothing is saved in this browser yet" in summary_text(page)


def test_copy_gives_plain_text_and_print_shows_the_summary_alone(page, context, site_url):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    signs = open_checklist(page, site_url)
    box(signs, PHONE).check()
    page.goto(site_url + SUMMARY)
    page.get_by_role("button", name="Copy my summary").click()
    expect(page.locator("[data-copy-status]")).to_have_text("Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Bring this to your first session") and "- One of us looks through" in copied
    page.evaluate("document.documentElement.classList.add('print-reflections')")
    page.emulate_media(media="print")
    assert page.locator("[data-summary]").is_visible()
    assert not page.locator(".site-header").is_visible()
    assert not page.get_by_text("Everything happens in your own browser").is_visible()


def test_without_javascript_the_page_explains_itself(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + SUMMARY)
    assert page.locator("[data-needs-script]").is_visible()
    assert "needs JavaScript" in page.locator("[data-needs-script]").inner_text()
    assert page.get_by_role("link", name="How broken trust shows up day to day").is_visible()
    context.close()
    # The same page with the site's scripts blocked (axe itself needs JavaScript to run).
    context = browser.new_context()
    context.route("**/theme/js/**", lambda route: route.abort())
    page = context.new_page()
    page.goto(site_url + SUMMARY)
    assert page.locator("[data-needs-script]").is_visible()
    assert not Axe().run(page).violations_count
    context.close()
