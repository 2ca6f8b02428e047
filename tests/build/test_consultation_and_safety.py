"""Booking prompts and the safety layer on every page of a real build."""

from urllib.parse import parse_qs, urlsplit

import shutil

import pytest

from tests.conftest import ROOT, build_site
from tests.helpers import article_pages, html_pages, soup

BOOKING = "https://booking.example.org/kestrel-fern/free-consultation"


def site_pages(site):
    return [page for page in html_pages(site) if "pagefind" not in page.parts]


def test_every_page_has_booking_help_and_exit_links_in_the_header(site):
    for page in site_pages(site):
        header = soup(page).find("header", class_="site-header")
        booking = header.find("a", string="Book a free 15-minute consultation")
        assert booking and booking["href"].startswith(BOOKING), page
        assert header.find("a", string="Get help now")["href"].endswith("/getting-help-now/"), page
        exit_link = header.find("a", string="Exit this page")
        assert exit_link["href"] == "https://weather.gc.ca/", page


def test_every_article_ends_with_one_booking_panel_with_campaign_parameters(site):
    for page in article_pages(site):
        panels = soup(page).select("aside.cta--article")
        assert len(panels) == 1, page
        link = panels[0].select_one("a.cta__button")
        parts = urlsplit(link["href"])
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == BOOKING
        query = parse_qs(parts.query)
        slug = page.parent.name
        assert query == {"utm_source": ["website"], "utm_medium": ["cta"],
                         "utm_campaign": [slug], "utm_content": ["article-end"]}, page


def test_the_booking_page_says_what_happens_and_links_out(site):
    doc = soup(site / "book-a-consultation" / "index.html")
    assert "What happens in the 15 minutes" in doc.get_text()
    assert doc.select_one(f'main a[href^="{BOOKING}"]')
    assert not doc.find("iframe")


def test_the_help_page_lists_the_regions_resources(site):
    doc = soup(site / "getting-help-now" / "index.html")
    items = doc.select("main .help-list li")
    assert any("9-8-8" in item.get_text() for item in items)
    assert doc.select_one('main a[href="tel:911"]')


@pytest.fixture(scope="module")
def opted_out_site(tmp_path_factory):
    """A small site: the real pages and extras, two test articles, other settings."""
    content = tmp_path_factory.mktemp("content")
    for folder in ["pages", "extra", "images"]:
        if (ROOT / "content" / folder).is_dir():
            shutil.copytree(ROOT / "content" / folder, content / folder)
    (content / "articles").mkdir()
    header = ("Title: {title}\nDate: 2026-09-01\nModified: 2026-11-01\nCategory: The impact\nTags: trust\n"
              "Slug: {slug}\nStep: {step}\nSummary: Test.\n{extra}\nText.\n")
    (content / "articles" / "a.md").write_text(header.format(title="Kept", slug="kept", step=1, extra=""))
    (content / "articles" / "b.md").write_text(header.format(title="Quiet", slug="quiet", step=2, extra="CTA: no\n"))
    return build_site(tmp_path_factory.mktemp("out"), content=content,
                      overrides={"CONSULTATION_CAMPAIGN_PARAMETERS": False, "HELP_REGION": "US",
                                 "CONSULTATION_URL": "mailto:hello@example.org"})


def test_an_article_can_opt_out_of_the_end_panel(opted_out_site):
    assert len(soup(opted_out_site / "kept" / "index.html").select("aside.cta--article")) == 1
    assert soup(opted_out_site / "quiet" / "index.html").select("aside.cta--article") == []


def test_mailto_booking_and_switched_off_campaigns_leave_links_plain(opted_out_site):
    link = soup(opted_out_site / "kept" / "index.html").select_one("aside.cta--article a.cta__button")
    assert link["href"] == "mailto:hello@example.org"


def test_us_region_lists_us_resources(opted_out_site):
    text = soup(opted_out_site / "getting-help-now" / "index.html").select_one("main").get_text()
    assert "National Domestic Violence Hotline" in text and "9-8-8 Suicide Crisis Helpline" not in text
