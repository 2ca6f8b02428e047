"""The page-weight budget, measured on the real built files.

Budget: every page transfers at most BUDGET_BYTES gzipped (issue 29's goal: 14 KB, one round
trip), a page with a checklist at most CHECKLIST_BUDGET_BYTES, each in at most 4 same-origin
requests, counting everything the page loads when it opens: HTML + CSS + JS + any images it
references, each file compressed on its own at gzip level 6, the usual server default. Code a
reader may never need loads when it is needed, never at the cost of anything the reader relies on:
the search page imports Pagefind when the reader first types, a checklist page imports "My
reflections" (print and copy) on the first answer or when saved answers are restored. No web
fonts, no CSS @import; CSS and JS served as minified, fingerprinted bundles.

History of the checklist page's budget (BUDGET_BYTES, now CHECKLIST_BUDGET_BYTES): 14,000 at first; raised to 17,000 for the safety layer (every
checklist's help panel lists the region's verified services in full, and the exit and safety
scripts ship on every page); then by 100 for escaping every title and setting, which writes `'`
as `&#39;`: +14 B; then by 400 when the library edit named the terms readers search for and gave
article 13 the five steps in full: the heaviest article went from 15,996 to 16,178 B; then by 500
for the clinician's "Written and reviewed by" line, the phone header's booking link and their
styles: 16,611 B in production; then by 500 when the checklist became an installable plugin (its
storage namespace on each checklist, colour fallbacks so it works in any theme: +220 B) and every
article without a diagram got its hero illustration inline (+350 B): 17,428 B in production; then
by 1,000 for the French site, whose heaviest checklist article is 18,418 B: French runs longer
than English, and its help list, checklist texts and safety copy too; then by 100 when the
navigation's current item became a continuous thick underline instead of bold, so French labels
stay on one row on phones: 18,504 B; then to 18,600, and to 21,000 when the safety panel's help
became cards with hours and call buttons, articles gained their safety route (issue 26), Sources
notes, longer sections and the desktop layout its rules: 20,862 B (HTML 10,164, CSS 4,802, JS 5,710,
icon 186, in 4 requests). Then lowered to 19,500 (issue 29): the scripts are ES modules bundled and
minified by esbuild with renaming (JS 5,208), the safety panel lists 911 and the day-and-night
violence lines and links the help page for every other line (-575), the icon is written into the
page (3 requests), JSON-LD leaves the description to the meta tag, and the rules for search
results, the home page's path, the lists and the clinician block go to the stylesheets of the
pages that show them: 19,234 B on the heaviest French checklist article (HTML 9,710, CSS 4,319,
JS 5,205), 19,354 B in production. Then (issue 29, item 4) one budget for every page,
BUDGET_BYTES = 14,000, and CHECKLIST_BUDGET_BYTES = 18,400 for a page with a checklist. The search page loads
Pagefind's JS API when the reader types, with a small search box, count and result list of the
site's own, instead of Pagefind's ready-made UI at open: 40,289 B in 5 requests before, 8,350 B in
3 now. The first-session summary has its own stylesheet (page.css and the checklist package's new
my-reflections.css, without the checklists' rules) and a script that extends the package's
PrintableSummary instead of the whole MyReflections: 14,813 B before, 13,278 B now (practice
content), 12,012 B (test site). On a checklist page, "My reflections" is a bundle of its own
(reflections.js, 1,606 B) loaded on the first answer; the home page's welcome layout moved to
listings.css and the CSP stopped repeating directives that default-src already covers: the
heaviest French checklist article went from 19,234 to 18,157 B (HTML 9,657, CSS 4,254, JS 4,246),
18,282 B in production. What keeps it above 14 KB is the page itself: a long French article
(about 3 KB of prose, gzipped), its checklist with every reflection, the help cards and the
texts its script says (about 2.3 KB), the header, footer, safety bar, contents, calls to
action and safety route (about 3.5 KB), the Exit, storage and checklist scripts (4.2 KB) and
the stylesheet (4.3 KB), none of which can go without losing safety or readability.

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
# Issue 29's goal, one round trip: every page without a checklist (the search page and the
# first-session summary included) transfers at most this, with everything it loads when it opens.
BUDGET_BYTES = 14_000
# A page with a checklist: still above the goal (see the history above).
CHECKLIST_BUDGET_BYTES = 18_400
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


def has_checklist(page):
    return soup(page).select_one('[data-module="checklist"]') is not None


def budget_for(page):
    return CHECKLIST_BUDGET_BYTES if has_checklist(page) else BUDGET_BYTES


def checklist_articles(site):
    """In both languages: French runs longer, so its pages are the heaviest."""
    return [page for page in [*article_pages(site), *article_pages(site, lang="fr")] if has_checklist(page)]


def heaviest_checklist_article(site, siteurl=""):
    """The checklist article whose page and assets weigh most, gzipped."""
    return max(checklist_articles(site), key=lambda page: page_weight(site, page, siteurl)[1])


def report(site, siteurl=""):
    lines = [f"{'page':<58}{'bytes':>8}{'gzip -' + str(GZIP_LEVEL):>9}{'requests':>10}"]
    for page in reader_pages(site):
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
    assert packed <= CHECKLIST_BUDGET_BYTES, f"{page_url(site, page)} transfers {packed} bytes gzipped\n{report(site)}"
    assert requests <= MAX_REQUESTS, [str(f) for f in subresources(site, page)]


@pytest.mark.slow
def test_budget_holds_in_a_production_build(production_site):
    page = heaviest_checklist_article(production_site, PRODUCTION_URL)
    raw, packed, requests = page_weight(production_site, page, PRODUCTION_URL)
    print(f"production: {page_url(production_site, page)}: {raw} bytes, {packed} gzipped, {requests} requests")
    assert packed <= CHECKLIST_BUDGET_BYTES
    assert requests <= MAX_REQUESTS


def reader_pages(site):
    return [page for page in html_pages(site) if not {"theme", "pagefind"} & set(page.relative_to(site).parts)]


def test_every_page_stays_within_its_budget(site):
    """Both languages: every page within BUDGET_BYTES (a page with a checklist within
    CHECKLIST_BUDGET_BYTES) in at most 4 requests, for what it loads when it opens: the search
    page loads Pagefind when the reader types, a checklist "My reflections" on the first answer."""
    over = {}
    for page in reader_pages(site):
        raw, packed, requests = page_weight(site, page)
        if packed > budget_for(page) or requests > MAX_REQUESTS:
            over[page_url(site, page)] = (packed, requests)
    assert over == {}


def test_a_page_without_a_checklist_loads_none_of_its_code(site):
    """The checklist's script and styles go only where a checklist is (and to the first-session
    summary, which reuses them); elsewhere the lighter bundles, with Exit."""
    light = soup(site / "what-trust-is" / "index.html")
    heavy = soup(site / "can-trust-be-rebuilt" / "index.html")
    assert re.search(r"/theme/css/page\.[0-9a-f]{8}\.css$", light.select_one('link[rel~="stylesheet"]')["href"])
    assert re.search(r"/theme/js/page\.[0-9a-f]{8}\.js$", light.select_one("script[src]")["src"])
    assert re.search(r"/theme/css/site\.[0-9a-f]{8}\.css$", heavy.select_one('link[rel~="stylesheet"]')["href"])
    page_css = site / light.select_one('link[rel~="stylesheet"]')["href"].lstrip("/")
    page_js = site / light.select_one("script[src]")["src"].lstrip("/")
    assert ".checklist__safety{" not in page_css.read_text() and ".exit-page" in page_css.read_text()
    assert "checklist:change" not in page_js.read_text() and "ExitPage" in page_js.read_text()


def test_every_page_loads_one_stylesheet_and_one_script_bundle(site):
    for page in reader_pages(site):
        doc = soup(page)
        sheets = [link["href"] for link in doc.select('link[rel~="stylesheet"]')]
        scripts = [script["src"] for script in doc.select("script[src]")]
        assert len(sheets) == 1 and re.search(r"/theme/css/(site|page|search|listing|first-session)\.[0-9a-f]{8}\.css$", sheets[0]), \
            (page, sheets)
        assert len(scripts) == 1 and re.search(r"/theme/js/[a-z-]+\.[0-9a-f]{8}\.js$", scripts[0]), (page, scripts)
        name = page.relative_to(site).as_posix().removeprefix("fr/")
        expected = {"search/index.html": "search", "first-session/index.html": "first-session"}.get(
            name, "site" if doc.select_one('[data-module="checklist"]') else "page")
        assert f"/theme/js/{expected}." in scripts[0], (page, scripts)
        if expected in ("search", "first-session"):
            assert f"/theme/css/{expected}." in sheets[0], (page, sheets)
        # Every script is a module: nothing it declares lands on window (tests/browser/test_globals.py).
        assert all(script.get("type") == "module" for script in doc.select("script[src]")), page


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
        + sum((CHECKLIST_STATIC_DIR / name).stat().st_size for name in ["checklist.css", "my-reflections.css"])
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
