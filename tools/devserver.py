"""Serve the site while you write: rebuild what changed on save, reload the browser.

    python -m tools.devserver [--content content] [--output output] [--settings pelicanconf.py]
                              [--port 8000] [--bind 127.0.0.1]

One Pelican stays alive with content caching on, so a save converts only the
Markdown file that changed. Saving an article writes that article's page,
the pages whose previous/next or related links show it, and the home,
category, tag and archive pages only when what they show of it changed
(title, summary, category, tags, step, date, reading time...). Pelican 4.12
removed WRITE_SELECTED, so a writer here does the selecting. A change to the
theme writes every page; a change to a plugin or the settings also loads the
plugins and settings afresh. `make html` is unaffected: it always builds
and checks the whole site.

Plugins that work on the whole written site run after each rebuild, in the
background once saves pause, so they never hold up the reload (privacy
linting, the Pagefind search index). sitemap.xml is left to `make html`.
The browser reloads through livereload's script, served by this server.
"""

import argparse
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

from jinja2 import BytecodeCache
from pelican import Pelican
from pelican.log import init as init_logging
from pelican.plugins import signals
from pelican.settings import read_settings
from pelican.writers import Writer

# Plugins that read or index the whole written site. They cannot run on a partial write:
# the devserver runs them after a rebuild, off the reload's path (tools.bench times them
# apart from the build too).
POST_PROCESSING_PLUGINS = ("privacy_linter", "search_index")
# Plugins the devserver leaves out: the sitemap lists what one run wrote, which after a
# partial write would be a few pages. `make html` writes it.
SKIPPED_PLUGINS = ("sitemap",)
# Post-processing waits until saves have paused this long.
POST_PROCESSING_DELAY = 2.0

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


class MemoryBytecodeCache(BytecodeCache):
    """Jinja's compiled templates, kept between rebuilds (Jinja checks each template's source)."""

    def __init__(self):
        self.store = {}

    def load_bytecode(self, bucket):
        data = self.store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket):
        self.store[bucket.key] = bucket.bytecode_to_string()


# --- writing only some pages ----------------------------------------------------------

class SelectiveWriter(Writer):
    """Pelican's writer, skipping (without rendering) every output not in `selected`.

    `selected` None writes everything. Records what it wrote in `written`.
    """

    def __init__(self, output_path, settings=None, selected=None):
        super().__init__(output_path, settings=settings)
        self.selected = selected
        self.written = []

    def wanted(self, name):
        return bool(name) and (self.selected is None or os.path.normpath(name) in self.selected)

    def write_file(self, name, *args, **kwargs):
        if not self.wanted(name):
            return None
        self.written.append(os.path.normpath(name))
        return super().write_file(name, *args, **kwargs)

    def write_feed(self, elements, context, path=None, *args, **kwargs):
        if path and not self.wanted(path):
            return None
        if path:
            self.written.append(os.path.normpath(path))
        return super().write_feed(elements, context, path, *args, **kwargs)


class DevPelican(Pelican):
    """A Pelican whose writer is chosen by the Rebuilder once the content is read."""

    def __init__(self, settings, choose_writer):
        self._choose_writer = choose_writer
        super().__init__(settings)

    def _get_writer(self):
        return self._choose_writer(self)


# --- what each page shows of the content -----------------------------------------------

@dataclass(frozen=True)
class Entry:
    """One source file as the rest of the site sees it."""

    kind: str             # article, page, draft, hidden...
    save_as: str          # its own page
    shown: tuple          # how links to it show it: (url, title)
    listing: tuple        # what lists (home, category, tag, archive pages) show of it:
                          # title, summary, date, metadata, reading time, has a checklist
    neighbours: tuple     # what its own page shows of other articles: its place on the path
                          # and the source files of its previous, next and related articles
    taxonomy: frozenset   # the category, tag and author pages that list it


def _source(content):
    return os.path.abspath(content.source_path) if content is not None else None


def _save_as(wrapper, known):
    """A Category, Tag or Author page (URLWrapper.save_as formats its setting on every call)."""
    key = (type(wrapper).__name__, wrapper.slug)
    if key not in known:
        known[key] = os.path.normpath(wrapper.save_as) if wrapper.save_as else ""
    return known[key]


