"""English files with no French version stay out of the French site, and French links to them work.

With I18N_UNTRANSLATED_ARTICLES and _PAGES set to "remove", the French site never shows an
English article or page that has no French version; a French article may still link to one
(`{filename}`), and the link leads to its English page.
"""

import shutil

import pytest

from tests.conftest import TEST_CONTENT, build_site

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
