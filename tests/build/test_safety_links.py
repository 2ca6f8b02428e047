"""Links that tell no one anything, and safety where readers start (issue: the safety layer).

A booking click must never tell the booking provider that a reader ticked a safety item,
or that they were on a help page, a tag page or a safety article. Campaign parameters are
off by default; switched on, they name only an ordinary article.
"""

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import ROOT, build_site
from tests.helpers import article_pages, html_pages, soup

# The test site's practice (tests/site/practice.toml).
BOOKING = "https://booking.example.org/kestrel-fern/free-consultation"
INDIVIDUAL_BOOKING = "https://booking.example.org/kestrel-fern/individual-call"
INDIVIDUAL = "https://booking.example.org/kestrel-fern/on-your-own"
SAFETY_SLUGS = {"getting-help-now", "leaving-this-site-quickly", "staying-safer-online", "when-trust-cannot-be-rebuilt"}


def pages(site):
    return [page for page in html_pages(site) if "pagefind" not in page.parts]


def slug_of(site, page):
    """The page's slug, in either language (/fr/<slug>/ or /<slug>/)."""
    return page.parent.relative_to(site).as_posix().removeprefix("fr/")


def tracked_links(doc):
    return [a["href"] for a in doc.select("a[href]") if "utm_" in a["href"]]


@pytest.fixture(scope="module")
def campaign_site(tmp_path_factory):
    """The test site with campaign parameters on and its own individual-call address."""
    return build_site(tmp_path_factory.mktemp("campaign"), overrides={
        "CONSULTATION_CAMPAIGN_PARAMETERS": True, "INDIVIDUAL_CONSULTATION_URL": INDIVIDUAL})


def test_by_default_no_link_on_any_page_carries_a_campaign(site):
    for page in pages(site):
        assert tracked_links(soup(page)) == [], page


def test_the_call_just_for_me_is_never_the_couples_booking(site):
    for page in pages(site):
        for link in soup(page).find_all("a", string=re.compile("(Book a call just for (me|you))|(un appel juste pour)")):
            assert link["href"] == INDIVIDUAL_BOOKING != BOOKING, page


@pytest.mark.parametrize("individual", ["", "same"])
def test_a_missing_or_couples_individual_url_is_a_warning_that_stops_publishing(caplog, individual):
    import logging

    from consultation.settings import checked_settings
    # (Pelican's loggers say a warning once per process: a booking address of this test's own.)
    booking = f"https://booking.example.org/only-this-test-{individual or 'empty'}"
    with caplog.at_level(logging.WARNING):
        values = checked_settings({"CONSULTATION_URL": booking,
                                   "INDIVIDUAL_CONSULTATION_URL": booking if individual else ""})
    if individual:
        assert f"is the same as CONSULTATION_URL (`{booking}`)" in caplog.text
    assert "must not lead to the couples booking" in caplog.text
    assert values["INDIVIDUAL_CONSULTATION_URL"] == booking


def test_a_campaign_names_only_an_ordinary_article(campaign_site):
    articles = {page.parent.name for page in article_pages(campaign_site)} - SAFETY_SLUGS
    campaigns = set()
    for page in pages(campaign_site):
        for href in tracked_links(soup(page)):
            (campaign,) = parse_qs(urlsplit(href).query)["utm_campaign"]
            campaigns.add(campaign)
            assert campaign in articles | {"site", "booking-page"}, (page, href)
    assert "how-it-shows-up-day-to-day" in campaigns and "site" in campaigns
    for listing in ("tag/safety/index.html", "category/the-impact/index.html", "index.html"):
        for href in tracked_links(soup(campaign_site / listing)):
            assert parse_qs(urlsplit(href).query)["utm_campaign"] == ["site"], (listing, href)


def test_nothing_in_a_safety_context_carries_a_campaign(campaign_site):
    for page in pages(campaign_site):
        doc = soup(page)
        for panel in doc.select("[data-safety-panel]"):
            assert tracked_links(panel) == [], page
            assert panel.select_one(".checklist__safety-solo a")["href"] == INDIVIDUAL  # either language
            assert not panel.select("[data-cta]"), page
        if slug_of(campaign_site, page) in SAFETY_SLUGS:
            assert tracked_links(doc) == [], page
    help_page = soup(campaign_site / "getting-help-now" / "index.html")
    assert help_page.find("a", string="Book a call just for you")["href"] == INDIVIDUAL


