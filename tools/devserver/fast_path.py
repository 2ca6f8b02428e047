"""The fast path: one long-lived Pelican that rewrites only the pages of the files you saved.

It keeps Pelican's content cache (generator layer) between saves, so a save
converts only the Markdown file that changed, and it writes only that file's
own page (every page after a theme change; a fresh Pelican after a settings
or plugin change). It never decides which *other* pages show what you
changed: `full_check.FullCheck` builds the whole site right after, as
`make html` does, and brings every other page (lists, neighbours, the
sitemap, the search index) in line.
"""

import hashlib
import importlib.metadata
import logging
import os
import shutil
import sys
import threading
import time
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican
from pelican.plugins import signals
from pelican.writers import Writer

from tools.build import ProblemCounter, read_settings_plainly

# Plugins that read or index the whole written site, or list every page: a partial write
# would give them a partial site. The full check runs them (tools.bench times them apart).
POST_PROCESSING_PLUGINS = ("search_index",)
# pelican-i18n-subsites builds every other language's site inside the run: the fast path
# refreshes the main language's pages only, and the full check that follows writes the rest.
SKIPPED_PLUGINS = ("sitemap", "i18n_subsites", *POST_PROCESSING_PLUGINS)

logger = logging.getLogger("devserver")


# --- settings the content cache can store -------------------------------------------

_CURRENT = {"settings": None, "context": None}


def current_settings():
    """The settings of the running build (what a cached article, Category or Tag refers to)."""
    return _CURRENT["settings"]


def current_context():
    """The shared context of the running build (what a cached article refers to)."""
    return _CURRENT["context"]


class DevSettings(dict):
    """Pelican settings that pickle as a reference to the running build's settings.

    Pelican's content cache pickles the articles it read, and each one holds
    the settings and the build's shared context, which here contain plugin
    callables that cannot be pickled (and would be stale copies anyway). The
    cache lives in a folder keyed by the settings file and the plugin code, so
    the settings in force when it is read are the ones it was written with;
    a cached article is given the context of the build that reads it.
    """

    def __reduce__(self):
        return current_settings, ()

    def copy(self):
        """Pelican.run starts each build's context as a copy of the settings."""
        return DevContext(self)


class DevContext(dict):
    def __reduce__(self):
        return current_context, ()


class SelectiveWriter(Writer):
    """Pelican's writer, skipping (without rendering) every output not in `selected`.

    `selected` None writes everything. Records what it wrote in `written`. Each page is
    written beside the output folder first and moved into place with `os.replace`, so the
    server never sends half a page that is being rewritten under a request.
    """

    selected = None

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.written = []
        self.staging = Path(output_path).parent / f".{Path(output_path).name}.devserver-pages"
        shutil.rmtree(self.staging, ignore_errors=True)  # left by a run that was killed

    def wanted(self, name):
        return bool(name) and (self.selected is None or os.path.normpath(name) in self.selected)

    def staged(self, write, *args, **kwargs):
        """Run one of Writer's public write methods into the staging folder, then move every
        file it wrote into the output folder (a rename within one file system is atomic)."""
        output, self.output_path = self.output_path, str(self.staging)
        try:
            return write(*args, **kwargs)
        finally:
            self.output_path = output
            for page in sorted(p for p in self.staging.rglob("*") if p.is_file()):
                target = Path(output) / page.relative_to(self.staging)
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(page, target)
            shutil.rmtree(self.staging, ignore_errors=True)

    def write_file(self, name, *args, **kwargs):
        if not self.wanted(name):
            return None
        self.written.append(os.path.normpath(name))
        return self.staged(super().write_file, name, *args, **kwargs)

    def write_feed(self, elements, context, path=None, *args, **kwargs):
        if path and not self.wanted(path):
            return None
        if path:
            self.written.append(os.path.normpath(path))
        return self.staged(super().write_feed, elements, context, path, *args, **kwargs)


@dataclass
class Result:
    kind: str                 # "all" (every page), "content" (the saved files' pages), "failed"
    seconds: float = 0.0
    written: list = field(default_factory=list)
    problems: int = 0
    reason: str = ""

    def summary(self):
        if self.kind == "failed":
            return f"Not updated ({self.reason}): fix the error above and save again."
        pages = [name for name in self.written if name.endswith(".html")]
        shown = ", ".join(pages[:3]) + (f" and {len(pages) - 3} more" if len(pages) > 3 else "")
        what = f"{len(pages)} page{'s' if len(pages) != 1 else ''}" + (f" ({shown})" if pages else "")
        return f"Rebuilt in {self.seconds:.2f} s ({self.reason}): wrote {what}."


def _forget_memoized():
    """Empty Pelican's memoized get_content/get_summary caches, which would keep every
    article of every earlier rebuild alive."""
    from pelican import contents
    from pelican.utils import memoized

    for value in vars(contents).values():
        if isinstance(value, type):
            for member in vars(value).values():
                if isinstance(member, memoized):
                    member.cache.clear()


