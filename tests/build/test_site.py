"""The built site, read the way a reader's browser would read it."""

import re
from urllib.parse import urlsplit

import pytest

from page_scan import css_urls, html_urls, third_party
from tests.helpers import article_pages, html_pages, is_french, page_url, resolve, soup

from tests.conftest import ROOT

# Every article the content folder holds (none of the example's is a draft): the site must
# build each one, whatever the practice writes.
ARTICLE_COUNT = len(list((ROOT / "content" / "articles").glob("*.md")))


def test_every_article_is_built_with_the_parts_a_reader_needs(site):
    pages = article_pages(site)
    assert len(pages) == ARTICLE_COUNT
    for page in pages:
        doc = soup(page)
        assert len(doc.find_all("main")) == 1, page
        assert doc.title and doc.title.string.strip(), page
        assert doc.select_one("article h1").get_text(strip=True), page
        assert "min read" in doc.select_one(".article-meta__readtime").get_text(), page
        category = doc.select_one('.article-meta a[href*="/category/"]')
        assert category and category.get_text(strip=True), page
        assert doc.select("time[datetime]"), page
        assert doc.select_one(".tags__list a[href*='/tag/']"), page
        assert doc.select_one('a.skip-link[href="#main"]') and doc.select_one("main#main"), page


def test_every_page_has_one_main_header_footer_and_a_description(site):
    for page in html_pages(site):
        if page.name == "index.html" and page.parent.name in {"pagefind", "theme"}:
            continue
        doc = soup(page)
        assert len(doc.find_all("main")) == 1, page
        assert doc.find("header") and doc.find("footer"), page
        assert doc.find("meta", attrs={"name": "description"})["content"].strip(), page
        assert doc.html.get("lang") == ("fr" if is_french(site, page) else "en"), page


def test_home_page_presents_the_learning_path_in_three_parts(site):
    doc = soup(site / "index.html")
    stages = doc.select(".path__stage")
    assert [stage.select_one(".path__stage-title a").get_text(strip=True) for stage in stages] == [
        "Understanding trust", "The impact", "Repair and rebuilding"]
    assert sum(len(stage.select(".path__articles li")) for stage in stages) == ARTICLE_COUNT


def test_articles_link_to_their_neighbours_on_the_path(site):
    first = soup(site / "what-trust-is" / "index.html")
    assert first.select_one(".path-nav__where").get_text(strip=True).startswith(f"Step 1 of {ARTICLE_COUNT}")
    assert not first.select_one("a[rel=prev]")
    assert first.select_one("a[rel=next]")["href"] == "/how-trust-fractures/"
    last = soup(site / "a-year-of-repair" / "index.html")
    assert not last.select_one("a[rel=next]")


@pytest.mark.parametrize("slug", ["about", "book-a-consultation", "privacy", "getting-help-now"])
def test_the_practice_pages_exist(site, slug):
    doc = soup(site / slug / "index.html")
    assert doc.select_one("article h1")


def test_category_tag_archive_and_404_pages_exist(site):
    for path in ["category/understanding-trust/index.html", "category/the-impact/index.html",
                 "category/repair-and-rebuilding/index.html", "tag/index.html", "tag/trust/index.html",
                 "archives/index.html", "404.html", "search/index.html"]:
        assert (site / path).is_file(), path
    archive = soup(site / "archives" / "index.html")
    assert len(archive.select(".archive li")) == ARTICLE_COUNT


def test_every_internal_link_and_asset_resolves(site):
    broken = []
    for page in html_pages(site):
        base = "http://site.test" + page_url(site, page)
        doc = soup(page)
        ids = {element["id"] for element in doc.select("[id]")}
        for element in doc.select("a[href], link[href], script[src], img[src]"):
            href = element.get("href") or element.get("src")
            parts = urlsplit(href)
            if parts.scheme in ("mailto", "tel", "sms", "data") or (parts.netloc and parts.netloc != "site.test"):
                continue
            if href.startswith("#"):
                if href[1:] and href[1:] not in ids:
                    broken.append((page, href))
                continue
            if resolve(site, base, href) is None:
                broken.append((page, href))
    assert broken == []


