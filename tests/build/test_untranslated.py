"""The French run leaves out the English files it would only drop, and the site stays the same.

plugins/markdown_reader/untranslated.py: with I18N_UNTRANSLATED_ARTICLES and _PAGES set to
"remove", the French site never shows an English article or page that has no French version,
so its run does not read them again. A French article may still link to one.
"""

import shutil

import pytest

from tests.conftest import ROOT, build_site

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
    shutil.copytree(ROOT / "content", root)
    (root / "articles" / "only-in-english.md").write_text(ENGLISH_ONLY_ARTICLE, encoding="utf-8")
    (root / "pages" / "english-only-notes.md").write_text(ENGLISH_ONLY_PAGE, encoding="utf-8")
    french = root / "fr" / "articles" / "01-what-trust-is.md"
    french.write_text(french.read_text(encoding="utf-8") + FRENCH_LINKS, encoding="utf-8")
    return root


def files_of(output):
    return {path.relative_to(output).as_posix(): path.read_bytes() for path in sorted(output.rglob("*"))
            if path.is_file()}


@pytest.fixture(scope="module")
def builds(content, tmp_path_factory):
    """The site built as usual, and with the French run reading every file (nothing left out)."""
    from markdown_reader import untranslated

    left_out = []
    real = untranslated.left_out

    def spy(settings, kind):
        found = real(settings, kind)
        left_out.extend(found)
        return found

    root = tmp_path_factory.mktemp("untranslated-out")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(untranslated, "left_out", spy)
        usual = build_site(root / "usual", content=content)
        patch.setattr(untranslated, "left_out", lambda settings, kind: {})
        every_file = build_site(root / "every-file", content=content)
    return usual, every_file, left_out


def test_the_french_run_leaves_out_english_files_without_a_french_version(builds, content):
    _, _, left_out = builds
    names = {path.rsplit("/", 2)[-2] + "/" + path.rsplit("/", 1)[-1] for path in left_out}
    assert "articles/only-in-english.md" in names and "pages/english-only-notes.md" in names
    # An English article with a French version is read by the French run: it is its translation.
    assert "articles/01-what-trust-is.md" not in names


def test_leaving_them_out_changes_no_byte_of_the_site(builds):
    usual, every_file, _ = builds
    one, other = files_of(usual), files_of(every_file)
    assert sorted(one) == sorted(other)
    assert [name for name in one if one[name] != other[name]] == []


def test_a_french_link_to_an_english_only_article_leads_to_its_english_page(builds):
    usual, _, _ = builds
    page = (usual / "fr" / "what-trust-is" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../only-in-english/"' in page or 'href="/only-in-english/"' in page, \
        [line for line in page.splitlines() if "anglais" in line]
    assert (usual / "only-in-english" / "index.html").is_file()
    assert not (usual / "fr" / "only-in-english").exists()
    assert "english-only-notes/" in page and (usual / "english-only-notes" / "index.html").is_file()