def _all_signals():
    from blinker import Signal

    return [value for value in vars(signals).values() if isinstance(value, Signal)]


def _receivers(signal):
    """Every live receiver connected to a blinker signal."""
    for reference in list(signal.receivers.values()):
        receiver = reference() if isinstance(reference, weakref.ref) else reference
        if receiver is not None:
            yield receiver


def under(path, folder):
    return folder is not None and (path == folder or path.startswith(folder.rstrip(os.sep) + os.sep))


# Every list of content objects Pelican's article and page generators keep.
CONTENT_LISTS = ("articles", "translations", "hidden_articles", "hidden_translations", "drafts",
                 "drafts_translations", "pages", "hidden_pages", "draft_pages", "draft_translations")


def main_language_paths(settings, name):
    """The content folders of the main language (not content/<lang>/ of a subsite)."""
    other_languages = tuple(f"{lang}/" for lang in settings.get("I18N_SUBSITES") or {})
    return [path for path in settings.get(name) or [""] if not (other_languages and path.startswith(other_languages))]


class Rebuilder:
    """Builds the site once, then rewrites the pages of the files that changed, in one process."""

    def __init__(self, settings_file, content, output, cache_dir=None, on_rebuilt=None, lock=None):
        self.settings_file = os.path.abspath(settings_file)
        self.content = os.path.abspath(content)
        self.output = os.path.abspath(output)
        self.cache_root = os.path.abspath(cache_dir or os.path.join(os.path.dirname(self.settings_file),
                                                                    "cache", "devserver"))
        self.on_rebuilt = on_rebuilt
        self.pelican = None
        self.theme = None
        self.plugin_dirs = []
        self.lock = lock or threading.RLock()  # shared with the full check: one writer at a time
        self._pending = set()       # changed files whose pages are not written yet
        self._write_all_pending = False  # a theme change not yet written successfully
        self._loaded_plugins = False
        self._mode = "all"
        self._generators = None
        self._problems = None
        self._writer = None
        self._running = False
        rebuilder = self

        class RebuilderWriter(SelectiveWriter):
            def __init__(self, output_path, settings=None):
                super().__init__(output_path, settings=settings)
                rebuilder._writer_made(self)

        self._writer_class = RebuilderWriter
        signals.all_generators_finalized.connect(self._remember_generators, weak=False)
        signals.generator_init.connect(self._remember_context, weak=False)
        # Pelican's public hook for a custom writer: a receiver returns the Writer class.
        signals.get_writer.connect(self._choose_writer, weak=False)

    # -- building

    def build_all(self, reason="start"):
        """Read the settings and plugins afresh and write every page."""
        with self.lock:
            if self.pelican is not None or self._loaded_plugins:
                self._forget_plugins()
            self.pelican = None
            start = time.perf_counter()
            try:
                self._load()
            except Exception as error:  # noqa: BLE001 - a mistake in the settings: fix it and save
                logger.error("The settings or a plugin could not be loaded: %s", error)
                self.pelican = None
                return self._finish(Result("failed", time.perf_counter() - start, problems=1,
                                           reason=type(error).__name__))
            return self._run("all", reason)

    def _load(self):
        """Read the settings and load the plugins; the content cache is keyed by both."""
        self._loaded_plugins = True
        settings = read_settings_plainly(self.settings_file, {
            "PATH": self.content, "OUTPUT_PATH": self.output, "DELETE_OUTPUT_DIRECTORY": False,
        })
        self.theme = os.path.abspath(settings["THEME"])
        self.plugin_dirs = [os.path.abspath(path) for path in settings.get("PLUGIN_PATHS") or []]
        settings.update({
            # The generator layer caches articles as plugins left them after reading, so
            # content_object_init plugins (article_toc...) do not run again for each one.
            "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CONTENT_CACHING_LAYER": "generator",
            "CACHE_PATH": self._cache_path(), "GZIP_CACHE": False,
            "PAGE_CACHE": False,  # its own writer chooses the pages to write
            "PLUGINS": [name for name in settings.get("PLUGINS") or [] if name not in SKIPPED_PLUGINS],
            # ...so it reads the main language's folders only (content/fr/ is the French site's).
            "ARTICLE_PATHS": main_language_paths(settings, "ARTICLE_PATHS"),
            "PAGE_PATHS": main_language_paths(settings, "PAGE_PATHS"),
        })
        settings = DevSettings(settings)
        _CURRENT["settings"] = settings
        self.pelican = Pelican(settings)

    def rebuild(self, changed, write_all=False):
        """Rebuild after these files changed; returns a Result, or None if nothing needed doing.

        `write_all` writes every page even for a content change (what Pelican's own
        `--autoreload` does; tools.bench compares the two).
        """
        changed = {os.path.abspath(path) for path in changed}
        with self.lock:
            if self.pelican is None or self.settings_file in changed or any(
                    under(path, folder) for path in changed for folder in self.plugin_dirs):
                return self.build_all("settings or plugin changed")
            if write_all or self._write_all_pending or any(under(path, self.theme) for path in changed):
                self._pending.clear()
                return self._run("all", "every page" if write_all else "theme changed")
            content = {path for path in changed if under(path, self.content)}
            if not content:
                return None
            self._pending |= content
            return self._run("content", "content changed")

    def _run(self, mode, reason):
        _CURRENT["settings"] = self.pelican.settings
        self._mode, self._generators, self._writer = mode, None, None
        _forget_memoized()
        self._problems = ProblemCounter(logging.ERROR)
        root = logging.getLogger()
        root.addHandler(self._problems)
        start = time.perf_counter()
        self._running = True
        try:
            self.pelican.run()
        except Exception as error:  # noqa: BLE001 - shown to the author; the server keeps running
            logger.error("The rebuild stopped: %s: %s", type(error).__name__, error)
            self._write_all_pending = self._write_all_pending or mode == "all"
            return self._finish(Result("failed", time.perf_counter() - start, problems=self._problems.count + 1,
                                       reason=type(error).__name__))
        finally:
            self._running = False
            root.removeHandler(self._problems)
        seconds = time.perf_counter() - start
        writer = self._writer
        if writer is None or (writer.selected == set() and self._problems.count):
            self._write_all_pending = self._write_all_pending or mode == "all"
            return self._finish(Result("failed", seconds, problems=self._problems.count, reason="an error"))
        self._pending.clear()
        self._write_all_pending = False
        kind = "all" if writer.selected is None else "content"
        return self._finish(Result(kind, seconds, list(writer.written), self._problems.count, reason))

    def _finish(self, result):
        if self.on_rebuilt:
            self.on_rebuilt(result)
        return result

    # -- choosing what to write (Pelican asks once every generator has read its content)

    def _remember_generators(self, generators):
        if self._running:
            self._generators = generators

    def _remember_context(self, generator):
        if self._running:
            _CURRENT["context"] = generator.context  # before the generator loads its cache

    def _choose_writer(self, pelican):
        if pelican is self.pelican and self._running:
            return self._writer_class
        return None

    def _writer_made(self, writer):
        writer.selected = None if self._mode == "all" else self._pages_of(self._pending)
        if self._problems.count and self._mode != "all":
            writer.selected = set()  # keep the last good page rather than write a broken one
        self._writer = writer

    def _pages_of(self, sources):
        """The pages the saved files write themselves (their own page, a template page)."""
        pages = set()
        for generator in self._generators or []:
            for name in CONTENT_LISTS:
                for item in getattr(generator, name, None) or []:
                    if os.path.abspath(item.source_path) in sources and item.save_as:
                        pages.add(os.path.normpath(item.save_as))
        for source, destination in (self.pelican.settings.get("TEMPLATE_PAGES") or {}).items():
            if os.path.abspath(os.path.join(self.content, source)) in sources:
                pages.add(os.path.normpath(destination))
        return pages

    # -- content cache

    def _cache_path(self):
        """A cache folder per settings file and plugin code: a change to either starts afresh."""
        digest = hashlib.sha1()
        files = [Path(self.settings_file)]
        for folder in self.plugin_dirs:
            files += sorted(Path(folder).rglob("*.py"))
        for path in files:
            digest.update(str(path).encode())
            digest.update(path.read_bytes())
        for package in ("pelican", "markdown", "pymdown-extensions"):
            try:
                digest.update(importlib.metadata.version(package).encode())
            except importlib.metadata.PackageNotFoundError:
                pass
        key = digest.hexdigest()[:16]
        root = Path(self.cache_root)
        if root.is_dir():
            for stale in root.iterdir():
                if stale.name != key and stale.is_dir():
                    shutil.rmtree(stale, ignore_errors=True)
        return str(root / key)

    # -- plugins

    def _forget_plugins(self):
        """Unload our plugin modules and their signal receivers, so they load afresh."""
        folders = self.plugin_dirs
        names = [name for name, module in list(sys.modules.items())
                 if any(under(os.path.abspath(getattr(module, "__file__", None) or ""), folder) for folder in folders)]
        modules = set(names)
        for signal in _all_signals():
            for receiver in list(_receivers(signal)):
                if getattr(receiver, "__module__", None) in modules:
                    signal.disconnect(receiver)
        for name in names:
            sys.modules.pop(name, None)

    def close(self):
        with self.lock:
            signals.all_generators_finalized.disconnect(self._remember_generators)
            signals.generator_init.disconnect(self._remember_context)
            signals.get_writer.disconnect(self._choose_writer)

    # -- what to watch

    def watched(self):
        folders = [self.content, self.theme, *self.plugin_dirs]
        return [folder for folder in dict.fromkeys(folders) if folder and os.path.isdir(folder)]
