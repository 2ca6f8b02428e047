"""Search runs in the reader's browser from the site's own Pagefind index; nothing leaves the site."""

from playwright.sync_api import expect

from tests.helpers import soup

WORD = "ninety"  # "Aisha has been watching the clock for ninety minutes."
ARTICLE = "/the-pursue-withdraw-cycle/"


def test_the_index_is_built_into_the_site_and_loaded_only_when_the_reader_types(site):
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    # The search page's own script imports Pagefind when the reader types: the page links none of it.
    for path in ["search/index.html", "what-trust-is/index.html"]:
        assert not soup(site / path).select('[src*="pagefind"], [href*="pagefind"]'), path


def test_pagefind_loads_on_the_first_letter_and_the_count_is_announced(page, site_url):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + "/search/", wait_until="networkidle")
    assert not [url for url in requests if "/pagefind/" in url], requests
    box = page.get_by_role("searchbox", name="Words to search for")
    box.fill(WORD)
    status = page.get_by_role("status").filter(has_text=WORD)
    status.wait_for()
    assert status.inner_text() == f"1 result for “{WORD}”"
    assert [url for url in requests if url.endswith("/pagefind/pagefind.js")]
    # Pagefind's highlight is kept as <mark>, in the site's own results list of links.
    assert page.locator(".search__result-excerpt mark").first.inner_text().lower() == WORD
    box.fill("zzzqqq")
    page.get_by_role("status").filter(has_text="No results for “zzzqqq”").wait_for()
    assert page.locator(".search__result").count() == 0


def test_more_results_come_on_request_and_keyboard_focus_moves_to_the_first_new_one(page, site_url):
    page.goto(site_url + "/search/")
    page.get_by_role("searchbox", name="Words to search for").fill("trust")
    status = page.get_by_role("status").filter(has_text="results for “trust”")
    status.wait_for()
    total = int(status.inner_text().split()[0])
    links = page.locator(".search__result-link")
    assert total > 10, "the test site should have more results for this word than one batch"
    expect(links).to_have_count(10)
    more = page.get_by_role("button", name="Show more results")
    more.focus()
    page.keyboard.press("Enter")
    expect(links).to_have_count(min(total, 20))
    expect(links.nth(10)).to_be_focused()


def test_search_finds_an_article_by_a_word_in_its_body(page, site, site_url):
    article = soup(site / ARTICLE.strip("/") / "index.html")
    assert WORD in article.select_one(".article__body").get_text().lower()
    assert WORD not in (article.select_one("h1").get_text() + article.title.get_text()).lower()

    page.goto(site_url + "/search/")
    box = page.get_by_role("searchbox", name="Words to search for")
    box.fill(WORD)
    result = page.locator(f'.search__result-link[href="{ARTICLE}"]').first
    result.wait_for()
    assert result.inner_text() == "The pursue-withdraw cycle"
    # The excerpt is the article's own words, not its "Published … Reviewed …" line.
    excerpt = page.locator(".search__result-excerpt").first.inner_text()
    assert WORD in excerpt.lower() and "Published" not in excerpt and "Reading time" not in excerpt
    result.click()
    page.wait_for_url(site_url + ARTICLE)


CHROME = (".checklist__controls, .checklist__count, .checklist__reflections-title, .checklist__reflection--safety, "
          ".checklist__disclaimer, .checklist__safety, .checklist__next, .my-reflections, .cta")


def test_search_does_not_match_the_words_every_checklist_repeats(page, site, site_url):
    """The safety panel, help list, controls and prompts are on every article with a checklist:
    a search for their words would list all of those articles, so they are not indexed."""
    bodies = [soup(path) for path in site.rglob("index.html") if "pagefind" not in path.parts]
    chrome_words, own_words = set(), set()
    for doc in bodies:
        body = doc.select_one("[data-pagefind-body]")
        if body is None:
            continue
        for part in body.select(CHROME):
            chrome_words.update(word.strip(".,:;!?()").lower() for word in part.get_text(" ").split())
            part.decompose()
        own_words.update(word.strip(".,:;!?()").lower() for word in body.get_text(" ").split())
    only_chrome = sorted(word for word in chrome_words - own_words if len(word) >= 6 and word.isalpha())
    assert only_chrome, "no word appears only in the checklists' own controls and panels"
    page.goto(site_url + "/search/")
    page.get_by_role("searchbox", name="Words to search for").fill(only_chrome[0])
    message = page.get_by_role("status").filter(has_text=only_chrome[0])
    message.wait_for()
    # No result comes from the checklists' own words (Pagefind may still return loose matches
    # from an article's own text, e.g. its Sources: their excerpts never hold the word).
    page.wait_for_timeout(500)
    excerpts = [result.inner_text().lower() for result in page.locator(".search__result").all()]
    assert message.inner_text().startswith("No results") or not any(only_chrome[0] in text for text in excerpts), (
        only_chrome[0], excerpts)


def test_when_the_index_cannot_load_the_reader_is_told_and_pointed_to_the_archives(page, site_url):
    page.route("**/pagefind/pagefind.js", lambda route: route.abort())
    page.goto(site_url + "/search/")
    page.get_by_role("searchbox", name="Words to search for").fill("trust")
    expect(page.get_by_role("main").get_by_role("status")).to_have_text(
        "Search is not working in this browser right now. Browse all articles or topics instead.")
    expect(page.get_by_role("main").get_by_role("link", name="all articles")).to_be_visible()


def test_without_javascript_the_search_page_points_to_the_archives(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/search/")
    page.get_by_role("main").get_by_role("link", name="all articles").click()
    page.wait_for_url(site_url + "/archives/")
    context.close()


def test_browsing_and_searching_never_contact_another_origin(context, site_url):
    seen = []
    context.on("request", lambda request: seen.append(request.url))
    page = context.new_page()
    page.goto(site_url + "/")
    page.get_by_role("link", name="What trust is, and how it grows", exact=True).click()
    page.get_by_role("navigation", name="On this page").get_by_role("link").first.click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
    page.get_by_role("searchbox", name="Words to search for").fill("apology")
    page.locator(".search__result-link").first.click()
    page.wait_for_load_state("networkidle")
    page.goto(site_url + "/can-trust-be-rebuilt/")
    page.locator(".checklist__input").first.check()
    page.reload(wait_until="networkidle")
    page.goto(site_url + "/sliding-doors-and-the-emotional-bank-account/")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_load_state("networkidle")
    assert len(seen) > 10
    assert [url for url in seen if not url.startswith(site_url + "/")] == []
