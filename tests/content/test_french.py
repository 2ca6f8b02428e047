"""The practice's French site (/fr/), collected only when practice.toml builds it
(`languages = ["en", "fr"]`): every page has its counterpart in the other language and back,
the safety bar and help are in French, the articles read plainly in French, and each diagram
has a French version. tests/build/test_french.py checks the catalogs and the theme's words."""

import re
import statistics
import xml.etree.ElementTree as ET

import textstat

from tests.conftest import ROOT
from tests.content.test_readability import article_prose
from tests.content.test_safety import region_services
from tests.helpers import article_pages, html_pages, page_url, published, read_only, reader_pages, unpaired_pages

# French Flesch reading ease (Kandel & Moles, textstat's French formula): 60-70 is
# "standard" French, 70-80 fairly easy, 80+ easy. See README "The French site".
MIN_FRENCH_EASE = 70
MIN_FRENCH_MEDIAN_EASE = 80
IMAGES = ROOT / "content" / "images"


def french_pages(site):
    return [page for page in reader_pages(site) if page_url(site, page).startswith("/fr/")]


def test_every_page_has_its_counterpart_in_the_other_language_and_back(practice_site):
    assert unpaired_pages(practice_site) == ([], [])


def test_french_pages_say_they_are_french_and_offer_the_english_page(practice_site):
    pages = french_pages(practice_site)
    assert len(pages) >= len(published(ROOT / "content" / "fr" / "articles"))
    for page in pages:
        doc = read_only(page)
        assert doc.html["lang"] == "fr", page
        switch = doc.select_one('a.site-header__lang[hreflang="en"]')
        assert switch and switch.select_one(".site-header__lang-name").get_text() == "English", page
        assert switch["lang"] == "en", page


def test_french_articles_read_plainly(practice_site):
    scores = {}
    textstat.set_lang("fr")
    try:
        for page in article_pages(practice_site, lang="fr"):
            scores[page_url(practice_site, page)] = textstat.flesch_reading_ease(article_prose(page))
    finally:
        textstat.set_lang("en_US")
    print({url: round(score) for url, score in sorted(scores.items())})
    assert len(scores) == len(published(ROOT / "content" / "fr" / "articles"))
    assert min(scores.values()) >= MIN_FRENCH_EASE, scores
    assert statistics.median(scores.values()) >= MIN_FRENCH_MEDIAN_EASE, scores


def test_french_pages_have_the_safety_bar_in_french_and_a_neutral_french_exit(practice_site, practice_settings):
    french_exit = practice_settings["I18N_SUBSITES"]["fr"].get("EXIT_URL", practice_settings["EXIT_URL"])
    for page in french_pages(practice_site):
        bar = read_only(page).select_one("body > .safety-bar")
        assert bar.find("a", string="Aide immédiate")["href"] == "/fr/getting-help-now/", page
        assert bar.select_one(".safety-bar__about")["href"] == "/fr/leaving-this-site-quickly/", page
        exit_link = bar.select_one("a.exit-page__button")
        assert exit_link.get_text(" ", strip=True) == "Urgence Quitter", page
        assert exit_link["href"] == french_exit, page


def test_the_french_help_page_lists_every_service_of_the_region_in_french(practice_site, practice_settings):
    names = [strong.get_text(" ", strip=True) for strong in
             read_only(practice_site / "fr" / "getting-help-now" / "index.html").select("main .help-list strong")]
    assert names == [" ".join(entry["name"].split()) for entry in region_services(practice_settings, "fr")]


def svg_words(path):
    """The words a reader sees in a diagram, line by line (title, description, text)."""
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


def test_each_diagram_has_a_french_version_in_french_words(practice_site):
    """A diagram `content/images/NAME.svg` has `NAME.fr.svg` beside it: the same drawing with
    French words, which the French article shows."""
    for english in sorted(path for path in IMAGES.glob("*.svg") if ".fr." not in path.name):
        french = english.with_name(english.stem + ".fr.svg")
        assert french.is_file(), f"{french.name} is missing: the French article would show English words"
        english_words, french_words = svg_words(english), svg_words(french)
        assert len(french_words) >= len(english_words) - 2, french.name
        left = {line for line in set(english_words) & set(french_words) if re.search(r"[A-Za-z]", line)}
        assert left == set(), f"{french.name}: lines left in English"  # step numbers are the same in both
        assert not any('"' in line for line in french_words), f"{french.name}: French uses « » or ’, not straight quotes"
        shapes = r"<(rect|path|circle|line|ellipse|polygon|marker)\b[^>]*>"
        assert re.findall(shapes, svg_shapes(english)) == re.findall(shapes, svg_shapes(french)), french.name
        assert re.search(r"<style>.*</style>", english.read_text(), re.S).group(0) == \
            re.search(r"<style>.*</style>", french.read_text(), re.S).group(0), french.name
        # The French article shows it; the English article keeps the English one.
        users = [page for page in html_pages(practice_site) if any(
            image.get("src", "").endswith("/" + french.name) for image in read_only(page).select("img"))]
        assert all(page.relative_to(practice_site).parts[0] == "fr" for page in users), users
