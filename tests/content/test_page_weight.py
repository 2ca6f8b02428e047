"""The practice's own pages stay within the theme's byte budget (tests/build/test_budget.py), in
both languages: every page a reader opens within BUDGET_BYTES (one with a checklist within
CHECKLIST_BUDGET_BYTES) in at most MAX_REQUESTS requests. A very long article, a heavy picture
or a page that grew too long is named here with its size."""

from tests.build.test_budget import MAX_REQUESTS, budget_for, page_weight
from tests.helpers import page_url, reader_pages


def test_every_page_stays_within_the_byte_budget(practice_site):
    heavy = {}
    for page in reader_pages(practice_site):
        raw, packed, requests = page_weight(practice_site, page)
        if packed > budget_for(page) or requests > MAX_REQUESTS:
            heavy[page_url(practice_site, page)] = (packed, budget_for(page), requests)
    assert heavy == {}, "(bytes gzipped with what they load, budget, requests)"
