"""`content_written` comes once the page is on disk, whole: a plugin may read it there.

A probe plugin (tests/build/probe_plugins/content_written_probe.py), added to PLUGINS for this
build only, reads each file the signal names at the moment it is sent.
"""

import runpy
import shutil
import sys

from pelican.plugins import signals

from tests.build.test_author_mistakes import GOOD_ARTICLE
from tests.conftest import ROOT, TEST_CONTENT, build_site

PROBES = ROOT / "tests" / "build" / "probe_plugins"


def test_content_written_names_a_page_that_is_already_written_in_full(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(TEST_CONTENT / "pages", content / "pages")
    (content / "articles").mkdir()
    (content / "articles" / "a.md").write_text(GOOD_ARTICLE.format(body="More text."), encoding="utf-8")
    settings = runpy.run_path(str(ROOT / "pelicanconf.py"))
    if "content_written_probe" in sys.modules:
        sys.modules["content_written_probe"].seen.clear()
    try:
        output = build_site(tmp_path / "out", content=content, overrides={
            "PLUGIN_PATHS": [*settings["PLUGIN_PATHS"], str(PROBES)],
            "PLUGINS": [*settings["PLUGINS"], "content_written_probe"]})
    finally:
        probe = sys.modules.get("content_written_probe")  # loaded by Pelican from PLUGIN_PATHS
        if probe is not None:
            signals.content_written.disconnect(probe.record)
    seen = {path: data for path, data in probe.seen}
    article = str(output / "a-test-article" / "index.html")
    assert article in seen, sorted(seen)
    assert len(seen) >= 8  # the article, the pages, the lists
    for path, data in seen.items():
        assert data, f"{path} was empty when content_written named it"
        assert data == open(path, "rb").read(), f"{path} was not yet written in full"
        if path.endswith(".html"):
            assert data.rstrip().endswith(b"</html>"), path
