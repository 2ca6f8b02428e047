"""The theme in Chromium: WCAG 2.2 AA in light and dark, focus, motion, text size, print.

Also checks the theme's built output that needs no browser: the diagrams, the contents
box, and what search engines read (robots.txt, sitemap, canonical links, JSON-LD).
"""

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.build.test_budget import PRODUCTION_URL, production_site  # noqa: F401 (a fixture)
from tests.conftest import ROOT, TEST_CONTENT
from tests.helpers import article_pages, page_url, soup

# One of every kind of page the theme renders.
PAGES = {
    "home": "/",
    "article": "/what-trust-is/",
    "article with a diagram": "/the-pursue-withdraw-cycle/",
    "checklist article": "/can-trust-be-rebuilt/",
    "category": "/category/the-impact/",
    "categories": "/category/",
    "tag": "/tag/trust/",
    "tags": "/tag/",
    "archives": "/archives/",
    "page": "/about/",
    "help page": "/getting-help-now/",
    "booking page": "/book-a-consultation/",
    "search": "/search/",
    "404": "/404.html",
}
SCHEMES = ["light", "dark"]


def show_search_results(page, query="flooded"):
    page.locator("#search input").fill(query)
    page.locator(".search__result-link").first.wait_for()


def open_page(page, site_url, path, scheme="light"):
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + path)
    if path == "/search/":
        show_search_results(page)


# --- accessibility -----------------------------------------------------------