def test_nothing_is_loaded_from_another_origin(site):
    """Read with the site's one page scanner (plugins/page_scan), as output_guard does."""
    foreign = [(page.relative_to(site).as_posix(), url) for page in html_pages(site)
               for _, url in third_party(html_urls(page.read_text(encoding="utf-8")))]
    foreign += [(sheet.relative_to(site).as_posix(), url) for sheet in site.rglob("*.css")
                for _, url in third_party(css_urls(sheet.read_text(encoding="utf-8")))]
    assert foreign == []
    # The scanner does see a load from another origin, in every place a page can hold one.
    assert third_party(html_urls('<img srcset="https://x.example/a.png 2x"><p style="background:url(//x.example/b)">'))


def test_unknown_content_is_not_left_as_raw_markdown(site):
    for page in article_pages(site):
        text = soup(page).select_one(".article__body").get_text()
        assert "///" not in text and "- [ ]" not in text and "{filename}" not in text, page


def test_only_built_bundles_and_the_icon_are_published_from_the_theme(site):
    published = sorted(path.relative_to(site / "theme").as_posix() for path in (site / "theme").rglob("*")
                       if path.is_file())
    assert len(published) == 9, published
    assert "img/favicon.svg" in published
    for kind, name in [("css", "site"), ("css", "page"), ("css", "search"), ("css", "listing"), ("js", "site"),
                       ("js", "page"), ("js", "search"), ("js", "first-session")]:
        assert any(re.fullmatch(rf"{kind}/{name}\.[0-9a-f]{{8}}\.{kind}", path) for path in published), published


def test_related_reading_shares_a_topic_and_never_links_to_itself(site):
    checked = 0
    for page in article_pages(site):
        doc = soup(page)
        own = {a.get_text(strip=True) for a in doc.select(".tags__list a")}
        links = doc.select(".related a")
        assert len(links) <= 3, page
        for link in links:
            assert link["href"] != page_url(site, page), page
            other = soup(resolve(site, "http://site.test" + page_url(site, page), link["href"]))
            assert own & {a.get_text(strip=True) for a in other.select(".tags__list a")}, (page, link["href"])
            checked += 1
    assert checked >= 16


def test_each_category_page_names_its_own_part_of_the_path(site):
    from pelicanconf import LEARNING_PATH

    for part, (name, _) in enumerate(LEARNING_PATH, start=1):
        slug = name.lower().replace(" ", "-")
        lead = soup(site / "category" / slug / "index.html").select_one(".intro__lead").get_text()
        assert lead.startswith(f"Part {part} of the learning path."), (name, lead)


def test_lists_mark_articles_that_hold_a_checklist(site):
    home = soup(site / "index.html")
    marked = {link["href"].strip("/").split("/")[-1] for link in home.select(".path__articles li a")
              if "checklist" in link.find_parent("li").get_text()}
    with_checklist = {page.parent.name for page in article_pages(site) if soup(page).select("[data-module=checklist]")}
    assert marked == with_checklist and len(marked) >= 6


def test_reading_time_counts_what_a_reader_reads(site):
    """Not the checklist's controls, help list, prompts or My reflections: a 1,000-word article
    with a checklist takes as long to read as a plain one of the same length."""
    chrome = (".checklist__controls, .checklist__count, .checklist__reflections-title, "
              ".checklist__reflection--safety, .checklist__disclaimer, .checklist__notes, "
              ".my-reflections, .cta, [data-couples-booking], .checklist__safety")
    for page in article_pages(site):
        doc = soup(page)
        shown = int(doc.select_one(".article-meta__readtime").get_text().split()[0])
        body = doc.select_one(".article__body")
        for part in body.select(chrome):
            part.decompose()
        words = len(body.get_text(" ").split())
        assert abs(shown - words / 200) <= 0.6, (page_url(site, page), shown, words)


