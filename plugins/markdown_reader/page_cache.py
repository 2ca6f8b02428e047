"""Pages not rendered again when nothing they show has changed (`make html` after an edit).

Pelican renders every page on every run, even with its content cache warm: after one article
is edited, a 1,000-article site renders again 1,000 article pages it already has. This writer,
Pelican's own chosen through the public `get_writer` signal, leaves an article's or page's own
page as it is when

- the file is still the one this cache saw written (same size, modification time and inode), and
- the page's key is the same. The key holds the template's name and every file of the theme,
  the page's address and URL settings, the page's own content (its HTML as read, every metadata
  value), and what it can show of every other content: each one's address, title, metadata
  (its summary; without one, the body Pelican cuts one from) and translations (the reading time,
  as the `minutes_to_read` filter gives it, in place of the word counts a change of wording
  moves), and every other value of the context but the settings.
  The template environment's globals are in it too (the bundles' fingerprinted addresses,
  ASSET_URLS, change with any stylesheet or script). The settings, the plugins' code, the
  catalogs and the installed packages are in it by where it is kept: the content cache's folder
  for that fingerprint (see cache.py).

Lists (home, categories, tags, archives), feeds and everything else are always rendered. A page
left as it is still sends `content_written`, with the file on disk, as a write does. A value
the key cannot name (an object without a readable `repr`) only makes the page render again.
`PAGE_CACHE = False` turns it off: publishconf.py does (a published site is rendered whole), as
do the devserver (its own writer) and any run without the content cache.
"""

import datetime
import hashlib
import json
import logging
import os
import pickle
from pathlib import Path

from markupsafe import Markup
from pelican import signals
from pelican.contents import Content, Static
from pelican.urlwrappers import URLWrapper
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import Writer

from .cache import managed

logger = logging.getLogger(__name__)

STORE_NAME = "PageCache"
# Page facts a change of wording moves, which other pages show only as the reading time.
WORD_COUNTS = ("body_words", "chrome_words")
# Context values that change from page to page as the writer goes.
PER_PAGE = ("localsiteurl",)

_stores = {}  # id(settings) -> the run's PageStore


def enabled(settings):
    return bool(settings.get("PAGE_CACHE", True) and managed(settings) and settings.get("LOAD_CONTENT_CACHE"))


def file_state(path):
    try:
        state = os.stat(path)
    except OSError:
        return None
    return state.st_size, state.st_mtime_ns, state.st_ino


def theme_digest(settings):
    """Every file of the theme (templates, inline illustrations, static files) and of the
    template overrides, by content."""
    digest = hashlib.sha256()
    folders = [settings.get("THEME"), *(settings.get("THEME_TEMPLATES_OVERRIDES") or [])]
    for folder in folders:
        if not folder or not os.path.isdir(folder):
            continue
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(folder)).encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.digest()


def own_html(content):
    """A content's HTML as read, before its links are resolved: Pelican gives plugins no public
    name for it (getpelican/pelican#3329); the `content` property would resolve the links for
    the address of whichever page is being written, and keep that."""
    return getattr(content, "_content", None) or ""


class Facts:
    """A stable text for what a value shows, with each content named by its shown facts."""

    def __init__(self, settings):
        self.settings = settings
        # Each content met, by a short name (contents appear in many lists): its shown facts.
        self.contents = {}
        self.minutes = (settings.get("JINJA_FILTERS") or {}).get("minutes_to_read")

    def of(self, value):
        if isinstance(value, (dict, list, tuple)) and not (value and all(isinstance(item, Static) for item in value)):
            try:  # the usual case, metadata and lists: the json module's C code does the walk
                return json.dumps(value, sort_keys=True, ensure_ascii=False, default=self.of_object)
            except (TypeError, ValueError):  # keys json cannot sort or name: the walk below
                pass
        return self.of_object(value)

    def of_object(self, value):
        """What `of` says of a value json cannot write (json writes dicts, lists and tuples itself)."""
        if isinstance(value, Content):
            name = f"<{type(value).__name__} {value.source_path}>"
            if name not in self.contents:
                self.contents[name] = ""  # a content met again inside its own facts
                self.contents[name] = self.content(value)
            return name
        if isinstance(value, URLWrapper):
            return f"<{type(value).__name__} {value.name} {value.url}>"
        if isinstance(value, (str, Markup)):
            return repr(str(value))
        if isinstance(value, (int, float, bool, type(None), datetime.date, datetime.datetime)):
            return repr(value)
        if isinstance(value, dict):
            return "{" + ",".join(f"{self.of(key)}:{self.of(item)}" for key, item in
                                  sorted(value.items(), key=lambda pair: repr(pair[0]))) + "}"
        if isinstance(value, (list, tuple)):
            items = [self.of(item) for item in value]
            if items and all(isinstance(item, Static) for item in value):
                items.sort()  # Pelican lists static files in the order the folders gave them
            return "[" + ",".join(items) + "]"
        if isinstance(value, (set, frozenset)):
            return "{" + ",".join(sorted(self.of(item) for item in value)) + "}"
        if callable(value) and hasattr(value, "__qualname__"):
            return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
        return repr(value)  # an object's address: never the same twice, so never a stale page

    def content(self, item):
        metadata = dict(item.metadata)
        if self.minutes and any(name in metadata for name in WORD_COUNTS):
            for name in WORD_COUNTS:
                metadata.pop(name, None)
            metadata["minutes to read"] = self.minutes(item)
        if "summary" not in metadata:  # Pelican cuts one from the body: any change of it counts
            metadata["summary from the body"] = hashlib.sha256(own_html(item).encode()).hexdigest()
        # repr, in C, for the metadata as the reader gave it (strings, dates, numbers, the page
        # facts' lists and dicts, tags and categories by name); an object repr names by its address
        # only makes the page render again.
        return self.of([type(item).__name__, item.source_path, item.url, item.save_as, item.lang,
                        getattr(item, "status", None), getattr(item, "title", None), repr(metadata),
                        [(t.lang, t.url, t.source_path) for t in getattr(item, "translations", [])]])


