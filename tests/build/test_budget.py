"""The page-weight budget, measured on the real built files.

Budget: the heaviest article page with a checklist transfers at most 17,000 bytes
gzipped (raised from 14,000 for the safety layer: every checklist's help panel lists the
region's verified services in full, and the exit and safety scripts ship on every page;
then by 100 for escaping every title and setting, which writes `'` as `&#39;`: +14 B; then
by 400 when the library edit named the terms readers search for and gave article 13 the
five steps in full: the heaviest article went from 15,996 to 16,178 B; then by 500 for the
clinician's "Written and reviewed by" line, the phone header's booking link and their styles:
16,611 B in production; then by 500 when the checklist became an installable plugin (its
storage namespace on each checklist, colour fallbacks so it works in any theme: +220 B) and
every article without a diagram got its hero illustration inline (+350 B): 17,428 B in
production; then by 1,000 for the French site, whose heaviest checklist article is 18,418 B:
French runs longer than English, and its help list, checklist texts and safety copy too;
then by 100 when the navigation's current item became a continuous thick underline instead
of bold, so French labels stay on one row on phones: 18,504 B) (HTML + CSS + JS + icon + any images it references, each file compressed on
its own at gzip level 6, the usual server default) in at most 4 same-origin requests.
No web fonts, no CSS @import, CSS and JS served as minified, fingerprinted bundles.

The default Pelican theme transfers 29.6 KB gzipped in 7 requests for one article.
tests/browser/test_budget.py counts the requests Chromium really makes.
"""

import gzip
import re
from pathlib import Path


import pytest
from pelican.plugins.reflection_checklists.assets import STATIC_DIR as CHECKLIST_STATIC_DIR

from page_scan import page_files
from tests.conftest import ROOT, build_site
from tests.helpers import article_pages, html_pages, is_french, page_url, soup

GZIP_LEVEL = 6
# Raised from 18,600 when the safety panel's help became cards with hours, who each service is
# for and call buttons, and articles gained their safety route (issue 26): about 1.5 KB on the
# heaviest French page; then to 21,000 when articles gained Sources notes and longer sections and
# the desktop layout its rules. Issue 29's goal (14 KB in 4 requests) is not reached yet.
BUDGET_BYTES = 21_000
MAX_REQUESTS = 4
PRODUCTION_URL = "https://kestrel-fern.example.org"
DIAGRAMS = {
    "the-pursue-withdraw-cycle": "pursue-withdraw-cycle.svg",
    "sliding-doors-and-the-emotional-bank-account": "emotional-bank-account.svg",
    "atone-attune-attach": "atone-attune-attach.svg",
}


def gz_size(path):
    return len(gzip.compress(Path(path).read_bytes(), compresslevel=GZIP_LEVEL, mtime=0))


def subresources(site, page, siteurl=""):
    """The same-origin files a browser fetches for a page (stylesheets, icons, scripts, images, and
    what those load), found by the site's one page scanner (plugins/page_scan)."""
    files, missing = page_files(site, page, siteurl or "http://site.test")
    assert missing == [], f"{page}: {missing} do not exist in the build"
    return files


def page_weight(site, page, siteurl=""):
    """(bytes, gzipped bytes, requests) for a page and everything it loads."""
    files = [Path(page), *subresources(site, page, siteurl)]
    return sum(f.stat().st_size for f in files), sum(gz_size(f) for f in files), len(files)


def checklist_articles(site):
    return [page for page in article_pages(site) if soup(page).select_one('[data-module="checklist"]')]


def heaviest_checklist_article(site, siteurl=""):
    """The checklist article whose page and assets weigh most, gzipped."""
    return max(checklist_articles(site), key=lambda page: page_weight(site, page, siteurl)[1])


def report(site, siteurl=""):
    lines = [f"{'page':<58}{'bytes':>8}{'gzip -' + str(GZIP_LEVEL):>9}{'requests':>10}"]
    for page in article_pages(site):
        raw, packed, requests = page_weight(site, page, siteurl)
        lines.append(f"{page_url(site, page):<58}{raw:>8}{packed:>9}{requests:>10}")
    return "\n".join(lines)


@pytest.fixture(scope="session")
def production_site(tmp_path_factory):
    """The site as publishconf.py shapes it: absolute URLs, canonical links, an Atom feed."""
    return build_site(tmp_path_factory.mktemp("production"), overrides={
        "SITEURL": PRODUCTION_URL, "RELATIVE_URLS": False, "FEED_ALL_ATOM": "feeds/all.atom.xml",
        "SEARCH_INDEX": False,
    })