def describe(content, kind, known):
    metadata = tuple(sorted((key, repr(value)) for key, value in content.metadata.items()))
    listing = (
        str(content.title), str(getattr(content, "summary", "")), repr(getattr(content, "date", None)),
        metadata, getattr(content, "readtime", None), getattr(content, "has_checklist", None),
    )
    neighbours = (
        getattr(content, "path_position", None), getattr(content, "path_total", None),
        _source(getattr(content, "path_previous", None)), _source(getattr(content, "path_next", None)),
        tuple(_source(other) for other in getattr(content, "related", None) or ()),
    )
    wrappers = [getattr(content, "category", None), *(getattr(content, "tags", None) or []),
                *(getattr(content, "authors", None) or [])]
    taxonomy = frozenset(filter(None, (_save_as(wrapper, known) for wrapper in wrappers if wrapper is not None)))
    return Entry(kind, os.path.normpath(content.save_as or ""), (content.url or "", str(content.title)),
                 listing, neighbours, taxonomy)


def snapshot(generators):
    """What the build read: ({absolute source path: Entry}, the period archive pages)."""
    state, listings, known = {}, set(), {}
    for generator in generators:
        is_articles = hasattr(generator, "drafts")
        groups = {
            "article": getattr(generator, "articles", None) if is_articles else None,
            "translation": getattr(generator, "translations", None) if is_articles else None,
            "hidden": getattr(generator, "hidden_articles", None),
            "draft": getattr(generator, "drafts", None),
            "page": getattr(generator, "pages", None),
            "hidden page": getattr(generator, "hidden_pages", None),
            "draft page": getattr(generator, "draft_pages", None),
        }
        for kind, contents in groups.items():
            for content in contents or ():
                state[_source(content)] = describe(content, kind, known)
        for archives in (getattr(generator, "period_archives", None) or {}).values():
            listings.update(os.path.normpath(archive["save_as"]) for archive in archives)
    return state, listings


# --- the rebuilder ---------------------------------------------------------------------

class ProblemCounter(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record):
        self.count += 1


@dataclass
class Result:
    kind: str                 # "all" (every page), "content" (the affected pages), "failed"
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


def _plugin_of(receiver):
    module = getattr(receiver, "__module__", "") or ""
    parts = module.split(".")
    return parts[2] if module.startswith("pelican.plugins.") and len(parts) > 2 else parts[0]


def _all_signals():
    from blinker import Signal

    return [value for value in vars(signals).values() if isinstance(value, Signal)]


def _receivers(signal):
    """Every live receiver connected to a blinker signal."""
    for reference in list(signal.receivers.values()):
        receiver = reference() if isinstance(reference, weakref.ref) else reference
        if receiver is not None:
            yield receiver


def _under(path, folder):
    return folder is not None and (path == folder or path.startswith(folder.rstrip(os.sep) + os.sep))


