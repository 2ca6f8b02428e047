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


def test_saving_the_practice_file_rebuilds_everything(tmp_path):
    """practice.toml is read by the settings: a save there is a settings change."""
    import threading

    from tools.devserver.watcher import watch

    (tmp_path / "content").mkdir()
    settings = tmp_path / "pelicanconf.py"
    settings.write_text("")
    practice = tmp_path / "practice.toml"
    practice.write_text('[practice]\nname = "Before"\n')
    seen, stop = [], threading.Event()

    class Rebuilder:
        settings_file = str(settings)

        def watched(self):
            return [str(tmp_path / "content")]

        def rebuild(self, changed):
            seen.append(changed)
            stop.set()

    watcher = threading.Thread(target=watch, args=(Rebuilder(), stop), daemon=True)
    watcher.start()
    threading.Event().wait(0.3)
    practice.write_text('[practice]\nname = "After"\n')
    watcher.join(timeout=20)
    stop.set()
    assert seen == [{str(settings)}]
