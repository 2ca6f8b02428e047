"""The devserver rebuilds on an author's save, not on what builds and installs write."""

import pytest
from watchfiles import Change

from tools.devserver.watcher import saves_filter


@pytest.mark.parametrize("path, is_a_save", [
    ("content/articles/a.md", True),
    ("plugins/consultation/markup.py", True),
    ("theme/templates/base.html", True),
    ("plugins/consultation/__pycache__/markup.cpython-311.pyc", False),
    ("plugins/pelican-reflection-checklists/build/lib/pelican/plugins/x.py", False),
    ("plugins/pelican-reflection-checklists/pelican_reflection_checklists.egg-info/PKG-INFO", False),
    ("cache/content/fingerprint/ArticlesGenerator-Readers", False),
    ("content/articles/.a.md.swp", False),
])
def test_only_an_authors_saves_trigger_a_rebuild(path, is_a_save):
    assert saves_filter()(Change.modified, f"/site/{path}") is is_a_save