class Rebuilder:
    """Builds the site once, then rebuilds what each change affects, in one process."""

    def __init__(self, settings_file, content, output, cache_dir=None, post_processing=True, on_rebuilt=None):
        self.settings_file = os.path.abspath(settings_file)
        self.content = os.path.abspath(content)
        self.output = os.path.abspath(output)
        self.cache_root = os.path.abspath(cache_dir or os.path.join(os.path.dirname(self.settings_file),
                                                                    "cache", "devserver"))
        self.post_processing = post_processing
        self.on_rebuilt = on_rebuilt
        self.pelican = None
        self.theme = None
        self.plugin_dirs = []
        self.lock = threading.RLock()
        self._state = None          # snapshot() of the last build that was written
        self._pending = set()       # changed paths not yet written successfully
        self._write_all_pending = False  # a theme change not yet written successfully
        self._loaded_plugins = False
        self._mode = "all"
        self._reason = ""
        self._generators = None
        self._problems = None
        self._selected = None
        self._deferred = []         # post-processing receivers, called after each build
        self._post_due = None
        self._post_thread = None
        self._closed = False
        self._running = False
        self._writer = None
        self._new_state = None
        signals.all_generators_finalized.connect(self._remember_generators, weak=False)
        signals.generator_init.connect(self._remember_context, weak=False)

    # -- building

    def build_all(self, reason="start"):
        """Read the settings and plugins afresh and write every page."""
        with self.lock:
            self._restore_receivers()
            if self.pelican is not None or self._loaded_plugins:
                self._forget_plugins()
            self.pelican, self._state = None, None
            start = time.perf_counter()
            try:
                self._load()
            except Exception as error:  # noqa: BLE001 - a mistake in the settings: fix it and save
                logger.error("The settings or a plugin could not be loaded: %s: %s", type(error).__name__, error)
                self.pelican = None
                return self._finish(Result("failed", time.perf_counter() - start, problems=1,
                                           reason=type(error).__name__))
            return self._run("all", reason)

    def _load(self):
        """Read the settings and load the plugins; the content cache is keyed by both."""
        self._loaded_plugins = True
        settings = read_settings(self.settings_file, override={
            "PATH": self.content, "OUTPUT_PATH": self.output, "DELETE_OUTPUT_DIRECTORY": False,
        })
        self.theme = os.path.abspath(settings["THEME"])
        self.plugin_dirs = [os.path.abspath(path) for path in settings.get("PLUGIN_PATHS") or []]
        settings.update({
            # The generator layer caches articles as plugins left them after reading, so
            # content_object_init plugins (article_toc...) do not run again for each one.
            "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CONTENT_CACHING_LAYER": "generator",
            "CACHE_PATH": self._cache_path(), "GZIP_CACHE": False,
            "PLUGINS": [name for name in settings.get("PLUGINS") or [] if name not in SKIPPED_PLUGINS],
            "JINJA_ENVIRONMENT": {**settings["JINJA_ENVIRONMENT"], "bytecode_cache": MemoryBytecodeCache()},
        })
        settings = DevSettings(settings)
        _CURRENT["settings"] = settings
        self.pelican = DevPelican(settings, self._choose_writer)
        self._defer_post_processing()

    def rebuild(self, changed, write_all=False):
        """Rebuild after these files changed; returns a Result, or None if nothing needed doing.

        `write_all` writes every page even for a content change (what Pelican's own
        `--autoreload` does; tools.bench compares the two).
        """
        changed = {os.path.abspath(path) for path in changed}
        with self.lock:
            if self.pelican is None or self.settings_file in changed or any(
                    _under(path, folder) for path in changed for folder in self.plugin_dirs):
                return self.build_all("settings or plugin changed")
            if write_all or self._write_all_pending or any(_under(path, self.theme) for path in changed):
                self._pending.clear()
                return self._run("all", "every page" if write_all else "theme changed")
            content = {path for path in changed if _under(path, self.content)}
            if not content:
                return None
            self._pending |= content
            return self._run("content", "content changed")

    def _run(self, mode, reason):
        _CURRENT["settings"] = self.pelican.settings
        self._mode, self._reason = mode, reason
        self._generators, self._selected = None, None
        _forget_memoized()
        self._problems = ProblemCounter()
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
                                       reason=f"{type(error).__name__}"))
        finally:
            self._running = False
            root.removeHandler(self._problems)
        seconds = time.perf_counter() - start
        writer = self._writer
        if self._selected == set() and self._problems.count:
            self._write_all_pending = self._write_all_pending or mode == "all"
            return self._finish(Result("failed", seconds, problems=self._problems.count, reason="an error"))
        self._state = self._new_state
        self._pending.clear()
        self._write_all_pending = False
        kind = "all" if writer.selected is None else "content"
        result = Result(kind, seconds, list(writer.written), self._problems.count, reason)
        if self.post_processing and self._deferred:
            self._schedule_post_processing()
        return self._finish(result)

    def _finish(self, result):
        if self.on_rebuilt:
            self.on_rebuilt(result)
        return result

    # -- choosing what to write (called by Pelican once every generator has read its content)

    def _remember_generators(self, generators):
        if self._running:
            self._generators = generators

    def _remember_context(self, generator):
        if self._running:
            _CURRENT["context"] = generator.context  # before the generator loads its cache

    def _choose_writer(self, pelican):
        self._new_state = snapshot(self._generators or [])
        selected = None if self._mode == "all" or self._state is None else self._affected(*self._new_state)
        if self._problems.count and self._state is not None:
            selected = set()  # keep the last good site rather than write one missing a page
        self._selected = selected
        self._writer = SelectiveWriter(pelican.output_path, settings=pelican.settings, selected=selected)
        return self._writer

    def _affected(self, entries, listings):
        """The outputs this change affects, or None for every page."""
        old_entries, old_listings = self._state
        if set(entries) != set(old_entries) or listings != old_listings:
            return None  # an article or page appeared or went away
        selected = set()
        reshown = set()
        for path, entry in entries.items():
            old = old_entries[path]
            if (entry.save_as, entry.shown[0]) != (old.save_as, old.shown[0]):
                return None  # links to it from other pages change
            if entry.shown != old.shown:
                reshown.add(path)
            if "page" in entry.kind:
                if entry.listing[:4] != old.listing[:4]:
                    return None  # a page's title may show in any page's navigation
            elif entry.listing != old.listing:
                selected |= entry.taxonomy | old.taxonomy | listings | self._listing_pages()
        for path, entry in entries.items():
            if (path in self._pending or entry.neighbours != old_entries[path].neighbours
                    or reshown.intersection(entry.neighbours[2:4]) or reshown.intersection(entry.neighbours[4])):
                selected.add(entry.save_as)
        template_pages = {
            os.path.abspath(os.path.join(self.content, source)): os.path.normpath(destination)
            for source, destination in (self.pelican.settings.get("TEMPLATE_PAGES") or {}).items()
        }
        selected |= {template_pages[path] for path in self._pending if path in template_pages}
        selected.discard("")
        return selected

    def _listing_pages(self):
        settings = self.pelican.settings
        pages = set()
        for template in settings.get("DIRECT_TEMPLATES") or []:
            save_as = settings.get(f"{template.upper()}_SAVE_AS", f"{template}.html")
            if save_as:
                pages.add(os.path.normpath(save_as))
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
                 if any(_under(os.path.abspath(getattr(module, "__file__", None) or ""), folder) for folder in folders)]
        modules = set(names)
        for signal in _all_signals():
            for receiver in list(_receivers(signal)):
                if getattr(receiver, "__module__", None) in modules:
                    signal.disconnect(receiver)
        for name in names:
            sys.modules.pop(name, None)

    def _defer_post_processing(self):
        """Take the post-processing plugins' `finalized` receivers out of the build."""
        receivers = [receiver for receiver in _receivers(signals.finalized)
                     if _plugin_of(receiver) in POST_PROCESSING_PLUGINS]
        for receiver in receivers:
            signals.finalized.disconnect(receiver)
        self._deferred = receivers

    def _restore_receivers(self):
        for receiver in self._deferred:
            signals.finalized.connect(receiver)
        self._deferred = []

    @property
    def post_processing_plugins(self):
        return sorted({_plugin_of(receiver) for receiver in self._deferred})

    def post_process(self):
        """Run the post-processing plugins over the written site; returns the seconds taken."""
        start = time.perf_counter()
        with self.lock:
            receivers, pelican = list(self._deferred), self.pelican
        for receiver in receivers:
            try:
                receiver(pelican)
            except Exception as error:  # noqa: BLE001
                logger.error("%s failed after the rebuild: %s", _plugin_of(receiver), error)
        return time.perf_counter() - start

    def _schedule_post_processing(self):
        self._post_due = time.monotonic() + POST_PROCESSING_DELAY
        if self._post_thread is None:
            self._post_thread = threading.Thread(target=self._post_processing_loop, name="post-processing",
                                                 daemon=True)
            self._post_thread.start()

    def _post_processing_loop(self):
        while not self._closed:
            due = self._post_due
            if due is None:
                time.sleep(0.2)
                continue
            if time.monotonic() < due:
                time.sleep(min(0.2, due - time.monotonic()))
                continue
            self._post_due = None
            seconds = self.post_process()
            names = ", ".join(sorted({_plugin_of(receiver) for receiver in self._deferred}))
            print(f"{time.strftime('%H:%M:%S')} Checked the written site ({names}) in {seconds:.2f} s.", flush=True)

    def close(self):
        self._closed = True
        with self.lock:
            self._restore_receivers()
            signals.all_generators_finalized.disconnect(self._remember_generators)
            signals.generator_init.disconnect(self._remember_context)

    # -- what to watch

    def watched(self):
        folders = [self.content, self.theme, *self.plugin_dirs]
        return [folder for folder in dict.fromkeys(folders) if folder and os.path.isdir(folder)]


