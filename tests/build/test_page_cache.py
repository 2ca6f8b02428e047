"""`make html` again leaves a page as it is only when nothing it shows changed
(plugins/markdown_reader/page_cache.py), and the site is always the one a cold build writes.

One copy of the test site and of the theme is built again and again into one output folder,
with Pelican's content cache on, as `make html` does: unchanged, after an edit of an article's
wording, after an edit of its title, after a change of a template, after a page was changed by
hand. After each, the pages left as they were are known by their unchanged modification time,
and the output must hold the same bytes as a cold build (no cache, a new folder) of the same
files.
"""

import re
import shutil

import pytest
from pelican.plugins import signals
from pelican.plugins.reflection_checklists.assets import STATIC_DIR as CHECKLIST_STATIC_DIR

from tests.conftest import ROOT, TEST_CONTENT, TEST_PRACTICE, practice_file
from tools.build import build

EDITED = "articles/10-atone-attune-attach.md"
EDITED_PAGE = "atone-attune-attach/index.html"


def files_of(output):
    return {path.relative_to(output).as_posix(): path.read_bytes() for path in sorted(output.rglob("*"))
            if path.is_file()}


def times_of(output):
    return {path.relative_to(output).as_posix(): path.stat().st_mtime_ns for path in output.rglob("*.html")}


def article_pages(times):
    """The English articles' pages (from their `Slug:` lines)."""
    slugs = {re.search(r"(?m)^Slug: *(.+)$", path.read_text(encoding="utf-8")).group(1).strip()
             for path in (TEST_CONTENT / "articles").glob("*.md")}
    return {name for name in times if name in {f"{slug}/index.html" for slug in slugs}}


class Site:
    """A copy of the test site and theme, built as `make html` builds it."""

    def __init__(self, root):
        self.root = root
        self.content = root / "content"
        self.theme = root / "theme"
        shutil.copytree(TEST_CONTENT, self.content)
        shutil.copytree(ROOT / "theme", self.theme)
        self.package_static = root / "checklist-static"  # the checklist package's own files
        shutil.copytree(CHECKLIST_STATIC_DIR, self.package_static)
        self.output = root / "output"
        self.written = []  # (path, bytes on disk when content_written was sent, page's source)

    def build(self, cached=True, output=None):
        overrides = {"CACHE_CONTENT": cached, "LOAD_CONTENT_CACHE": cached, "CACHE_PATH": str(self.root / "cache"),
                     "THEME": str(self.theme), "ASSET_SOURCE_PATH": str(self.theme / "assets"),
                     "ASSET_ALIASES": {"reflection-checklists": str(self.package_static)}}
        self.written.clear()
        with practice_file(TEST_PRACTICE):
            problems = build(str(ROOT / "pelicanconf.py"), str(self.content), str(output or self.output),
                             overrides=overrides)
        return problems

    def cold_files(self, name):
        output = self.root / name
        assert self.build(cached=False, output=output) == 0
        return files_of(output)

    def note(self, path, context=None):
        item = (context or {}).get("article") or (context or {}).get("page")
        with open(path, "rb") as page:
            self.written.append((path, page.read(), getattr(item, "source_path", None)))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("page-cache"))
    signals.content_written.connect(site.note)
    try:
        assert site.build() == 0
        yield site
    finally:
        signals.content_written.disconnect(site.note)


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_pages_are_left_as_they_are_when_nothing_changed_and_content_written_still_gets_each_page(site):
    before = times_of(site.output)
    assert site.build() == 0
    after = times_of(site.output)
    articles = article_pages(after)
    assert len(articles) >= 10
    assert {name for name in articles if after[name] != before[name]} == set()
    # content_written came for every article page, with the page as it is on disk, and its source
    noted = {path: (data, source) for path, data, source in site.written}
    for name in articles:
        data, source = noted[str(site.output / name)]
        assert data == (site.output / name).read_bytes() and len(data) > 1000
        assert source and source.endswith(".md")