def test_heaviest_checklist_article_is_within_budget(site, record_property):
    page = heaviest_checklist_article(site)
    raw, packed, requests = page_weight(site, page)
    print(report(site))
    print(f"heaviest checklist article: {page_url(site, page)}: {raw} bytes, {packed} gzipped, {requests} requests")
    record_property("heaviest_checklist_article", page_url(site, page))
    record_property("gzip_bytes", packed)
    record_property("requests", requests)
    assert packed <= BUDGET_BYTES, f"{page_url(site, page)} transfers {packed} bytes gzipped\n{report(site)}"
    assert requests <= MAX_REQUESTS, [str(f) for f in subresources(site, page)]


@pytest.mark.slow
def test_budget_holds_in_a_production_build(production_site):
    page = heaviest_checklist_article(production_site, PRODUCTION_URL)
    raw, packed, requests = page_weight(production_site, page, PRODUCTION_URL)
    print(f"production: {page_url(production_site, page)}: {raw} bytes, {packed} gzipped, {requests} requests")
    assert packed <= BUDGET_BYTES
    assert requests <= MAX_REQUESTS


def test_every_article_stays_within_the_byte_budget(site):
    heavy = {page_url(site, page): page_weight(site, page)[1]
             for page in [*article_pages(site), *article_pages(site, lang="fr")]}
    assert {url: size for url, size in heavy.items() if size > BUDGET_BYTES} == {}


def test_every_page_loads_one_stylesheet_and_one_script_bundle(site):
    for page in html_pages(site):
        if page.parent.name == "pagefind" or "theme" in page.relative_to(site).parts:
            continue
        doc = soup(page)
        sheets = [link["href"] for link in doc.select('link[rel~="stylesheet"]') if "/pagefind/" not in link["href"]]
        scripts = [script["src"] for script in doc.select("script[src]") if "/pagefind/" not in script["src"]]
        assert len(sheets) == 1 and re.search(r"/theme/css/site\.[0-9a-f]{8}\.css$", sheets[0]), (page, sheets)
        assert re.search(r"/theme/js/site\.[0-9a-f]{8}\.js$", scripts[0]), (page, scripts)
        # Two pages add a bundle of their own: search, and the first-session summary.
        if page.relative_to(site).as_posix().removeprefix("fr/") not in ("search/index.html", "first-session/index.html"):
            assert len(scripts) == 1, (page, scripts)


def bundles(site):
    doc = soup(site / "can-trust-be-rebuilt" / "index.html")
    css = site / doc.select_one('link[rel~="stylesheet"]')["href"].lstrip("/")
    js = site / doc.select_one("script[src]")["src"].lstrip("/")
    return css, js


def test_css_and_js_are_minified_at_build_time(site):
    css, js = bundles(site)
    sources = ROOT / "theme" / "assets"
    css_sources = sum((sources / "css" / name).stat().st_size
                      for name in ["base.css", "layout.css", "components.css", "print.css"]) \
        + (CHECKLIST_STATIC_DIR / "checklist.css").stat().st_size
    css_text = css.read_text()
    assert css.stat().st_size < css_sources * 0.9, "the stylesheet bundle is not minified"
    assert "/*" not in css_text and css_text.count("\n") <= 2
    js_text = js.read_text()
    assert "Checklist" in js_text and "ExitPage" in js_text, "the script bundle is missing its components"
    assert "\n  " not in js_text and not re.search(r"^\s*//", js_text, re.M), "the script bundle is not minified"


def test_no_web_fonts_and_no_css_import(site):
    assert not [p for p in site.rglob("*") if p.suffix.lower() in {".woff", ".woff2", ".ttf", ".otf", ".eot"}]
    # The theme's entry stylesheet (theme/assets/css/site.css) is all @import, resolved by esbuild
    # at build time: what is published has none.
    for stylesheet in site.joinpath("theme").rglob("*.css"):
        text = stylesheet.read_text()
        assert "@font-face" not in text, stylesheet
        assert "@import" not in text, stylesheet
    for stylesheet in [*(ROOT / "theme" / "assets").rglob("*.css"), *CHECKLIST_STATIC_DIR.glob("*.css")]:
        assert "@font-face" not in stylesheet.read_text(), stylesheet
    for page in html_pages(site):
        assert not soup(page).select('link[rel~="preload"][as="font"]'), page


def test_diagrams_are_lazy_images_only_on_the_articles_that_use_them(site):
    for page in html_pages(site):
        images = soup(page).select(".article__body img")
        slug = page.parent.name
        if slug in DIAGRAMS:
            assert len(images) == 1, page
            image = images[0]
            # The French site shows the same diagram with French words (NAME.fr.svg).
            name = DIAGRAMS[slug].replace(".svg", ".fr.svg") if is_french(site, page) else DIAGRAMS[slug]
            assert image["src"].endswith("/images/" + name), image
            assert image.get("loading") == "lazy" and image.get("width") and image.get("height"), image
            assert len(image.get("alt", "")) > 200, "a diagram's text alternative must describe the whole idea"
        else:
            assert images == [], page
    heaviest = heaviest_checklist_article(site)
    assert not soup(heaviest).select("img"), "keep diagrams off the heaviest checklist page"