def test_the_privacy_page_says_what_a_booking_click_reveals(site, campaign_site):
    plain = soup(site / "privacy" / "index.html").select_one("#when-you-book-a-call").find_next("p").find_next("p")
    assert "plain booking address" in plain.get_text() and "not which article" in plain.get_text()
    tagged = soup(campaign_site / "privacy" / "index.html").select_one("#when-you-book-a-call").find_next("p").find_next("p")
    assert "which one" in tagged.get_text() and "never carry anything" in tagged.get_text()


def test_is_it_safe_panel_on_the_home_page_and_step_one(site):
    step_one = next(page for page in article_pages(site)
                    if "Step 1 of" in soup(page).select_one(".path-nav__where").get_text())
    for page in (site / "index.html", step_one):
        panel = soup(page).select_one("aside.safety-check")
        assert panel.select_one("h2").get_text() == "Is it safe to work on this together?", page
        links = {a.get_text(): a["href"] for a in panel.select("a")}
        assert links == {"When trust cannot be rebuilt": "/when-trust-cannot-be-rebuilt/",
                         "Getting help now": "/getting-help-now/"}, page
    others = [page for page in article_pages(site) if page != step_one]
    assert not any(soup(page).select("aside.safety-check") for page in others)


def test_the_help_page_leads_to_both_safety_pages(site):
    body = soup(site / "getting-help-now" / "index.html").select_one("main")
    hrefs = {a["href"] for a in body.select("a[href]")}
    assert {"/leaving-this-site-quickly/", "/staying-safer-online/"} <= hrefs
    exit_page = soup(site / "leaving-this-site-quickly" / "index.html").select_one("main").get_text()
    assert "does not erase your browser history" in exit_page
    safer = soup(site / "staying-safer-online" / "index.html").select_one("main").get_text()
    for fact in ("reflection-checklists:v1:", "private", "Clearing", "library", "never stored"):
        assert fact in safer, fact


def test_every_shipped_help_resource_cites_its_source():
    # Each entry of DEFAULT_HELP_RESOURCES sits right under a "# Source: https://..." comment.
    source = Path(ROOT / "plugins" / "consultation" / "help_resources.py").read_text(encoding="utf-8")
    lines = source.splitlines()
    entries = [number for number, line in enumerate(lines) if re.match(r'\s*\{"name": ', line)]
    assert len(entries) >= 20
    for number in entries:
        above = number - 1
        while above > 0 and lines[above].strip().startswith("#") and "Source:" not in lines[above]:
            above -= 1
        assert re.search(r"# Source: https?://\S+", lines[above]), lines[number]


def test_help_resources_reach_more_than_womens_helplines():
    from consultation.help_resources import DEFAULT_HELP_RESOURCES
    for region, lists in DEFAULT_HELP_RESOURCES.items():
        entries = lists["en"]  # the French lists: tests/build/test_french.py
        text = " ".join(entry["how"] + " " + entry["name"] for entry in entries).lower()
        assert "911" in text, region
        assert "men" in re.sub(r"women", "", text) or "anyone" in text, region
        assert "trans" in text or "lgbtq" in text, region
        assert "worried about" in text and ("own behaviour" in text or "treat your partner" in text), region


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_safety_route_and_check_link_the_first_safety_article(site, lang):
    """Where a reader is steered after a safety tick (every checklist article's safety route) and
    where readers start (the home page's safety check) name the test site's one safety article,
    in the page's own language, beside the help page."""
    prefix = "/fr" if lang == "fr" else ""
    expected = f"{prefix}/when-trust-cannot-be-rebuilt/"
    # (The safety article's own route, if it had one, would not link itself.)
    routes = [soup(page).select_one("[data-safety-route]") for page in article_pages(site, lang=lang)
              if slug_of(site, page) != "when-trust-cannot-be-rebuilt"]
    routes = [route for route in routes if route]
    assert len(routes) >= 3
    for route in routes:
        hrefs = [a["href"] for a in route.select("a[href]")]
        assert hrefs[0].endswith(f"{prefix}/getting-help-now/"), hrefs
        assert any(href.endswith(expected) for href in hrefs), hrefs
    home = soup(site / ("fr/index.html" if lang == "fr" else "index.html")).select_one(".safety-check")
    assert [a["href"] for a in home.select("a[href]") if a["href"].endswith(expected)], home
