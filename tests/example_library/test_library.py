"""The example library's own promises, read from content/library.toml: how many articles, the
topics they name, the checklists on their articles, an illustration for every article.

Collected only while content/library.toml exists (tests/conftest.py): these are about the
example's articles, not about the product or any practice's content. A practice that replaces
the library deletes that file, or edits it to describe its own.
"""

import tomllib

import pytest

from tests.conftest import LIBRARY_FILE, practice_languages
from tests.helpers import article_pages, page_url, read_only

LIBRARY = tomllib.loads(LIBRARY_FILE.read_text(encoding="utf-8"))
LANGUAGES = practice_languages()


def bodies(site, lang):
    return {page_url(site, page): read_only(page).select_one(".article__body") for page in article_pages(site, lang)}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_library_holds_its_articles_in_each_language(practice_site, lang):
    at_least = LIBRARY["articles"]["at_least"]
    found = len(article_pages(practice_site, lang))
    assert found >= at_least, f"{found} articles in {lang!r}; content/library.toml promises at least {at_least}"


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang in LIBRARY.get("topics", {})])
def test_the_topics_readers_look_for_are_named_in_each_language(practice_site, lang):
    text = " ".join(body.get_text(" ").lower() for body in bodies(practice_site, lang).values())
    missing = [topic for topic in LIBRARY["topics"][lang] if topic.lower() not in " ".join(text.split())]
    assert missing == [], f"named nowhere in the {lang!r} articles (content/library.toml [topics])"


@pytest.mark.parametrize("checklist, slug", sorted(LIBRARY.get("checklists", {}).items()))
def test_the_checklists_are_on_their_articles(practice_site, checklist, slug):
    section = read_only(practice_site / slug / "index.html").select_one(
        f'section[data-module="checklist"][data-checklist="{checklist}"]')
    assert section, f"no checklist `{checklist}` on /{slug}/ (content/library.toml [checklists])"
    assert section.select_one("fieldset > legend").get_text(strip=True)
    assert len(section.select("input[type=checkbox].checklist__input")) >= 5


def test_each_article_closes_in_its_own_words(practice_site):
    """No two articles end with the same section (a "Sources" note may follow the last one)."""
    endings = [[h2.get_text(" ", strip=True) for h2 in body.select("h2")
                if not h2.find_parent(class_="my-reflections") and h2.get_text(strip=True) != "Sources"][-1]
               for body in bodies(practice_site, "en").values()]
    assert len(set(endings)) == len(endings), sorted(endings)


def test_every_article_has_its_own_illustration_or_a_diagram(practice_site):
    labels = {}
    for page in article_pages(practice_site):
        doc = read_only(page)
        heroes = doc.select(".article__header svg.illustration--hero")
        assert heroes or doc.select(".article__body img"), f"{page_url(practice_site, page)}: no illustration at all"
        for hero in heroes:
            labels[page] = hero["aria-label"]
    assert len(set(labels.values())) == len(labels), "two articles share one illustration"
