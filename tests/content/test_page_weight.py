"""The practice's own articles stay within the theme's byte budget (tests/build/test_budget.py),
in both languages: a very long article, or a heavy picture, is named here."""

from tests.build.test_budget import BUDGET_BYTES, page_weight
from tests.helpers import article_pages, page_url


def test_every_article_stays_within_the_byte_budget(practice_site):
    pages = [*article_pages(practice_site), *article_pages(practice_site, lang="fr")]
    heavy = {page_url(practice_site, page): size for page in pages
             if (size := page_weight(practice_site, page)[1]) > BUDGET_BYTES}
    assert heavy == {}, f"over {BUDGET_BYTES} bytes gzipped, with what they load"
