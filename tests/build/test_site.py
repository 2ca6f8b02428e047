"""The theme and plugins on the product's test site (tests/site), read the way a reader's browser
would read it. tests/content checks the same kinds of things on the practice's own content."""

import re

import pytest

from tests.conftest import TEST_CONTENT
from tests.helpers import article_pages, broken_links, page_url, published, resolve, soup

# Every article of the test site (none is a draft): the site must build each one.
ARTICLE_COUNT = len(published(TEST_CONTENT / "articles"))


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
    assert broken_links(site) == []


def test_only_built_bundles_and_the_icon_are_published_from_the_theme(site):
    published = sorted(path.relative_to(site / "theme").as_posix() for path in (site / "theme").rglob("*")
                       if path.is_file())
    assert len(published) == 11, published
    assert "img/favicon.svg" in published
    for kind, name in [("css", "site"), ("css", "page"), ("css", "search"), ("css", "listing"), ("css", "first-session"), ("js", "site"),
                       ("js", "page"), ("js", "search"), ("js", "first-session"), ("js", "reflections")]:
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
    assert checked >= ARTICLE_COUNT


def test_each_category_page_names_its_own_part_of_the_path(site, site_config):
    for part, (name, _) in enumerate(site_config["LEARNING_PATH"], start=1):
        slug = name.lower().replace(" ", "-")
        lead = soup(site / "category" / slug / "index.html").select_one(".intro__lead").get_text()
        assert lead.startswith(f"Part {part} of the learning path."), (name, lead)


def test_lists_mark_articles_that_hold_a_checklist(site):
    home = soup(site / "index.html")
    marked = {link["href"].strip("/").split("/")[-1] for link in home.select(".path__articles li a")
              if "checklist" in link.find_parent("li").get_text()}
    with_checklist = {page.parent.name for page in article_pages(site) if soup(page).select("[data-module=checklist]")}
    assert marked == with_checklist and len(marked) >= 6


def test_the_clinician_is_on_the_home_page_about_and_under_every_article(site, site_config):
    clinician, details = site_config["PRACTICE_CLINICIAN"], site_config["CLINICIAN_DETAILS"]
    for name in ("index.html", "about/index.html"):
        block = soup(site / name).select_one("section.clinician")
        assert clinician in block.get_text(), name
        for key, value in details.items():
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
        assert line.startswith(f"Written and reviewed by {clinician}") and "Last reviewed" in line, page


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
    assert len(set(labels.values())) == len(labels) >= 8