# --- watching ------------------------------------------------------------------------------

def watch(rebuilder, stop):
    """Feed changed files to the rebuilder until `stop` is set (runs in a thread)."""
    from watchfiles import DefaultFilter, watch as watch_files

    settings_stamp = _stamp(rebuilder.settings_file)
    while not stop.is_set():
        folders = rebuilder.watched()
        for changes in watch_files(*folders, watch_filter=DefaultFilter(), debounce=1600, step=30,
                                   stop_event=stop, rust_timeout=500, yield_on_timeout=True, raise_interrupt=False):
            changed = {path for _, path in changes}
            stamp = _stamp(rebuilder.settings_file)
            if stamp != settings_stamp:
                settings_stamp = stamp
                changed.add(rebuilder.settings_file)
            if not changed:
                continue
            try:
                rebuilder.rebuild(changed)
            except Exception:  # noqa: BLE001 - keep serving; the author sees the traceback
                logger.exception("The rebuild failed")
            if rebuilder.watched() != folders:
                break  # the settings moved the theme or the plugins: watch the new folders


def _stamp(path):
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


# --- serving -------------------------------------------------------------------------------

RELOAD_SCRIPT = b'<script src="/livereload.js"></script>'


def make_app(output):
    """A tornado app serving `output` with pretty URLs, our 404 page and livereload."""
    from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler, StaticFileHandler
    from livereload.server import LiveScriptInjector
    from tornado import web

    class Watcher:  # LiveReloadHandler logs its watcher's last file
        filepath = None

    LiveReloadHandler.watcher = Watcher()
    LiveReloadHandler.live_css = True

    class Inject(LiveScriptInjector):
        script = RELOAD_SCRIPT

    class SiteHandler(StaticFileHandler):
        def write_error(self, status_code, **kwargs):
            page = os.path.join(output, "404.html")
            if status_code == 404 and os.path.isfile(page):
                self.set_header("Content-Type", "text/html; charset=UTF-8")
                with open(page, "rb") as handle:
                    self.finish(handle.read().replace(b"</head>", RELOAD_SCRIPT + b"</head>", 1))
            else:
                super().write_error(status_code, **kwargs)

    return web.Application(
        [
            (r"/livereload", LiveReloadHandler),
            (r"/livereload.js", LiveReloadJSHandler),
            (r"/(.*)", SiteHandler, {"path": output, "default_filename": "index.html"}),
        ],
        transforms=[Inject],
    )


