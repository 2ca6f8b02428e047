"""The scripts are ES modules: after a page has loaded and its components have run, `window` has
no property that a blank page of the same origin lacks. A theme's own scripts, or a second copy
of the checklist package's, cannot collide with ours, and ours read nothing from `window`.
(The checklist package alone, on a plain Pelican theme: tests/outsider/test_outsider_site.py.)
"""

import pytest

BLANK = "/__blank-for-globals__.html"


def own_window_properties(page):
    return set(page.evaluate("() => Object.getOwnPropertyNames(window)"))


def new_globals(context, base_url, path, use_the_page):
    """Names a page's scripts add to `window`, against a blank page served from the same origin."""
    context.route(base_url + BLANK, lambda route: route.fulfill(
        status=200, content_type="text/html", body="<!doctype html><title>blank</title><p>blank</p>"))
    errors = []
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + BLANK)
    blank = own_window_properties(page)
    page.goto(base_url + path)
    use_the_page(page)
    added = own_window_properties(page) - blank
    assert errors == [], errors
    return added


def tick_and_press_shift(page):
    """Every component of an article at work: a tick, the summary, the Exit control's first press."""
    page.locator(".checklist__input:not([data-safety])").first.check()
    page.locator(".my-reflections").wait_for()
    page.keyboard.press("Shift")
    page.locator("[data-exit-status]").filter(has_text="2").wait_for()


@pytest.mark.parametrize("path", ["/can-trust-be-rebuilt/", "/fr/can-trust-be-rebuilt/"])
def test_an_article_with_every_component_adds_nothing_to_window(context, site_url, path):
    assert new_globals(context, site_url, path, tick_and_press_shift) == set()


def test_the_first_session_page_adds_nothing_to_window(context, site_url):
    summary = lambda page: page.locator("[data-first-session-init]").wait_for(state="attached")
    assert new_globals(context, site_url, "/first-session/", summary) == set()
