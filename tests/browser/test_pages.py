"""Every kind of page in Chromium: it renders, asks nothing of other origins, and passes axe."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

PAGES = ["/", "/what-trust-is/", "/how-it-shows-up-day-to-day/", "/category/the-impact/", "/tag/trust/",
         "/archives/", "/about/", "/getting-help-now/", "/book-a-consultation/", "/search/", "/404.html"]


@pytest.fixture
def requests_seen(context):
    seen = []
    context.on("request", lambda request: seen.append(request.url))
    return seen


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_axe_violations_and_stays_on_this_origin(page, site_url, requests_seen, path):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + path)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert all(url.startswith(site_url) for url in requests_seen), requests_seen
    assert errors == []


def test_site_reads_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/what-trust-is/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("What trust is")
    page.get_by_role("link", name="Skip to main content").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#main$"))
    expect(page.locator("main#main")).to_be_focused()
    context.close()