class PageStore:
    """{output name: (key, file state)} of the pages this cache saw written, in CACHE_PATH."""

    def __init__(self, settings):
        self.path = os.path.join(settings["CACHE_PATH"], STORE_NAME)
        self.old = {}
        try:
            with open(self.path, "rb") as stored:
                self.old = pickle.load(stored)
        except FileNotFoundError:
            pass
        except Exception as error:  # noqa: BLE001 - a cut-off or old file: render every page
            logger.debug("page cache: not read (%s); every page is rendered", error)
        self.new = {}

    def save(self):
        try:
            with open(self.path, "wb") as stored:
                pickle.dump(self.new, stored, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError as error:
            logger.debug("page cache: not kept (%s)", error)


class PageCacheWriter(Writer):
    """Pelican's writer; an article's or page's own page is rendered only when its key or its
    file changed."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.store = _stores[id(settings)] = PageStore(settings)
        self.shared = None  # (id of the context, the digest of what every page may show)

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        content = kwargs.get("article") or kwargs.get("page")
        if not name or not isinstance(content, Content) or paginated or override_output:
            return super().write_file(name, template, context, relative_urls, paginated, template_name,
                                      override_output, url, **kwargs)
        key = self.key(name, template, context, relative_urls, url, kwargs, content)
        path = sanitised_join(self.output_path, name)
        kept = self.store.old.get(name)
        if kept and kept[0] == key and kept[1] == file_state(path):
            self.store.new[name] = kept
            signals.content_written.send(path, context=self.local_context(context, name, kwargs, relative_urls))
            return None
        result = super().write_file(name, template, context, relative_urls, paginated, template_name,
                                    override_output, url, **kwargs)
        self.store.new[name] = (key, file_state(path))
        return result

    def key(self, name, template, context, relative_urls, url, kwargs, content):
        if not self.shared or self.shared[0] != id(context):
            self.facts = Facts(self.settings)
            self.shared = (id(context), self.shared_digest(context, self.facts))
        facts = self.facts
        digest = hashlib.sha256(self.shared[1])
        digest.update(facts.of([template.name, name, relative_urls, url, template.environment.globals,
                                {key: value for key, value in kwargs.items() if key not in ("article", "page")},
                                facts.contents[facts.of(content)]]).encode())
        digest.update(own_html(content).encode())
        return digest.hexdigest()

    def shared_digest(self, context, facts):
        """What any page may show besides its own content: every context value but the settings
        (in the cache folder's fingerprint), with each content named by its shown facts."""
        digest = hashlib.sha256(theme_digest(self.settings))
        for name in sorted(context):
            if name in PER_PAGE:
                continue
            if name in self.settings:
                continue  # a setting (plugins' filters, bundles' names...): in the folder's fingerprint
            digest.update(f"{name}={facts.of(context[name])}\n".encode())
        for name in sorted(facts.contents):
            digest.update(f"{name}={facts.contents[name]}\n".encode())
        return digest.digest()

    @staticmethod
    def local_context(context, name, kwargs, relative_urls):
        """The context Pelican's writer sends with `content_written` (as writers.write_file makes it)."""
        local = context.copy()
        local["localsiteurl"] = local.get("localsiteurl")
        if relative_urls:
            local["SITEURL"] = local["localsiteurl"] = path_to_url(get_relative_path(name))
        local["output_file"] = name
        local.update(kwargs)
        return local


def choose_writer(pelican):
    """`get_writer`: this writer, when the content cache is on and PAGE_CACHE is not off."""
    return PageCacheWriter if enabled(pelican.settings) else None


def save(pelican):
    """`finalized` (before the content cache's folder is copied back): keep what was written."""
    store = _stores.pop(id(pelican.settings), None)
    if store is not None:
        store.save()