def test_an_edit_of_wording_renders_that_page_only_and_the_site_is_a_cold_builds(site):
    before = times_of(site.output)
    edit(site.content / EDITED, "\n\n", "\n\nA sentence the author added to this article.\n\n")
    assert site.build() == 0
    after = times_of(site.output)
    changed = {name for name in article_pages(after) if after[name] != before[name]}
    assert changed == {EDITED_PAGE}
    assert "A sentence the author added" in (site.output / EDITED_PAGE).read_text(encoding="utf-8")
    assert files_of(site.output) == site.cold_files("cold-wording")


def test_an_edit_of_a_title_renders_the_pages_that_show_it(site):
    edit(site.content / EDITED, "Title: Atone, Attune, Attach", "Title: Atone, Attune and Attach")
    assert site.build() == 0
    showing = [name for name in article_pages(times_of(site.output))
               if "Atone, Attune and Attach" in (site.output / name).read_text(encoding="utf-8")]
    assert len(showing) >= 3  # its own page, and the pages that link it (path, related reading)
    assert files_of(site.output) == site.cold_files("cold-title")


def test_a_changed_template_renders_every_page(site):
    before = times_of(site.output)
    edit(site.theme / "templates" / "base.html", "</body>", "<!-- a template change --></body>")
    assert site.build() == 0
    after = times_of(site.output)
    assert all(after[name] != before[name] for name in article_pages(after))
    assert "a template change" in (site.output / EDITED_PAGE).read_text(encoding="utf-8")
    assert files_of(site.output) == site.cold_files("cold-template")


def test_a_changed_stylesheet_gives_every_page_the_new_bundle_and_leaves_no_old_one(site):
    """The bundles' fingerprinted names are in each page: a page left as it was would link the
    old file, which `make html` would otherwise keep beside the new one. The stylesheet changed
    here is the checklist package's, outside the theme, bundled into the checklist pages' one."""
    stylesheet = site.package_static / "checklist.css"
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n.a-new-rule { margin: 0; }\n",
                          encoding="utf-8")
    assert site.build() == 0
    bundles = sorted(path.name for path in (site.output / "theme" / "css").glob("site.*.css"))
    assert len(bundles) == 1
    pages = [path.read_text(encoding="utf-8") for path in site.output.rglob("*.html")]
    assert sum(bundles[0] in page for page in pages) >= 3
    linked = {name for page in pages for name in re.findall(r"theme/css/([\w.-]+\.css)", page)}
    assert linked and all((site.output / "theme" / "css" / name).is_file() for name in linked)
    assert files_of(site.output) == site.cold_files("cold-stylesheet")


def test_a_page_changed_or_removed_by_hand_is_written_again(site):
    changed, removed = site.output / EDITED_PAGE, site.output / "what-trust-is" / "index.html"
    expected = {path: path.read_bytes() for path in (changed, removed)}
    changed.write_bytes(expected[changed].replace(b"Attune", b"Attuned", 1))
    removed.unlink()
    assert site.build() == 0
    assert {path: path.read_bytes() for path in (changed, removed)} == expected


def test_a_published_build_renders_every_page(monkeypatch):
    """publishconf.py turns the page cache off: a published site is rendered whole."""
    import runpy  # noqa: PLC0415

    from markdown_reader.page_cache import enabled  # noqa: PLC0415

    monkeypatch.setenv("SITEURL", "https://practice.example.org")
    with practice_file(TEST_PRACTICE):
        published = runpy.run_path(str(ROOT / "publishconf.py"))
        local = runpy.run_path(str(ROOT / "pelicanconf.py"))
    assert enabled(local) and not enabled(published)


def test_a_planted_script_is_reported_by_every_build_while_it_stays(site):
    """The scans kept from build to build (output_guard/scan_store.py) are reported again."""
    template = site.theme / "templates" / "base.html"
    edit(template, "</body>", '<script>steal()</script></body>')
    try:
        assert site.build() > 0
        assert site.build() > 0  # nothing changed: the pages and their scans are kept, and said again
    finally:
        edit(template, '<script>steal()</script></body>', "</body>")
    assert site.build() == 0
