"""The French site (/fr/): every page has its counterpart in the other language and back,
its words come from complete French catalogs, and its articles read plainly in French."""

import re
import statistics
from pathlib import Path

import pytest
import textstat
from babel.messages.pofile import read_po

from tests.build.test_readability import article_prose
from tests.conftest import ROOT
from tests.helpers import article_pages, extract_catalogs, html_pages, page_url, soup

PACKAGE_LOCALE = ROOT / "plugins" / "pelican-reflection-checklists" / "pelican" / "plugins" / "reflection_checklists" / "locale"
# Pages whose subject exists in one language only (tag and category listings: their names
# are the author's words in that language). Their language link leads to the other home.
ON_PURPOSE_UNTRANSLATED = re.compile(r"^/(fr/)?(tag|category)/[^/]+/$")
# French Flesch reading ease (Kandel & Moles, textstat's French formula): 60-70 is
# "standard" French, 70-80 fairly easy, 80+ easy. The articles score 89-97 today; the bounds
# catch a slide into dense prose. See README "The French site".
MIN_FRENCH_EASE = 70
MIN_FRENCH_MEDIAN_EASE = 80


def reader_pages(site):
    return [page for page in html_pages(site)
            if not {"theme", "pagefind"} & set(page.relative_to(site).parts) and page.name != "404.html"]


def alternates(page):
    return {link["hreflang"]: link["href"] for link in soup(page).select('link[rel="alternate"][hreflang]')}


def target(site, href):
    path = site / href.lstrip("/")
    return path / "index.html" if href.endswith("/") else path


def test_every_page_has_its_counterpart_in_the_other_language_and_back(site):
    missing, not_back = [], []
    for page in reader_pages(site):
        url = page_url(site, page)
        lang, other = ("fr", "en") if url.startswith("/fr/") else ("en", "fr")
        links = alternates(page)
        if other not in links:
            if not ON_PURPOSE_UNTRANSLATED.match(url):
                missing.append(url)
            continue
        assert links.get(lang) == url, (url, links)
        counterpart = target(site, links[other])
        assert counterpart.is_file(), (url, links[other])
        if alternates(counterpart).get(lang) != url:
            not_back.append((url, links[other]))
    assert missing == [] and not_back == []


def test_french_pages_say_they_are_french_and_offer_the_english_page(site):
    french = [page for page in reader_pages(site) if page_url(site, page).startswith("/fr/")]
    assert len(french) >= 23  # 16 articles, 7 pages, and the listings
    for page in french:
        doc = soup(page)
        assert doc.html["lang"] == "fr", page
        switch = doc.select_one('a.site-header__lang[hreflang="en"]')
        assert switch and switch.select_one(".site-header__lang-name").get_text() == "English", page
        assert switch["lang"] == "en", page


def catalog(path):
    with open(path, "rb") as source:
        return read_po(source)


