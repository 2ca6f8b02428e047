"""Watching the content, theme, plugin folders and the settings files for saves."""

import logging
import os

logger = logging.getLogger("devserver")


def _stamp(path):
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


def settings_files(settings_file):
    """The settings file and the practice file it reads (pelicanconf.py reads practice.toml
    beside it, or PRACTICE_FILE): a save in either rebuilds everything."""
    practice = os.environ.get("PRACTICE_FILE") or os.path.join(os.path.dirname(settings_file), "practice.toml")
    return (settings_file, practice)


def _stamps(settings_file):
    return tuple(_stamp(path) for path in settings_files(settings_file))


def saves_filter():
    """watchfiles' own filter (editor swap files, `__pycache__`, `.git`...), plus what a build or
    an install writes (`build/`, `dist/`, `cache/`, `*.egg-info/`): a `make html` or a
    `pip install` in another terminal is not an edit."""
    from watchfiles import DefaultFilter

    class SavesOnly(DefaultFilter):
        def __call__(self, change, path):
            return super().__call__(change, path) and ".egg-info" + os.sep not in path

    return SavesOnly(ignore_dirs=(*DefaultFilter.ignore_dirs, "build", "dist", "cache"))


def watch(rebuilder, stop, after_rebuild=None):
    """Feed changed files to the rebuilder until `stop` is set (runs in a thread).

    `after_rebuild()` runs after each rebuild (the devserver schedules its full check there).
    """
    from watchfiles import watch as watch_files

    settings_stamp = _stamps(rebuilder.settings_file)
    while not stop.is_set():
        folders = rebuilder.watched()
        for changes in watch_files(*folders, watch_filter=saves_filter(), debounce=1600, step=30,
                                   stop_event=stop, rust_timeout=500, yield_on_timeout=True, raise_interrupt=False):
            changed = {path for _, path in changes}
            stamp = _stamps(rebuilder.settings_file)
            if stamp != settings_stamp:
                settings_stamp = stamp
                changed.add(rebuilder.settings_file)
            if not changed:
                continue
            try:
                rebuilder.rebuild(changed)
            except Exception:  # noqa: BLE001 - keep serving; the author sees the traceback
                logger.exception("The rebuild failed")
            if after_rebuild:
                after_rebuild()
            if rebuilder.watched() != folders:
                break  # the settings moved the theme or the plugins: watch the new folders
