"""Pages that look finished on a desktop screen (issue 29): a one-row header, text aligned with
it, "On this page" beside the article with one numbering, and dates in the page's language."""

import re

import pytest

DESKTOP = {"width": 1366, "height": 900}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["/", "/the-four-horsemen/", "/fr/the-four-horsemen/", "/search/", "/fr/book-a-consultation/"])
def test_the_header_is_one_row_and_the_text_lines_up_with_it(browser, site_url, scheme, path):
    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + path)
    boxes = page.eval_on_selector_all(
        ".site-header__inner > *", "items => items.map(item => item.getBoundingClientRect().top)")
    assert max(boxes) - min(boxes) < 24, boxes  # every header item on one row
    name_left = page.locator(".site-header__name").bounding_box()["x"]
    title_left = page.locator("main h1").first.bounding_box()["x"]
    assert abs(title_left - name_left) <= 2, (name_left, title_left)
    context.close()


def test_on_this_page_sits_beside_the_article_with_one_numbering(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_url + "/the-four-horsemen/")
    toc = page.locator(".toc").bounding_box()
    body = page.locator(".article__body").bounding_box()
    assert toc["x"] > body["x"] + body["width"], (toc, body)
    assert page.locator(".toc__list").evaluate("list => getComputedStyle(list).listStyleType") == "none"
    first = page.locator(".toc__list a").first.inner_text()
    assert re.match(r"1\. ", first) and not re.match(r"\d+\. \d+\.", first)
    context.close()


def test_dates_are_written_in_the_pages_language(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_url + "/fr/can-trust-be-rebuilt/")
    published = page.locator(".article-meta time").first.inner_text()
    assert re.fullmatch(r"\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}", published), published
    page.goto(site_url + "/can-trust-be-rebuilt/")
    assert re.fullmatch(r"\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}",
                        page.locator(".article-meta time").first.inner_text())
    context.close()