def reload_browsers(result):
    from livereload.handlers import LiveReloadHandler

    if result.kind == "failed":
        return
    LiveReloadHandler.reload_waiters("*")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--content", default="content")
    parser.add_argument("--output", default="output")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--cache", help="content cache folder (default: cache/devserver next to the settings)")
    args = parser.parse_args(argv)

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-8s %(message)s"))
    init_logging(level=logging.WARNING, handler=handler)
    logging.getLogger("tornado.access").setLevel(logging.ERROR)

    import asyncio

    from tornado.httpserver import HTTPServer
    from tornado.ioloop import IOLoop
    from tornado.netutil import bind_sockets

    loop_holder = {}

    def announce(result):
        print(f"{time.strftime('%H:%M:%S')} {result.summary()}", flush=True)
        loop = loop_holder.get("loop")
        if loop is not None:
            loop.add_callback(reload_browsers, result)

    try:
        sockets = bind_sockets(args.port, address=args.bind)
    except OSError as error:
        print(f"Cannot serve on {args.bind}:{args.port} ({error.strerror}). Choose another port, "
              f"e.g. make devserver PORT={args.port + 1}", file=sys.stderr)
        return 1
    port = sockets[0].getsockname()[1]

    rebuilder = Rebuilder(args.settings, args.content, args.output, cache_dir=args.cache, on_rebuilt=announce)
    print("Building the whole site first...", flush=True)
    rebuilder.build_all()

    asyncio.set_event_loop(asyncio.new_event_loop())
    loop = IOLoop.current()
    HTTPServer(make_app(rebuilder.output)).add_sockets(sockets)
    loop_holder["loop"] = loop
    print(f"Serving on http://{args.bind}:{port}/ (Ctrl+C to stop). Watching "
          + ", ".join(os.path.relpath(folder) for folder in rebuilder.watched())
          + f" and {os.path.relpath(rebuilder.settings_file)}.", flush=True)

    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(rebuilder, stop), name="watch", daemon=True)
    watcher.start()
    try:
        loop.start()
    except KeyboardInterrupt:
        print("\nStopped.")
    finally:
        stop.set()
        rebuilder.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
