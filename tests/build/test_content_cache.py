"""Pelican's content cache (CACHE_CONTENT, see plugins/markdown_reader/cache.py) changes no byte.

The site is built with the cache into one folder, an article's text is edited, and the site is
built again, loading that cache, into a second folder; a cold build (no cache) of the edited
site must give the same bytes, the French site (/fr/) included, and the same page facts (the
reader's metadata: table of contents, checklists, words).
"""

import shutil

import pytest
from pelican.plugins import signals

from tests.conftest import ROOT, TEST_CONTENT, TEST_PRACTICE, practice_file
from tools.build import build

EDITED = "articles/10-atone-attune-attach.md"
FACTS = ("toc_tokens", "has_checklist", "chrome_words", "checklist_outline", "body_words")


def files_of(output):
    return {path.relative_to(output).as_posix(): path.read_bytes() for path in sorted(output.rglob("*"))
            if path.is_file()}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """{name: (output folder, {source: page facts}, [files the Markdown reader converted])}."""
    from markdown_reader import plugin as reader

    root = tmp_path_factory.mktemp("content-cache")
    content = root / "content"
    shutil.copytree(TEST_CONTENT, content)
    seen, converted = {}, []

    def remember(generators):
        for generator in generators:
            for item in [*getattr(generator, "articles", []), *getattr(generator, "pages", [])]:
                seen.setdefault((generator.settings["DEFAULT_LANG"], item.relative_source_path),
                                tuple(repr(getattr(item, name, None)) for name in FACTS))

    real_convert = reader.SiteMarkdownReader.convert

    def counting_convert(self, text, source_path):
        converted.append(source_path)
        return real_convert(self, text, source_path)

    results = {}
    signals.all_generators_finalized.connect(remember)
    try:
        with pytest.MonkeyPatch.context() as patch, practice_file(TEST_PRACTICE):
            patch.setattr(reader.SiteMarkdownReader, "convert", counting_convert)
            for name, cached in (("first", True), ("edited", True), ("cold", False)):
                if name == "edited":
                    article = content / EDITED
                    article.write_text(article.read_text(encoding="utf-8")
                                       + "\nA sentence added after the first build.\n", encoding="utf-8")
                seen.clear()
                converted.clear()
                output = root / name
                overrides = {"CACHE_CONTENT": cached, "LOAD_CONTENT_CACHE": cached, "CACHE_PATH": str(root / "cache")}
                problems = build(str(ROOT / "pelicanconf.py"), str(content), str(output), overrides=overrides)
                assert problems == 0, f"the {name} build reported {problems} problem(s)"
                results[name] = (output, dict(seen), list(converted))
    finally:
        signals.all_generators_finalized.disconnect(remember)
    return results


def test_the_second_build_reads_the_cache_and_converts_only_the_edited_file(builds):
    _, _, first = builds["first"]
    _, _, edited = builds["edited"]
    assert len(first) > 40  # every file once, and the French files again in the French run
    # The edited file is English: converted once, in the English run; the French run, which
    # shows no English page, takes that result instead of converting it again.
    assert edited == [path for path in first if path.endswith(f"content/{EDITED}")]
    assert len(edited) == 1


def test_a_cached_build_writes_the_same_bytes_as_a_cold_one(builds):
    cached, cold = files_of(builds["edited"][0]), files_of(builds["cold"][0])
    assert any(name.startswith("fr/") for name in cold)
    assert sorted(cached) == sorted(cold)
    assert [name for name in cached if cached[name] != cold[name]] == []
    page = cached["atone-attune-attach/index.html"].decode("utf-8")
    assert "A sentence added after the first build." in page


def test_the_page_facts_come_back_from_the_cache(builds):
    cached, cold = builds["edited"][1], builds["cold"][1]
    assert cached == cold
    assert any("True" == facts[1] for facts in cached.values())  # a page with a checklist
    assert all(facts[4] not in ("None", "0") for (lang, source), facts in cached.items()
               if source.endswith(".md")), cached


def test_the_runs_leave_one_cache_folder_per_language_and_no_private_copy(builds):
    cache = builds["first"][0].parent / "cache"
    assert not [path for path in cache.rglob(".run-*")]
    # The same settings in both cached builds: one fingerprint folder for the main language's
    # run, one under fr/ for the French run, each holding Pelican's cache files and the pages
    # it wrote (page_cache.py); beside them, output_guard's scans of the written pages.
    main = [path for path in cache.iterdir() if path.is_dir() and path.name != "fr"]
    french = list((cache / "fr").iterdir())
    assert len(main) == len(french) == 1, (main, french)
    assert sorted(path.name for path in main[0].iterdir()) == ["ArticlesGenerator-Readers", "PageCache",
                                                               "PagesGenerator-Readers"]
    assert [path.name for path in cache.iterdir() if path.is_file() and path.name.startswith("output-scans-")]


def test_the_fingerprint_follows_the_settings_but_not_the_output_folder():
    from markdown_reader.cache import fingerprint
    from pelican.settings import read_settings

    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"OUTPUT_PATH": "/tmp/one"})
    same = fingerprint(settings)
    assert fingerprint({**settings, "OUTPUT_PATH": "/tmp/two", "CACHE_PATH": "/tmp/elsewhere"}) == same
    assert fingerprint({**settings, "CONSULTATION_LABEL": "Book a call"}) != same
    assert fingerprint({**settings, "MARKDOWN": {**settings["MARKDOWN"], "output_format": "xhtml"}}) != same


def test_the_fingerprint_follows_plugin_code_but_not_packaging_output(tmp_path):
    """pip rewrites a package's `build/` and `*.egg-info` on every install (another terminal's
    `make dist`, a test): the content cache must not start afresh for that."""
    from markdown_reader.cache import fingerprint

    plugin = tmp_path / "plugins" / "a_plugin"
    plugin.mkdir(parents=True)
    (plugin / "plugin.py").write_text("VALUE = 1\n", encoding="utf-8")
    settings = {"PLUGIN_PATHS": [str(tmp_path / "plugins")], "PLUGINS": ["a_plugin"]}
    same = fingerprint(settings)
    for leftover in ("build/lib/a_plugin/plugin.py", "dist/x/plugin.py", "a_plugin.egg-info/x.py"):
        (plugin / leftover).parent.mkdir(parents=True, exist_ok=True)
        (plugin / leftover).write_text("VALUE = 2\n", encoding="utf-8")
    assert fingerprint(settings) == same
    (plugin / "plugin.py").write_text("VALUE = 2\n", encoding="utf-8")
    assert fingerprint(settings) != same


def test_a_cold_build_converts_each_english_file_once(builds):
    converted = builds["cold"][2]
    english = [path for path in converted if "/content/fr/" not in path]
    assert len(english) > 20
    assert len(english) == len(set(english)), "an English file was converted again by the French run"
