"""The content policy's quick look (which skips the full parse) never lets blocked markup through."""

import pytest

from site_guard.content_policy import might_be_blocked, problems

BLOCKED = {
    "inline script": "<script>alert(1)</script>",
    "upper-case handler": '<p ONCLICK="go()">x</p>',
    "handler after a slash": '<img/onerror="go()" src="a.png">',
    "handler straight after a quote": '<a href="a"onclick="go()">x</a>',
    "style attribute": '<p Style="color: red">x</p>',
    "javascript link": '<a href="javascript:go()">x</a>',
    "javascript spelled with a reference": '<a href="&#106;avascript:go()">x</a>',
    "javascript with a tab in it": '<a href="java&Tab;script:go()">x</a>',
    "javascript with a typed tab in it": '<a href="java\tscript:go()">x</a>',
    "javascript broken over two lines": '<a href="java\nscript:go()">x</a>',
    "javascript with a newline reference": '<a href="java&#10;script:go()">x</a>',
    "javascript with a hex reference": '<a href="&#x6A;ava&#x73;cript:go()">x</a>',
    "javascript with a reference that has no semicolon": '<a href="&#106avascript:go()">x</a>',
    "javascript with its colon spelled": '<a href="javascript&colon;go()">x</a>',
    "javascript in capitals with a reference": '<a href="JAVA&#83;CRIPT:go()">x</a>',
    "form sending elsewhere": '<form action="https://x.example/send"><button>Send</button></form>',
    "form target in capitals, spaced": '<form ACTION = "//x.example/send"></form>',
    "button sending elsewhere": '<form><button formaction="https://x.example/">Go</button></form>',
    "refresh to another website": '<meta http-equiv="refresh" content="0; url=https://x.example/">',
    "refresh unquoted": '<meta content="0;url=//x.example/" HTTP-EQUIV=refresh>',
}


@pytest.mark.parametrize("markup", BLOCKED.values(), ids=BLOCKED.keys())
def test_blocked_markup_is_found(tmp_path, markup):
    source = tmp_path / "a.md"
    source.write_text("Some text.\n", encoding="utf-8")
    assert might_be_blocked(markup)
    assert [message for _, message in problems(markup, str(source), str(tmp_path))
            if "would be blocked" in message]


def test_ordinary_article_markup_skips_the_full_parse():
    html = ('<h2 id="a">A heading</h2><p>Plain words, <em>emphasis</em> and '
            '<a href="/what-trust-is/">a link</a>.</p><ul><li>An item</li></ul>'
            # references the theme and the checklist write: an apostrophe, &, quotes, a dot
            '<p data-note="you&#39;re &amp; &quot;we&quot;">Book &middot; call</p>'
            # words that name attributes without being one: a class, a sentence
            '<p class="help-card__actions">Take action. Refresh the page; the reaction = calm.</p>')
    assert not might_be_blocked(html)


def test_internal_links_are_read_from_href_and_src_only(tmp_path):
    source = tmp_path / "a.md"
    source.write_text("[gone](missing.md)\n![](gone.png)\n", encoding="utf-8")
    (tmp_path / "there.md").write_text("x", encoding="utf-8")
    html = ('<p><a href="{filename}missing.md">gone</a> <img alt="" src=\'{static}gone.png\'> '
            '<a href="{filename}there.md">there</a> <span data-x="{filename}not-a-link.md">x</span> '
            '<a href="{filename}missing.md#part">again</a></p>')
    messages = [message for _, message in problems(html, str(source), str(tmp_path))]
    assert len(messages) == 2
    assert "`missing.md`" in messages[0] and "`gone.png`" in messages[1]


PAGE = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>'
        '<link rel="stylesheet" href="/theme/site.css"><script type="module" src="/theme/site.js"></script>'
        '<script type="application/ld+json">{"@type": "Article"}</script></head>'
        '<body><header><a href="/">Home</a></header><main><p>It&#39;s fine &amp; calm. JavaScript is optional.</p>'
        '%s</main></body></html>')
MORE_BLOCKED = {
    "svg animation to a script url": '<svg><a><set attributeName="href" to="javascript:go()"/></a></svg>',
    "svg load handler": '<svg onload="go()"></svg>',
    "vbscript link": '<a href="VBScript:go()">x</a>',
    "script url with spaces before the colon": '<a href="javascript :go()">x</a>',
    "handler in a template": '<template><img src="a.png" onerror="go()"></template>',
    "script url in an iframe's page": '<iframe srcdoc="&lt;a href=&quot;javascript:go()&quot;&gt;x&lt;/a&gt;"></iframe>',
}


@pytest.mark.parametrize("markup", [*BLOCKED.values(), *MORE_BLOCKED.values()], ids=[*BLOCKED, *MORE_BLOCKED])
def test_every_written_page_is_checked_whole(markup):
    """output_guard's scan of a written page (which looks at every element only when the page
    might hold a handler or a script URL) finds what the policy blocks, wherever it sits."""
    from page_scan import origin_of, scan_html

    site = origin_of("https://site.example")
    assert scan_html(PAGE % "", policy=True, whole_page=True, site_origin=site).blocked == []
    assert scan_html(PAGE % markup, policy=True, whole_page=True, site_origin=site).blocked