def test_the_clinician_is_on_the_home_page_about_and_under_every_article(site):
    from pelicanconf import CLINICIAN_DETAILS, PRACTICE_CLINICIAN

    for name in ("index.html", "about/index.html"):
        block = soup(site / name).select_one("section.clinician")
        assert PRACTICE_CLINICIAN in block.get_text(), name
        for key, value in CLINICIAN_DETAILS.items():
            if key == "register_url":
                assert block.find("a", href=value, string="Check it on the public register"), name
            else:
                assert " ".join(value.split()) in " ".join(block.get_text().split()), (name, value)
        # Without a photo: initials, hidden from screen readers (the name is right beside them).
        monogram = block.select_one(".clinician__monogram")
        assert monogram["aria-hidden"] == "true" and monogram.get_text() == "IM"
        assert not block.select("svg.clinician__photo")
    for page in article_pages(site):
        line = soup(page).select_one(".reviewed-by").get_text(" ", strip=True)
        assert line.startswith(f"Written and reviewed by {PRACTICE_CLINICIAN}") and "Last reviewed" in line, page


def test_the_home_page_says_where_to_start(site):
    start = soup(site / "index.html").select_one(".intro__start a")
    first = soup(site / "index.html").select_one(".path__articles a")
    assert start.get_text().startswith("Start here: ") and start["href"] == first["href"]


def test_the_library_reads_as_one_edited_whole(site):
    """Each article closes in its own words, and the terms readers hear from therapists (and
    type into search) are named somewhere in the library."""
    bodies = {page_url(site, page): soup(page).select_one(".article__body") for page in article_pages(site)}
    # The last section of each article's own (a "Sources" note may follow it).
    endings = [[h2.get_text(" ", strip=True) for h2 in body.select("h2")
                if not h2.find_parent(class_="my-reflections") and h2.get_text(strip=True) != "Sources"][-1]
               for body in bodies.values()]
    assert len(set(endings)) == len(endings), sorted(endings)
    text = " ".join(body.get_text(" ").lower() for body in bodies.values())
    for term in ("hypervigilance", "insecurity", "isolation", "validation", "reconnecting", "separation"):
        assert term in text, term


def test_illustrations_carry_a_text_alternative_and_no_inline_style(site):
    home = soup(site / "index.html")
    drawings = home.select("svg.illustration")
    assert len(drawings) == 4  # the welcome, and one for each part of the path
    for drawing in drawings:
        assert drawing["role"] == "img" and len(drawing["aria-label"]) > 10, drawing.get("aria-label")
        assert not drawing.select("[style], style, script")
    assert len({drawing["aria-label"] for drawing in drawings}) == 4


def test_every_article_has_a_hero_or_a_diagram_never_both(site):
    """Each article without a diagram opens with its own illustration, described in words."""
    labels = {}
    for page in article_pages(site):
        doc = soup(page)
        heroes = doc.select(".article__header svg.illustration--hero")
        diagrams = doc.select(".article__body img")
        assert len(heroes) + len(diagrams) >= 1, f"{page}: no illustration at all"
        assert not (heroes and diagrams), f"{page}: a hero and a diagram"
        for hero in heroes:
            assert hero["role"] == "img" and hero.get("focusable") == "false"
            assert len(hero["aria-label"].split()) >= 6, hero["aria-label"]
            # Coloured from the palette only (light and dark), no text, styles or scripts inside.
            assert not hero.select("[style], style, script, text, image, [fill]:not([fill=none])"), page
            assert all(shape.get("class") for shape in hero.find_all(True)), page
            labels[page] = hero["aria-label"]
    assert len(set(labels.values())) == len(labels) >= 13
