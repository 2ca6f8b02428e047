"""Every build that would load anything from another website fails (output_guard's check of
every written page)."""

import shutil
import subprocess

import pytest

from page_scan import css_urls, html_urls, is_other_origin, origin_of, third_party
from tests.conftest import ROOT, TEST_CONTENT, build_site

from .conftest import make_env, site_url_env

PLANTED = """\
Title: A planted article
Date: 2026-09-01
Modified: 2026-11-02
Category: Understanding trust
Tags: trust
Slug: planted-article
Step: 99
Summary: An article that loads a picture from another website.

This picture comes from a CDN:

<img src="https://cdn.example.net/x.png" alt="A planted picture">
"""


@pytest.fixture
def planted_content(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(TEST_CONTENT, content)
    (content / "articles" / "99-planted-article.md").write_text(PLANTED)
    return content


def privacy_errors(content, output):
    """`make html` on `content`, which must fail: the lines that name a load from another website."""
    result = subprocess.run(
        ["make", "--no-print-directory", "html", f"INPUTDIR={content}", f"OUTPUTDIR={output}"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env=make_env(),
    )
    assert result.returncode != 0, result.stdout + result.stderr
    return [line for line in result.stderr.splitlines() if "privacy: " in line], result.stderr


def test_make_html_fails_and_names_the_file_and_url(planted_content, tmp_path):
    errors, said = privacy_errors(planted_content, tmp_path / "out")
    assert len(errors) == 1, said
    assert errors[0].startswith("ERROR")
    assert "planted-article/index.html" in errors[0]
    assert "99-planted-article.md" in errors[0]
    assert "https://cdn.example.net/x.png" in errors[0]


def test_the_shipped_site_loads_nothing_from_elsewhere(site):
    """The session's normal build passed the check (build_site asserts 0 problems); check its output too."""
    for page in sorted(site.rglob("*.html")) + sorted(site.rglob("*.css")):
        found = html_urls(page.read_text()) if page.suffix == ".html" else css_urls(page.read_text())
        assert third_party(found) == [], page


def test_a_published_build_with_a_planted_script_fails(planted_content, tmp_path, caplog):
    page = planted_content / "pages" / "planted-page.md"
    page.write_text("Title: Planted page\nSlug: planted-page\n\n<script src=\"//tracker.example.com/t.js\"></script>\n")
    with site_url_env("https://example.org/practice-site"), pytest.raises(AssertionError, match="problem"):
        build_site(tmp_path / "out", settings="publishconf.py", content=planted_content)
    messages = [record.getMessage() for record in caplog.records if record.getMessage().startswith("privacy: ")]
    assert any("planted-page/index.html" in message and "//tracker.example.com/t.js" in message
               and "a script" in message for message in messages), messages


@pytest.mark.parametrize("markup, expected", [
    ('<script src="https://cdn.example.net/a.js"></script>', [("script", "https://cdn.example.net/a.js")]),
    ('<link rel="stylesheet" href="https://fonts.googleapis.com/css">', [("stylesheet", "https://fonts.googleapis.com/css")]),
    ('<link rel="preload" as="font" href="https://x.example/f.woff2">', [("font", "https://x.example/f.woff2")]),
    ('<link rel="preconnect" href="https://x.example">', [("connection (preconnect)", "https://x.example")]),
    ('<img src="a.png" srcset="b.png 1x, https://x.example/c.png 2x" alt="">', [("image", "https://x.example/c.png")]),
    ('<picture><source srcset="https://x.example/d.webp"></picture>', [("image", "https://x.example/d.webp")]),
    ('<iframe src="https://www.youtube.com/embed/x"></iframe>', [("frame", "https://www.youtube.com/embed/x")]),
    ('<video src="https://x.example/v.mp4" poster="p.jpg"></video>', [("media", "https://x.example/v.mp4")]),
    ('<object data="https://x.example/o.swf"></object>', [("object", "https://x.example/o.swf")]),
    ('<p style="background: url(//x.example/bg.png)">', [("image", "//x.example/bg.png")]),
    ('<style>@font-face { src: url("https://x.example/f.woff2") }</style>', [("font", "https://x.example/f.woff2")]),
    ('<style>@import "https://x.example/more.css";</style>', [("stylesheet", "https://x.example/more.css")]),
    ('<a href="https://x.example/">a plain link is fine</a>', []),
    ('<link rel="canonical" href="https://x.example/">', []),
    ('<link rel="alternate" type="application/atom+xml" href="https://x.example/feed">', []),
    ('<img src="data:image/png;base64,AAAA" alt="">', []),
    ('<img src="/theme/img/a.png" alt=""><script src="../js/a.js"></script>', []),
    # Parsed as a browser parses: the first of two `src` wins, `<image>` is an `<img>`, entities decode.
    ('<img src="https://x.example/1.png" src="a.png" alt="">', [("image", "https://x.example/1.png")]),
    ('<img src="a.png" src="https://x.example/ignored.png" alt="">', []),
    ('<image src="//x.example/i.png">', [("image", "//x.example/i.png")]),
    ('<img src="https&#58;//x.example/e.png" alt="">', [("image", "https://x.example/e.png")]),
    # SVG's own ways to fetch, and pages a browser parses on their own.
    ('<svg><filter><feImage href="https://x.example/f.svg"/></filter></svg>', [("image", "https://x.example/f.svg")]),
    ('<svg><script href="https://x.example/s.js"></script></svg>', [("script", "https://x.example/s.js")]),
    ('<template><img src="https://x.example/t.png" alt=""></template>', [("image", "https://x.example/t.png")]),
    ('<iframe srcdoc="<img src=https://x.example/d.png>"></iframe>', [("image", "https://x.example/d.png")]),
    ('<link rel="preload" as="image" imagesrcset="https://x.example/p.png 2x" href="p.png">',
     [("image", "https://x.example/p.png")]),
    ('<noscript><img src="https://x.example/n.png" alt=""></noscript>', [("image", "https://x.example/n.png")]),
])
def test_scan_finds_every_kind_of_third_party_load(markup, expected):
    assert third_party(html_urls(markup)) == expected


def test_urls_on_siteurls_origin_are_this_site():
    site = origin_of("https://example.org/practice-site")
    assert not is_other_origin("https://example.org/practice-site/theme/a.css", site)
    assert not is_other_origin("https://EXAMPLE.org:443/practice-site/a.png", site)
    assert not is_other_origin("//example.org/a.png", site)
    assert is_other_origin("http://example.org/a.png", site)
    assert is_other_origin("https://cdn.example.org/a.png", site)
    assert is_other_origin("https://example.org/a.png", None)


# Addresses a browser reads as another website although they do not start with `https://`:
# it drops tabs, newlines and edge spaces, reads `\` as `/`, and skips extra or missing slashes.
DISGUISED = ["https:\\\\cdn.example/x.js", "/\\cdn.example/x.js", "\\\\cdn.example/x.js", "///cdn.example/x.js",
             "https:cdn.example/x.js", "https:/cdn.example/x.js", "ht\ttps://cdn.example/x.js",
             "\nhttps://cdn.example/x.js", "\x01//cdn.example/x.js", "HTTPS://CDN.example/x.js"]


@pytest.mark.parametrize("url", DISGUISED)
def test_an_address_a_browser_reads_as_another_website_is_found(url):
    assert is_other_origin(url)
    markup = f'<script src="{url}"></script>'
    assert third_party(html_urls(markup)) == [("script", url)]


@pytest.mark.parametrize("url", ["/theme/a.css", "a/b.png", "../img/c.svg", "./x//y.png", "#top", "?q=1",
                                 "data:image/png;base64,AA", "blob:x", "mailto:a@b.example"])
def test_this_sites_own_addresses_are_not_flagged(url):
    assert not is_other_origin(url)


def test_css_files_are_checked_too():
    assert third_party(css_urls("/* url(https://x.example/ignored.png) */ a { b: url('../img/ok.svg') }")) == []
    assert third_party(css_urls("a{background:url(https://x.example/i.png)}")) == [("image", "https://x.example/i.png")]


def test_svg_files_are_checked_too(planted_content, tmp_path):
    """An illustration that pulls a picture from another website fails the build like a page."""
    (planted_content / "articles" / "99-planted-article.md").unlink()
    (planted_content / "images" / "planted.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://cdn.example.net/p.png"/></svg>')
    errors, said = privacy_errors(planted_content, tmp_path / "out")
    assert errors and all("images/planted.svg" in line for line in errors), said
    assert "https://cdn.example.net/p.png" in errors[0]
