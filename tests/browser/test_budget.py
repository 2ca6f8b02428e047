"""The budget as Chromium sees it: every request the heaviest checklist article makes.

The page is read to the end (so lazy images would load) with a checklist box ticked
(so the script has run). The test server sends files uncompressed; each response body
is gzipped here at the level tests/build/test_budget.py uses.
"""

import gzip

from tests.build.test_budget import BUDGET_BYTES, GZIP_LEVEL, MAX_REQUESTS, heaviest_checklist_article
from tests.helpers import page_url


def test_heaviest_checklist_article_makes_at_most_four_same_origin_requests(context, site, site_url):
    path = page_url(site, heaviest_checklist_article(site))
    requests, responses = [], []
    context.on("request", lambda request: requests.append(request.url))
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    page.goto(site_url + path, wait_until="networkidle")
    page.locator(".checklist__input").first.check()
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)

    sizes = {response.url: len(gzip.compress(response.body(), compresslevel=GZIP_LEVEL, mtime=0))
             for response in responses if response.ok}
    print(f"{path}: {len(requests)} requests, {sum(sizes.values())} bytes gzipped: {sizes}")
    assert all(url.startswith(site_url + "/") for url in requests), requests
    assert len(requests) <= MAX_REQUESTS, requests
    assert sum(sizes.values()) <= BUDGET_BYTES, sizes
