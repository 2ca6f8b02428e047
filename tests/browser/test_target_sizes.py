"""Controls a reader taps are at least 24 by 24 CSS pixels (WCAG 2.2, 2.5.8), on a phone."""

import pytest

CONTROLS = ("header a, .safety-bar a, .checklist input, .checklist button, .checklist .cta__button, "
            ".cta__button, .help-card__action, .help-card__site, .path-nav a, .my-reflections button")


@pytest.mark.parametrize("path", ["/can-trust-be-rebuilt/", "/getting-help-now/", "/aftermath-of-a-fight/"])
def test_tap_targets_are_at_least_24_pixels(browser, site_url, path):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(site_url + path)
    # Show the parts that start hidden (safety panel, summary) so they are measured too.
    safety = page.locator("input[data-safety]")
    if safety.count():
        safety.first.check()
    small = page.eval_on_selector_all(
        CONTROLS,
        """elements => elements
            .filter(element => element.getClientRects().length)
            .map(element => [element.outerHTML.slice(0, 80), element.getBoundingClientRect()])
            .filter(([, box]) => box.width < 24 || box.height < 24)
            .map(([html, box]) => `${html} ${Math.round(box.width)}x${Math.round(box.height)}`)""",
    )
    measured = page.locator(CONTROLS).count()
    context.close()
    assert measured > 10
    assert small == []