@pytest.fixture(scope="module")
def templates_pot(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pot")
    return {domain: catalog(pot) for domain, pot in extract_catalogs(ROOT, folder).items()}


@pytest.mark.parametrize("domain, po", [("site", ROOT / "locale" / "fr" / "LC_MESSAGES" / "site.po"),
                                        ("reflection_checklists", PACKAGE_LOCALE / "fr" / "LC_MESSAGES" / "reflection_checklists.po")])
def test_every_message_has_a_french_entry_without_straight_quotes(templates_pot, domain, po):
    """The build check for French: a message the code shows with no French entry fails here
    (run `make translations`, then translate the empty entries)."""
    french = catalog(po)
    untranslated, quoted = [], []
    for message in templates_pot[domain]:
        if not message.id:
            continue
        entry = french.get(message.id)
        strings = (entry.string if isinstance(entry.string, tuple) else (entry.string,)) if entry else ("",)
        if not entry or not all(strings) or entry.fuzzy:
            untranslated.append(message.id)
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        if any(text.count('"') > ids[0].count('"') for text in strings):
            quoted.append(message.id)
    assert untranslated == [], "no French entry (run make translations): " + repr(untranslated)
    assert quoted == [], "write « » in French, a straight quote breaks an HTML attribute: " + repr(quoted)


def test_no_english_words_of_the_theme_on_french_pages(site, templates_pot):
    french = catalog(ROOT / "locale" / "fr" / "LC_MESSAGES" / "site.po")
    english = {message.id for message in templates_pot["site"]
               if isinstance(message.id, str) and len(message.id.split()) >= 2 and "%(" not in message.id
               and "<" not in message.id and french.get(message.id) and french.get(message.id).string != message.id}
    found = {}
    for page in reader_pages(site):
        if page_url(site, page).startswith("/fr/"):
            text = " ".join(soup(page).get_text(" ").split())
            hits = sorted(words for words in english if words in text)
            if hits:
                found[page_url(site, page)] = hits
    assert found == {}


def test_french_articles_read_plainly(site):
    scores = {}
    textstat.set_lang("fr")
    try:
        for page in article_pages(site, lang="fr"):
            scores[page_url(site, page)] = textstat.flesch_reading_ease(article_prose(page))
    finally:
        textstat.set_lang("en_US")
    print({url: round(score) for url, score in sorted(scores.items())})
    assert len(scores) == len(list((ROOT / "content" / "fr" / "articles").glob("*.md")))
    assert min(scores.values()) >= MIN_FRENCH_EASE, scores
    assert statistics.median(scores.values()) >= MIN_FRENCH_MEDIAN_EASE, scores


def test_french_pages_have_the_safety_bar_in_french_and_a_neutral_french_exit(site):
    for page in reader_pages(site):
        if not page_url(site, page).startswith("/fr/"):
            continue
        bar = soup(page).select_one("body > .safety-bar")
        assert bar.find("a", string="Aide immédiate")["href"] == "/fr/getting-help-now/", page
        assert bar.select_one(".safety-bar__about")["href"] == "/fr/leaving-this-site-quickly/", page
        exit_link = bar.select_one("a.exit-page__button")
        assert exit_link.get_text(" ", strip=True) == "Urgence Quitter", page
        assert exit_link["href"] == "https://meteo.gc.ca/", page


def test_the_french_help_list_reaches_everyone_the_english_one_does():
    from consultation.help_resources import DEFAULT_HELP_RESOURCES
    english, french = DEFAULT_HELP_RESOURCES["CA-ON"]["en"], DEFAULT_HELP_RESOURCES["CA-ON"]["fr"]
    numbers = lambda entries: sorted((e.get("call") or "", e.get("text") or "", e["group"]) for e in entries)  # noqa: E731
    assert numbers(english) == numbers(french)
    text = " ".join(entry["how"] + " " + entry["name"] + " " + entry.get("serves", "") for entry in french).lower()
    for words in ("911", "9-8-8", "hommes", "trans", "votre partenaire", "jeunes", "francophones"):
        assert words in text, words


def test_the_french_help_page_lists_the_french_services(site):
    doc = soup(site / "fr" / "getting-help-now" / "index.html")
    names = [strong.get_text() for strong in doc.select(".help-list strong")]
    assert "Fem'aide" in names and "9-8-8 : Ligne d'aide en cas de crise de suicide" in names
    assert doc.find("a", href="tel:988") is not None


ENGLISH_DIAGRAMS = sorted(path for path in (ROOT / "content" / "images").glob("*.svg") if ".fr." not in path.name)


def svg_words(path):
    """The words a reader sees in a diagram, line by line (title, description, text)."""
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    lines = []
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] in ("title", "desc", "text", "tspan") and (element.text or "").strip():
            lines.append(" ".join(element.text.split()))
    return lines


def svg_shapes(path):
    """Everything but the words: the same drawing, colours and dark-mode rules in both languages."""
    text = re.sub(r"(<(title|desc|tspan|text)\b[^>]*>)[^<]*", r"\1", path.read_text(encoding="utf-8"))
    return re.sub(r'\s(x|y|dy)="[^"]*"', "", text)


@pytest.mark.parametrize("english", ENGLISH_DIAGRAMS, ids=lambda path: path.name)
def test_each_diagram_has_a_french_version_in_french_words(english, site):
    french = english.with_name(english.stem + ".fr.svg")
    assert french.is_file(), f"{french.name} is missing: the French article would show English words"
    english_words, french_words = svg_words(english), svg_words(french)
    assert len(french_words) >= len(english_words) - 2
    left = {line for line in set(english_words) & set(french_words) if re.search(r"[A-Za-z]", line)}
    assert left == set(), "lines left in English"  # step numbers are the same in both
    assert not any('"' in line for line in french_words), "French uses « » or ’, not straight quotes"
    assert re.findall(r"<(rect|path|circle|line|ellipse|polygon|marker)\b[^>]*>", svg_shapes(english)) == \
        re.findall(r"<(rect|path|circle|line|ellipse|polygon|marker)\b[^>]*>", svg_shapes(french))
    assert re.search(r"<style>.*</style>", english.read_text(), re.S).group(0) == \
        re.search(r"<style>.*</style>", french.read_text(), re.S).group(0)
    # The French article shows it; the English article keeps the English one.
    users = [page for page in html_pages(site) if any(
        image.get("src", "").endswith("/" + french.name) for image in soup(page).select("img"))]
    assert users and all(page.relative_to(site).parts[0] == "fr" for page in users), users
