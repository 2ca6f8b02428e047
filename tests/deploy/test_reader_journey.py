"""A reader's journey in Chromium, under the real security headers from nginx.

home -> an article with a checklist -> tick a box -> the booking link. The
Content-Security-Policy must block nothing (Chromium reports each blocked
load, script or style on the console) and the console must stay free of
errors. The booking site is another website: the test answers for it with
context.route, so nothing leaves 127.0.0.1.
"""

from types import SimpleNamespace
from urllib.parse import urljoin, urlsplit

import pytest
from pelican.settings import read_settings

from tests.conftest import ROOT

ARTICLE = "/how-it-shows-up-day-to-day/"
SEARCH = "/search/"


def booking_origin():
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    parts = urlsplit(settings["CONSULTATION_URL"])
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def watch(context):
    """Console messages, page errors and requests of every page in the context."""
    seen = SimpleNamespace(console=[], errors=[], requests=[])

    def on_console(message):
        seen.console.append(f"{message.type}: {message.text}")
        if message.type == "error":
            seen.errors.append(message.text)

    context.on("console", on_console)
    context.on("weberror", lambda error: seen.errors.append(str(error.error)))
    context.on("request", lambda request: seen.requests.append(request.url))
    return seen


def csp_violations(watch):
    return [line for line in watch.console if "Content Security Policy" in line or "Content-Security-Policy" in line]


@pytest.mark.parametrize("where", ["subpath", "root"])
def test_reader_journey_breaks_no_rule_of_the_security_headers(request, context, watch, where):
    hosted = request.getfixturevalue(f"hosted_{where}")
    booking = booking_origin()
    booked = []

    def answer_for_booking_site(route):
        booked.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>Booking</title><p>Booked")

    context.route(booking + "/**", answer_for_booking_site)
    page = context.new_page()

    response = page.goto(hosted.url + "/")
    assert response.status == 200
    assert response.headers["content-security-policy"].startswith("default-src 'self'")

    page.locator(f'main a[href="{hosted.url}{ARTICLE}"]').first.click()
    page.wait_for_url(hosted.url + ARTICLE)
    page.wait_for_load_state("load")

    box = page.locator(".checklist input[type=checkbox]").first
    box.check()
    assert box.is_checked()

    search = page.goto(hosted.url + SEARCH)
    assert search.status == 200
    if (hosted.site / "pagefind").is_dir():  # the search page runs Pagefind's index
        field = page.locator("main [role=search] input, main input[type=search]").first
        field.fill("trust")
        field.press("Enter")
        results = page.locator('main [data-module="search"] a[href]')
        results.first.wait_for(timeout=10_000)
        for url in {urljoin(page.url, link.get_attribute("href")).partition("#")[0] for link in results.all()}:
            assert url.startswith(hosted.url + "/"), url
            assert page.request.get(url).status == 200, url

    page.goto(hosted.url + ARTICLE)
    page.wait_for_load_state("load")
    with page.expect_navigation(url=lambda url: url.startswith(booking)):
        page.locator(f'main a[href^="{booking}"]:visible').first.click()
    assert booked, "the booking link did not lead to the booking site"

    page.close()
    assert csp_violations(watch) == []
    assert watch.errors == []
    local = hosted.origin + "/"
    assert [url for url in watch.requests if not url.startswith((local, booking + "/"))] == []
