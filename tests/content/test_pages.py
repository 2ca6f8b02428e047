"""The practice's own site (content/ and practice.toml), read the way a reader's browser would.

These checks hold for any practice's content, whatever its articles and pages: replace the
example library with your own and they stay green as long as your articles and pages are
written the way the README says.
"""

from page_scan import css_urls, html_urls, third_party
from tests.conftest import ROOT
from tests.helpers import article_pages, broken_links, html_pages, is_french, page_url, published, read_only, resolve, soup

ARTICLES = ROOT / "content" / "articles"


def listed_articles():
    """The English articles a reader finds in the site's lists (not drafts, not hidden)."""
    return published(ARTICLES)


def test_every_article_is_built_with_the_parts_a_reader_needs(practice_site):
    pages = article_pages(practice_site)
    assert len(pages) == len(published(ARTICLES, hidden=True))
    for page in pages:
        doc = read_only(page)
        assert len(doc.find_all("main")) == 1, page
        assert doc.title and doc.title.string.strip(), page
        assert doc.select_one("article h1").get_text(strip=True), page
        assert "min read" in doc.select_one(".article-meta__readtime").get_text(), page
        category = doc.select_one('.article-meta a[href*="/category/"]')
        assert category and category.get_text(strip=True), page
        assert doc.select("time[datetime]"), page
        assert doc.select_one(".tags__list a[href*='/tag/']"), page
        assert doc.select_one('a.skip-link[href="#main"]') and doc.select_one("main#main"), page


def test_every_page_has_one_main_header_footer_and_a_description(practice_site):
    for page in html_pages(practice_site):
        if page.name == "index.html" and page.parent.name in {"pagefind", "theme"}:
            continue
        doc = read_only(page)
        assert len(doc.find_all("main")) == 1, page
        assert doc.find("header") and doc.find("footer"), page
        assert doc.find("meta", attrs={"name": "description"})["content"].strip(), page
        assert doc.html.get("lang") == ("fr" if is_french(practice_site, page) else "en"), page


def test_the_home_page_lists_every_article_once_and_says_where_to_start(practice_site):
    home = read_only(practice_site / "index.html")
    links = [link["href"] for link in home.select(".path__articles li a")]
    assert len(links) == len(set(links)) == len(listed_articles())
    start = home.select_one(".intro__start a")
    assert start.get_text().startswith("Start here: ") and start["href"] == links[0]
    archive = read_only(practice_site / "archives" / "index.html")
    assert len(archive.select(".archive li")) == len(listed_articles())


def test_every_internal_link_and_asset_resolves(practice_site):
    assert broken_links(practice_site) == []


def test_nothing_is_loaded_from_another_origin(practice_site):
    """Read with the site's one page scanner (plugins/page_scan), as the privacy linter does."""
    foreign = [(page.relative_to(practice_site).as_posix(), url) for page in html_pages(practice_site)
               for _, url in third_party(html_urls(page.read_text(encoding="utf-8")))]
    foreign += [(sheet.relative_to(practice_site).as_posix(), url) for sheet in practice_site.rglob("*.css")
                for _, url in third_party(css_urls(sheet.read_text(encoding="utf-8")))]
    assert foreign == []


def test_no_markdown_is_left_as_text(practice_site):
    for page in [*article_pages(practice_site), *article_pages(practice_site, lang="fr")]:
        text = read_only(page).select_one(".article__body").get_text()
        assert "///" not in text and "- [ ]" not in text and "{filename}" not in text, page


def test_related_reading_shares_a_topic_and_never_links_to_itself(practice_site):
    for page in article_pages(practice_site):
        doc = read_only(page)
        own = {a.get_text(strip=True) for a in doc.select(".tags__list a")}
        links = doc.select(".related a")
        assert len(links) <= 3, page
        for link in links:
            assert link["href"] != page_url(practice_site, page), page
            other = read_only(resolve(practice_site, "http://site.test" + page_url(practice_site, page), link["href"]))
            assert own & {a.get_text(strip=True) for a in other.select(".tags__list a")}, (page, link["href"])


def test_lists_mark_the_articles_that_hold_a_checklist(practice_site):
    home = read_only(practice_site / "index.html")
    marked = {link["href"].strip("/").split("/")[-1] for link in home.select(".path__articles li a")
              if "checklist" in link.find_parent("li").get_text()}
    with_checklist = {page.parent.name for page in article_pages(practice_site)
                      if read_only(page).select("[data-module=checklist]")}
    assert marked == with_checklist


def test_reading_time_counts_what_a_reader_reads(practice_site):
    """Not the checklist's controls, help list, prompts or My reflections: a 1,000-word article
    with a checklist takes as long to read as a plain one of the same length."""
    chrome = (".checklist__controls, .checklist__count, .checklist__reflections-title, "
              ".checklist__reflection--safety, .checklist__disclaimer, .checklist__notes, "
              ".my-reflections, .cta, [data-couples-booking], .checklist__safety")
    for page in article_pages(practice_site):
        doc = soup(page)  # its chrome is taken out below
        shown = int(doc.select_one(".article-meta__readtime").get_text().split()[0])
        body = doc.select_one(".article__body")
        for part in body.select(chrome):
            part.decompose()
        words = len(body.get_text(" ").split())
        # Whole minutes, at least one (plugins/learning_path).
        assert abs(shown - max(words / 200, 1)) <= 0.6, (page_url(practice_site, page), shown, words)


def test_the_clinician_is_on_the_home_page_about_and_under_every_article(practice_site, practice_settings):
    name, details = practice_settings["PRACTICE_CLINICIAN"], practice_settings["CLINICIAN_DETAILS"]
    for address in ("index.html", "about/index.html"):
        block = read_only(practice_site / address).select_one("section.clinician")
        text = " ".join(block.get_text().split())
        assert name in text, address
        for key, value in details.items():
            if key == "register_url":
                assert block.find("a", href=value), address
            elif key not in ("photo", "photo_alt"):
                assert " ".join(value.split()) in text, (address, value)
    for page in article_pages(practice_site):
        line = read_only(page).select_one(".reviewed-by").get_text(" ", strip=True)
        assert line.startswith(f"Written and reviewed by {name}") and "Last reviewed" in line, page


def test_illustrations_are_described_and_an_article_has_a_hero_or_a_diagram_never_both(practice_site):
    for page in [*article_pages(practice_site), *article_pages(practice_site, lang="fr")]:
        doc = read_only(page)
        heroes = doc.select(".article__header svg.illustration--hero")
        assert not (heroes and doc.select(".article__body img")), f"{page}: a hero and a diagram"
        for hero in heroes:
            assert hero["role"] == "img" and hero.get("focusable") == "false", page
            assert len(hero["aria-label"].split()) >= 6, hero["aria-label"]
        for image in doc.select(".article__body img"):
            assert image.has_attr("alt"), (page, image.get("src"))  # alt="" only for a decoration

