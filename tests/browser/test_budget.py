"""The budget as Chromium sees it: every request a page makes when it opens, and after.

The heaviest checklist article is opened and measured (everything it loads when it opens is held
to the budget), then a checklist box is ticked (which loads "My reflections") and the page read to
the end (so lazy images would load): still at most four requests, all to the site. The search page
is held to the same budget until the reader types. The test server sends files uncompressed;
each response body is gzipped here at the level tests/build/test_budget.py uses.
"""

import gzip

from tests.build.test_budget import BUDGET_BYTES, CHECKLIST_BUDGET_BYTES, GZIP_LEVEL, MAX_REQUESTS, \
    heaviest_checklist_article
from tests.helpers import page_url


def record(context):
    requests, responses = [], []
    context.on("request", lambda request: requests.append(request.url))
    context.on("response", lambda response: responses.append(response))
    return requests, responses


def gzipped(responses):
    return {response.url: len(gzip.compress(response.body(), compresslevel=GZIP_LEVEL, mtime=0))
            for response in responses if response.ok}


def test_heaviest_checklist_article_makes_at_most_four_same_origin_requests(context, site, site_url):
    path = page_url(site, heaviest_checklist_article(site))
    requests, responses = record(context)
    page = context.new_page()
    page.goto(site_url + path, wait_until="networkidle")
    opened = gzipped(responses)
    print(f"{path} when it opens: {len(requests)} requests, {sum(opened.values())} bytes gzipped: {opened}")
    assert sum(opened.values()) <= CHECKLIST_BUDGET_BYTES, opened
    assert not [url for url in requests if "/theme/js/reflections." in url], "My reflections loaded before any answer"

    page.locator(".checklist__input").first.check()
    page.locator('[data-module="my-reflections"]').wait_for(state="visible")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    sizes = gzipped(responses)
    print(f"{path} after a tick: {len(requests)} requests, {sum(sizes.values())} bytes gzipped: {sizes}")
    assert all(url.startswith(site_url + "/") for url in requests), requests
    assert len(requests) <= MAX_REQUESTS, requests


def test_the_search_page_loads_pagefind_only_when_the_reader_types(context, site_url):
    requests, responses = record(context)
    page = context.new_page()
    page.goto(site_url + "/search/", wait_until="networkidle")
    opened = gzipped(responses)
    print(f"/search/ when it opens: {len(requests)} requests, {sum(opened.values())} bytes gzipped")
    assert len(requests) <= MAX_REQUESTS, requests
    assert sum(opened.values()) <= BUDGET_BYTES, opened
    assert not [url for url in requests if "/pagefind/" in url], requests
    page.get_by_role("searchbox").fill("trust")
    page.locator(".search__result-link").first.wait_for()
    assert [url for url in requests if "/pagefind/" in url], requests