@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", PAGES)
def test_axe_finds_no_violations(page, site_url, kind, scheme):
    open_page(page, site_url, PAGES[kind], scheme)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_first_tab_reaches_a_visible_skip_link_that_moves_focus_to_the_content(page, site_url):
    page.goto(site_url + "/can-trust-be-rebuilt/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("element => element === document.activeElement")
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["height"] >= 24 and box["width"] >= 24
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


FOCUS_STYLE = """() => {
  const style = getComputedStyle(document.activeElement);
  const box = document.activeElement.getBoundingClientRect();
  return {tag: document.activeElement.tagName, outline: style.outlineStyle, width: parseFloat(style.outlineWidth),
          shadow: style.boxShadow, visible: box.width > 0 && box.height > 0};
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_keyboard_focus_is_always_visible(page, site_url, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + "/can-trust-be-rebuilt/")
    for _ in range(40):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_STYLE)
        if focus["tag"] == "BODY":
            break
        assert focus["visible"], focus
        assert focus["outline"] != "none" and focus["width"] >= 2, focus


def test_smooth_scrolling_only_without_a_reduced_motion_preference(page, site_url):
    page.emulate_media(reduced_motion="no-preference")
    page.goto(site_url + "/can-trust-be-rebuilt/")
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "smooth"
    page.emulate_media(reduced_motion="reduce")
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    moving = page.evaluate("""() => [...document.querySelectorAll('*')].filter(element => {
        const style = getComputedStyle(element);
        return style.animationName !== 'none' || parseFloat(style.transitionDuration) > 0;
      }).map(element => element.tagName + '.' + element.className)""")
    assert moving == []


@pytest.mark.parametrize("kind", PAGES)
def test_text_at_200_percent_fits_a_320_pixel_screen(page, site_url, kind):
    page.set_viewport_size({"width": 320, "height": 640})
    open_page(page, site_url, PAGES[kind])
    normal = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") == pytest.approx(2 * normal)
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"{PAGES[kind]} scrolls sideways at 200% text: {widths}"


def test_printing_an_article_hides_navigation_and_keeps_the_checklist(page, site_url):
    page.goto(site_url + "/can-trust-be-rebuilt/")
    page.emulate_media(media="print")
    for selector in [".site-header", ".site-nav", ".safety-bar", ".site-footer", ".toc", ".path-nav",
                     ".related", ".cta", ".skip-link"]:
        assert not page.locator(selector).first.is_visible(), selector
    assert page.get_by_role("heading", level=1).is_visible()
    boxes = page.locator(".checklist__input:not([data-safety])")
    assert boxes.count() >= 4
    assert all(boxes.nth(index).is_visible() for index in range(boxes.count()))
    # Safety items never reach paper.
    safety = page.locator(".checklist__input[data-safety]")
    assert safety.count() == 2 and not any(safety.nth(index).is_visible() for index in range(2))
    assert page.locator(".checklist__label").first.is_visible()


# --- reading -------------------------------------------------------------------

def test_long_articles_have_contents_that_lead_to_each_section(page, site, site_url):
    for built in article_pages(site):
        doc = soup(built)
        sections = [(h2["id"], h2.get_text(" ", strip=True)) for h2 in doc.select(".article__body > h2[id]")]
        toc = doc.select_one('nav[aria-label="On this page"]')
        if len(sections) < 4:
            assert toc is None, built
            continue
        links = [(a["href"].lstrip("#"), a.get_text(" ", strip=True)) for a in toc.select("a")]
        assert links == sections, built
    page.goto(site_url + "/the-pursue-withdraw-cycle/")
    contents = page.get_by_role("navigation", name="On this page")
    contents.get_by_role("link", name="If this sounds familiar").click()
    page.wait_for_function("location.hash === '#if-this-sounds-familiar'")
    page.wait_for_timeout(600)  # smooth scrolling
    assert page.locator("#if-this-sounds-familiar").evaluate(
        "heading => { const box = heading.getBoundingClientRect(); return box.top >= 0 && box.top < innerHeight; }")


def luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


TEXT_ON_FILL = """() => [...document.querySelectorAll('text, tspan')].filter(t => t.textContent.trim()).map(t => {
  const box = t.getBoundingClientRect();
  const under = document.elementsFromPoint(box.x + box.width / 2, box.y + box.height / 2)
    .find(element => !['text', 'tspan', 'svg'].includes(element.tagName) && getComputedStyle(element).fill !== 'none');
  return [t.textContent, getComputedStyle(t).fill, under ? getComputedStyle(under).fill : null];
})"""


DIAGRAM_FILES = sorted((TEST_CONTENT / "images").glob("*.svg"))


@pytest.mark.parametrize("svg", DIAGRAM_FILES, ids=lambda path: path.name)
def test_diagrams_are_accessible_svg_readable_in_both_schemes(page, site_url, svg):
    root = ET.parse(svg).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == ns + "svg" and root.get("viewBox") and root.get("role") == "img"
    assert root.find(ns + "title") is not None and root.find(ns + "title").text.strip()
    source = svg.read_text()
    assert "prefers-color-scheme: dark" in source
    assert "<script" not in source and "http://www.w3.org/2000/svg" in source and "https:" not in source
    for scheme in SCHEMES:
        page.emulate_media(color_scheme=scheme)
        page.goto(f"{site_url}/images/{svg.name}")
        for text, fill, under in page.evaluate(TEXT_ON_FILL):
            assert under, f"{svg.name}: nothing painted under {text!r}"
            pair = [tuple(int(n) for n in re.findall(r"\d+", colour)[:3]) for colour in (fill, under)]
            assert contrast(*pair) >= 4.5, f"{svg.name} ({scheme}): {text!r} is {fill} on {under}"


# --- what search engines and link previews read ------------------------------------

def test_robots_txt_and_sitemap_are_served(page, site, site_url):
    robots = page.request.get(site_url + "/robots.txt")
    assert robots.ok and robots.text().splitlines()[:2] == ["User-agent: *", "Allow: /"]
    sitemap = ET.fromstring((site / "sitemap.xml").read_bytes())
    locs = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    for built in article_pages(site):
        assert page_url(site, built).lstrip("/") in [loc.lstrip("/") for loc in locs], built
    assert not [loc for loc in locs if re.search(r"404|search/|robots", loc)]


def test_local_builds_have_no_canonical_links(site):
    doc = soup(site / "what-trust-is" / "index.html")
    assert doc.select_one('link[rel="canonical"]') is None
    assert doc.select_one('meta[property="og:title"]')["content"] == "What trust is, and how it grows"


def test_production_pages_have_canonical_links_open_graph_and_json_ld(production_site):  # noqa: F811
    site = production_site
    robots = (site / "robots.txt").read_text()
    assert f"Sitemap: {PRODUCTION_URL}/sitemap.xml" in robots
    assert f"<loc>{PRODUCTION_URL}/what-trust-is/</loc>" in (site / "sitemap.xml").read_text()
    for built in article_pages(site):
        doc = soup(built)
        url = PRODUCTION_URL + page_url(site, built)
        assert doc.select_one('link[rel="canonical"]')["href"] == url, built
        assert doc.select_one('meta[property="og:url"]')["content"] == url
        assert doc.select_one('meta[property="og:type"]')["content"] == "article"
        assert doc.select_one('meta[property="og:description"]')["content"].strip()
        feed = doc.select_one('link[rel="alternate"][type="application/atom+xml"]')
        assert feed["href"] == f"{PRODUCTION_URL}/feeds/all.atom.xml"
        data = json.loads(doc.select_one('script[type="application/ld+json"]').string)
        assert data["@type"] == "Article" and data["url"] == url
        assert data["headline"] == doc.select_one("h1").get_text(strip=True)
        assert data["datePublished"] and data["dateModified"] and data["author"]["name"]
    assert soup(site / "index.html").select_one('link[rel="canonical"]')["href"] == PRODUCTION_URL + "/"
    assert soup(site / "archives" / "index.html").select_one('link[rel="canonical"]')["href"] == \
        PRODUCTION_URL + "/archives/"
    assert soup(site / "404.html").select_one('link[rel="canonical"]') is None
    assert Path(site / "feeds" / "all.atom.xml").is_file()


def test_on_a_phone_every_kind_of_page_has_a_one_row_navigation(page, site, site_url):
    """Home, pages, search, lists and 404, in English and in French, at 390×844: the header
    (safety bar included) stays within 120 px and the navigation fits on one row, whichever
    item is the current one (a bold current item made the French home page wrap)."""
    page.set_viewport_size({"width": 390, "height": 844})
    english = [*PAGES.values(), "/first-session/", "/privacy/", "/leaving-this-site-quickly/",
               "/staying-safer-online/"]
    french = [path for path in ("/fr" + path for path in english)
              if (site / path.lstrip("/")).is_file() or (site / path.lstrip("/") / "index.html").is_file()]
    assert len(french) >= 12, french  # home, pages, search and lists have French versions
    for path in [*english, *french]:
        page.goto(site_url + path)
        header_bottom = page.locator(".site-header").evaluate("header => header.getBoundingClientRect().bottom")
        rows = page.locator(".site-nav li:visible").evaluate_all(
            "items => new Set(items.map(item => Math.round(item.getBoundingClientRect().top))).size")
        assert header_bottom <= 120, (path, header_bottom)
        assert rows == 1, (path, rows)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_the_article_starts_in_the_first_screen(page, site, site_url, scheme):
    """The header (safety bar included) leaves room to read: at most 120 px at 390×844, and every
    article's first paragraph starts on the first screen. Booking stays, as a quiet link."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.emulate_media(color_scheme=scheme)
    for built in [*article_pages(site), *article_pages(site, lang="fr")]:
        page.goto(site_url + page_url(site, built))
        header_bottom = page.locator(".site-header").evaluate("header => header.getBoundingClientRect().bottom")
        # The first thing to read: the article's first paragraph, or on step 1 the safety check above it.
        first = page.locator(".safety-check p, .article__body > p").first.evaluate("p => p.getBoundingClientRect().top")
        assert header_bottom <= 120, (page_url(site, built), header_bottom)
        assert first < 844 - 48, (page_url(site, built), first)  # two lines of it, at least
        book = page.locator(".site-nav .site-nav__book a")  # "Book a call", or "Rendez-vous" in French
        if soup(built).select_one(".site-nav__book"):  # not on safety articles
            assert book.is_visible() and book.bounding_box()["height"] >= 24
        assert not page.locator(".site-header__book").is_visible()
    # The quiet link steps back with the rest once a safety item is ticked.
    page.goto(site_url + "/how-it-shows-up-day-to-day/")
    page.locator(".checklist__item--safety input").first.check()
    assert not page.locator(".site-nav").get_by_role("link", name="Book a call").is_visible()
