"""Every article reads at a Flesch-Kincaid grade of 10 or lower (aim: 8)."""

import pytest
import textstat

from tests.conftest import ROOT
from tests.helpers import article_pages, soup

ARTICLES = ROOT / "content" / "articles"

MAX_GRADE = 10


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


def test_every_article_is_measured(site):
    assert len(article_pages(site)) >= 10


@pytest.mark.parametrize("name", sorted(p.stem for p in ARTICLES.glob("*.md")))
def test_article_reading_grade(site, name, record_property):
    slug = next(line.split(":", 1)[1].strip() for line in (ARTICLES / f"{name}.md").read_text().splitlines()
                if line.lower().startswith("slug:"))
    text = article_prose(site / slug / "index.html")
    grade = textstat.flesch_kincaid_grade(text)
    record_property("fk_grade", grade)
    print(f"{name}: FK grade {grade:.1f}")
    assert len(text.split()) > 300
    assert grade <= MAX_GRADE, f"{name} reads at grade {grade:.1f}; shorten its sentences and words"


@pytest.mark.parametrize("slug", ["getting-help-now", "leaving-this-site-quickly", "staying-safer-online"])
def test_safety_pages_read_plainly(site, slug):
    """A reader in danger reads these in a hurry: grade 8 at most, stricter than articles."""
    text = article_prose(site / slug / "index.html")
    grade = textstat.flesch_kincaid_grade(text)
    print(f"{slug}: FK grade {grade:.1f}")
    assert len(text.split()) > 150
    assert grade <= 8, f"{slug} reads at grade {grade:.1f}; shorten its sentences and words"
