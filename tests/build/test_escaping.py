"""Escaping by default: a title, summary or setting is text wherever the theme puts it,
in an attribute or in the page, and can never become markup."""


from bs4 import BeautifulSoup

from tests.build.test_no_tracebacks import ROOT, make_html

TITLE = 'When she said "enough" <b>twice</b> & left'
ARTICLE = f"""Title: {TITLE}
Date: 2026-09-01
Modified: 2026-11-01
Category: The impact
Tags: trust
Slug: quoted
Step: 1
Summary: Words about &lt;script&gt;alert(1)&lt;/script&gt; and "quotes".

Some text.
"""


def test_quotes_and_markup_in_titles_and_summaries_stay_text(tmp_path):
    settings = tmp_path / "settings.py"
    settings.write_text(f'from pelicanconf import *\nPRACTICE_NAME = SITENAME = \'Fern "&" Kestrel <i>\'\n'
                        f'import sys; sys.path.insert(0, {str(ROOT)!r})\n', encoding="utf-8")
    code, output = make_html(tmp_path, {"a.md": ARTICLE}, settings=settings)
    assert code == 0, output
    out = tmp_path / "out"
    page = BeautifulSoup((out / "quoted" / "index.html").read_text(encoding="utf-8"), "html.parser")
    # Attributes drop tags (striptags) but keep the quotes and the ampersand.
    assert page.find("meta", property="og:title")["content"] == 'When she said "enough" twice & left'
    assert page.find("h1").get_text() == TITLE
    assert page.find("meta", property="og:site_name")["content"] == 'Fern "&" Kestrel <i>'
    assert not page.select("h1 b, header i, title i")
    for listing in ("tag/trust/index.html", "category/the-impact/index.html", "index.html"):
        doc = BeautifulSoup((out / listing).read_text(encoding="utf-8"), "html.parser")
        assert not [script for script in doc.find_all("script") if "alert" in script.get_text()], listing
        assert "<script>alert(1)</script>" in doc.get_text() or listing == "index.html", listing
        assert not doc.select("a b"), listing
