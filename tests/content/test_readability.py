"""Plain words: every article of the practice reads at a Flesch-Kincaid grade of 10 or lower
(aim: 8), and every safety page (`Safety: yes`) at grade 8 or lower. They hold for any
practice's content: write short sentences and common words (README: "Writing an article")."""

import pytest
import textstat

from tests.conftest import ROOT
from tests.helpers import is_yes, published, read_only, soup

ARTICLES = ROOT / "content" / "articles"
PAGES = ROOT / "content" / "pages"

MAX_GRADE = 10
MAX_SAFETY_GRADE = 8


def article_prose(page):
    body = soup(page).select_one(".article__body")
    for hidden in body.select("[hidden], .checklist__controls, .my-reflections, .cta"):
        hidden.decompose()
    # One sentence per block, so headings and list items count as sentences.
    parts = []
    for element in body.find_all(["p", "li", "h2", "h3", "label", "legend"]):
        text = " ".join(element.get_text(" ", strip=True).split())
        if text:
            parts.append(text if text[-1] in ".?!:" else text + ".")
    return " ".join(parts)


def measured(site, source, header):
    """The page's prose, checked to hold most of what the reader sees in its body (so a grade is
    never worked out from a scrap of it)."""
    page = site / header["slug"] / "index.html"
    text = article_prose(page)
    shown = len(read_only(page).select_one(".article__body").get_text(" ").split())
    assert len(text.split()) >= shown / 2, f"{source.name}: the measured prose misses most of the page"
    return text


def cases(sources):
    return [pytest.param(source, header, id=source.stem) for source, header in sorted(sources.items())]


@pytest.mark.parametrize("source, header", cases(published(ARTICLES, hidden=True)))
def test_article_reading_grade(practice_site, source, header, record_property):
    grade = textstat.flesch_kincaid_grade(measured(practice_site, source, header))
    record_property("fk_grade", grade)
    print(f"{source.stem}: FK grade {grade:.1f}")
    assert grade <= MAX_GRADE, f"{source.name} reads at grade {grade:.1f}; shorten its sentences and words"


@pytest.mark.parametrize("source, header", cases({source: header for source, header in published(PAGES).items()
                                                   if is_yes(header.get("safety"))}))
def test_safety_pages_read_plainly(practice_site, source, header):
    """A reader in danger reads these in a hurry: stricter than articles."""
    grade = textstat.flesch_kincaid_grade(measured(practice_site, source, header))
    print(f"{source.stem}: FK grade {grade:.1f}")
    assert grade <= MAX_SAFETY_GRADE, f"{source.name} reads at grade {grade:.1f}; shorten its sentences and words"
