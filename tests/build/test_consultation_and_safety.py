"""Booking prompts and the safety layer on every page of a real build (the product's test site,
tests/site, with its example practice's booking addresses)."""

import shutil

import pytest

from tests.conftest import TEST_CONTENT, build_site
from tests.helpers import article_pages, html_pages, is_french, soup

BOOKING = "https://booking.example.org/kestrel-fern/free-consultation"
INDIVIDUAL = "https://booking.example.org/kestrel-fern/individual-call"


def site_pages(site):
    """The English site's pages (tests/build/test_french.py checks the same on the French one)."""
    return [page for page in html_pages(site) if "pagefind" not in page.parts and not is_french(site, page)]


def is_safety_page(doc):
    return doc.select_one(".cta--individual") is not None or doc.title.get_text().startswith(SAFETY_PAGE_TITLES)


SAFETY_PAGE_TITLES = ("Getting help now", "How “Exit this page” works", "Staying safer online",
                      "When trust cannot be rebuilt")


def test_every_page_has_help_and_exit_links_in_the_safety_bar(site):
    for page in site_pages(site):
        bar = soup(page).select_one("body > .safety-bar")
        assert bar, page
        assert bar.find("a", string="Get help now")["href"].endswith("/getting-help-now/"), page
        assert bar.find("a", string="How Exit works")["href"].endswith("/leaving-this-site-quickly/"), page
        exit_link = bar.select_one("a.exit-page__button")
        assert exit_link.get_text(" ", strip=True) == "Emergency Exit this page", page
        assert exit_link["href"] == "https://weather.gc.ca/", page
        assert set(exit_link["rel"]) == {"nofollow", "noreferrer"}, page


def test_the_couples_booking_button_steps_back_on_help_and_safety_pages(site):
    safety_pages = 0
    for page in site_pages(site):
        doc = soup(page)
        booking = doc.select_one("header.site-header").find("a", string="Book a free 15-minute consultation")
        if is_safety_page(doc):
            safety_pages += 1
            assert booking is None, page
        else:
            assert booking and booking["href"] == BOOKING, page
    assert safety_pages == 4


def test_every_article_ends_with_one_booking_panel_with_a_plain_link(site):
    for page in article_pages(site):
        panels = soup(page).select("aside.cta--article")
        assert len(panels) == 1, page
        link = panels[0].select_one("a.cta__button")
        # A safety article offers a call for one person, never the couples booking.
        expected = INDIVIDUAL if "cta--individual" in panels[0]["class"] else BOOKING
        assert link["href"] == expected, page


def test_the_safety_article_offers_a_call_on_your_own_instead_of_couples_booking(site):
    panel = soup(site / "when-trust-cannot-be-rebuilt" / "index.html").select_one("aside.cta--article")
    assert "cta--individual" in panel["class"]
    assert "couple" not in panel.get_text().lower()
    assert panel.select_one("a.cta__button").get_text() == "Book a call just for me"


def test_the_booking_page_says_what_happens_and_links_out(site):
    doc = soup(site / "book-a-consultation" / "index.html")
    assert "What happens in the 15 minutes" in doc.get_text()
    assert doc.select_one(f'main a[href^="{BOOKING}"]')
    assert not doc.find("iframe")
    # What a reader wants to know before they book, and where to go instead in an emergency.
    headings = [h.get_text() for h in doc.select("main h2")]
    for topic in ("Who calls, and when", "Hours", "Fees, receipts and insurance", "Changing or cancelling",
                  "Questions people often ask", "Accessibility"):
        assert topic in headings, topic
    emergency = doc.find(string=lambda text: "not an emergency service" in text).find_parent("p")
    assert emergency.select_one('a[href$="/getting-help-now/"]') and "911" in emergency.get_text()


def test_the_help_page_lists_the_regions_resources(site):
    doc = soup(site / "getting-help-now" / "index.html")
    items = doc.select("main .help-list li")
    assert any("9-8-8" in item.get_text() for item in items)
    assert doc.select_one('main a[href="tel:911"]')


@pytest.fixture(scope="module")
def opted_out_site(tmp_path_factory):
    """A small site: the test site's pages and images, two test articles, other settings."""
    content = tmp_path_factory.mktemp("content")
    for folder in ["pages", "images"]:
        shutil.copytree(TEST_CONTENT / folder, content / folder)
    (content / "articles").mkdir()
    header = ("Title: {title}\nDate: 2026-09-01\nModified: 2026-11-01\nCategory: The impact\nTags: trust\n"
              "Slug: {slug}\nStep: {step}\nSummary: Test.\n{extra}\nText.\n")
    (content / "articles" / "a.md").write_text(header.format(title="Kept", slug="kept", step=1, extra=""))
    (content / "articles" / "b.md").write_text(header.format(title="Quiet", slug="quiet", step=2, extra="CTA: no\n"))
    return build_site(tmp_path_factory.mktemp("out"), content=content,
                      overrides={"CONSULTATION_CAMPAIGN_PARAMETERS": False, "HELP_REGION": "US", "I18N_SUBSITES": {},
                                 "CONSULTATION_URL": "mailto:hello@example.org"})


def test_an_article_can_opt_out_of_the_end_panel(opted_out_site):
    assert len(soup(opted_out_site / "kept" / "index.html").select("aside.cta--article")) == 1
    assert soup(opted_out_site / "quiet" / "index.html").select("aside.cta--article") == []


def test_mailto_booking_leaves_links_plain(opted_out_site):
    link = soup(opted_out_site / "kept" / "index.html").select_one("aside.cta--article a.cta__button")
    assert link["href"] == "mailto:hello@example.org"


def test_us_region_lists_us_resources(opted_out_site):
    text = soup(opted_out_site / "getting-help-now" / "index.html").select_one("main").get_text()
    assert "National Domestic Violence Hotline" in text and "9-8-8 Suicide Crisis Helpline" not in text
    assert "Fem'aide" not in text
