"""English files with no French version stay out of the French site, and French links to them work.

With I18N_UNTRANSLATED_ARTICLES and _PAGES set to "remove", the French site never shows an
English article or page that has no French version; a French article may still link to one
(`{filename}`), and the link leads to its English page.
"""

import shutil

import pytest

from tests.conftest import TEST_CONTENT, build_site
from tests.helpers import soup

ENGLISH_ONLY_ARTICLE = """Title: Only in English
Date: 2026-10-01
Modified: 2026-11-20
Step: 17
Category: Understanding trust
Tags: repair
Slug: only-in-english
Summary: An article with no French version.

A short article that exists in English only.
"""
ENGLISH_ONLY_PAGE = """Title: English-only notes
Slug: english-only-notes

A page with no French version.
"""
FRENCH_ONLY_ARTICLE = """Title: Seulement en français
Lang: fr
Date: 2026-10-02
Modified: 2026-11-20
Step: 18
Category: Comprendre la confiance
Tags: confiance
Slug: seulement-en-francais
Summary: Un article qui n'a pas de version anglaise.

Un court article qui existe seulement en français.
"""
FRENCH_LINKS = """

Voir aussi [un article en anglais]({filename}/articles/only-in-english.md) et
[une page en anglais]({filename}/pages/english-only-notes.md).
"""


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    root = tmp_path_factory.mktemp("untranslated") / "content"
    shutil.copytree(TEST_CONTENT, root)
    (root / "articles" / "only-in-english.md").write_text(ENGLISH_ONLY_ARTICLE, encoding="utf-8")
    (root / "pages" / "english-only-notes.md").write_text(ENGLISH_ONLY_PAGE, encoding="utf-8")
    (root / "fr" / "articles" / "seulement-en-francais.md").write_text(FRENCH_ONLY_ARTICLE, encoding="utf-8")
    french = root / "fr" / "articles" / "01-what-trust-is.md"
    french.write_text(french.read_text(encoding="utf-8") + FRENCH_LINKS, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def built(content, tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("untranslated-out") / "site", content=content)


def test_a_french_link_to_an_english_only_article_leads_to_its_english_page(built):
    usual = built
    page = (usual / "fr" / "what-trust-is" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../only-in-english/"' in page or 'href="/only-in-english/"' in page, \
        [line for line in page.splitlines() if "anglais" in line]
    assert (usual / "only-in-english" / "index.html").is_file()
    assert not (usual / "fr" / "only-in-english").exists()
    assert "english-only-notes/" in page and (usual / "english-only-notes" / "index.html").is_file()


def language_link(page):
    return soup(page).select_one("a.site-header__lang")


def test_a_page_without_a_version_in_the_other_language_says_where_its_switch_leads(built):
    """The switch of a page that has no translation opens the other language's home page, and
    says so in the page's own language (screen readers read it; the code and name stay as they
    are); a translated page's switch opens its translation and says nothing more."""
    english_only = language_link(built / "only-in-english" / "index.html")
    assert english_only["href"].rstrip("/").endswith("/fr") or english_only["href"] in ("../fr/", "/fr/")
    hint = english_only.select_one(".visually-hidden")
    assert hint is not None and hint["lang"] == "en"
    assert "home page: this page has no version in that language" in hint.get_text()
    french_only = language_link(built / "fr" / "seulement-en-francais" / "index.html")
    hint = french_only.select_one(".visually-hidden")
    assert hint is not None and hint["lang"] == "fr"
    assert "page d'accueil : cette page n'existe pas dans cette langue" in hint.get_text()
    translated = language_link(built / "what-trust-is" / "index.html")
    assert translated["href"].rstrip("/").endswith("fr/what-trust-is")
    assert translated.select_one(".visually-hidden") is None
