"""Render a large site's pages in worker processes; write the same bytes Pelican's writer would.

Pelican renders each page's template and writes it, one after another, on one CPU. On a site
of at least PARALLEL_MIN_CONTENT articles and pages (and BUILD_PROCESSES above 1), this
plugin gives Pelican a writer (`get_writer`) that lets Pelican do everything as usual, page by
page: pagination, the checks against writing a file twice, `content_written` for the sitemap
and the privacy linter. Only the template's render is kept for later. A last generator
(`get_generators`; Pelican runs its static files after it) then renders the kept pages in
forked workers, each writing its share and running the checks of plugins/rendered_pages.py
(the privacy linter's scan) on the string it wrote. A page whose render raised or logged anything is
rendered again here, so the message, or the traceback, is the one a sequential build gives.
tests/build/test_parallel_build.py compares both builds byte for byte.
"""

import logging
import os

import rendered_pages
from build_processes import processes, run_quietly, worker_pool
from pelican import signals
from pelican.contents import Content
from pelican.generators import Generator
from pelican.writers import Writer

logger = logging.getLogger(__name__)

# Fewer articles and pages than this, and starting workers costs more than it saves.
PARALLEL_MIN_CONTENT = 40
CHUNK = 8


_MISSING = object()


class _KeptRender:
    """Stands in for a template: remembers what to render, and renders nothing yet."""

    def __init__(self, template, context, writer):
        self.template, self.context, self.writer = template, context, writer

    def render(self, localcontext):
        # Pelican's _write_file has just set the shared context's `localsiteurl` for this page.
        self.writer.kept.append([self.template, self.writer.page_context(localcontext, self.context),
                                 self.context, self.context.get("localsiteurl"), None])
        return ""


class _PageContext:
    """A page's template context, kept as what it adds to or changes in the run's context.

    Pelican hands each page a copy of the whole context (every setting, every article list:
    some 200 keys); a thousand such copies held until the render cost about 10 MB. `as_dict`
    gives back a dict with the same keys, in the same order, holding the same objects.
    """

    __slots__ = ("shared", "own")

    def __init__(self, shared, own):
        self.shared, self.own = shared, own

    def as_dict(self):
        return {**self.shared, **self.own} if self.shared is not None else self.own


class ParallelWriter(Writer):
    """Pelican's Writer, with each page's render kept for `render_kept`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept = []
        self._shared = None  # the copy of the run's context that page_context shares

    def page_context(self, localcontext, context):
        """`localcontext` as a _PageContext: a copy of the run's context, shared by the pages,
        and this page's keys whose values are not that copy's (the same objects, as Pelican's
        own copy holds)."""
        for fresh in (False, True):
            if fresh or self._shared is None:
                self._shared = dict(context)
            shared = self._shared
            own = {key: value for key, value in localcontext.items() if shared.get(key, _MISSING) is not value}
            if len(localcontext) == len(shared) + sum(1 for key in own if key not in shared) and len(own) <= 32:
                return _PageContext(shared, own)
        return _PageContext(None, localcontext)  # a key of the context is missing from this page's

    def write_file(self, name, template, context, *args, **kwargs):
        return super().write_file(name, _KeptRender(template, context, self), context, *args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        handle = super()._open_w(filename, encoding, override=override)
        if self.kept and self.kept[-1][4] is None:
            # Where Pelican writes this page: os.devnull when it skips an overridden file.
            self.kept[-1][4] = handle.name
        return handle

    def render_kept(self):
        pages = [page for page in self.kept if page[4] and page[4] != os.devnull]
        # A file written twice keeps its last version, as when Pelican overwrites it.
        last = {page[4]: index for index, page in enumerate(pages)}
        pages = [page for index, page in enumerate(pages) if last[page[4]] == index]
        self.kept = []
        count = min(processes(self.settings), max(1, len(pages) // CHUNK))
        failed = list(range(len(pages)))
        if count >= 2:
            _worker["pages"], _worker["settings"] = pages, self.settings
            with worker_pool(count) as pool:
                failed = []
                for index, done in enumerate(pool.imap(_render_in_worker, range(len(pages)), CHUNK)):
                    if done is None:
                        failed.append(index)
                    else:
                        rendered_pages.receive(*done)
            _worker.clear()
        for index in failed:  # in this process: its messages are logged and counted here
            rendered_pages.receive(*_render(pages[index], self.settings))
        logger.debug("parallel_writer: %d pages, %d rendered by %d workers", len(pages), len(pages) - len(failed),
                     count if count >= 2 else 0)


def _render(page, settings):
    """Render and write one kept page; (its path, the rendered-page checks' results)."""
    template, page_context, context, localsiteurl, path = page
    if localsiteurl:
        context["localsiteurl"] = localsiteurl
    output = template.render(page_context.as_dict())
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(output)
    return path, rendered_pages.scan(settings, path, output)


_worker = {}  # in a worker: the kept pages and the run's settings, inherited from the build


def _render_in_worker(index):
    try:
        return run_quietly(_render, _worker["pages"][index], _worker["settings"])
    finally:
        # Pelican memoizes every article's content and summary for good (pelican.utils.memoized,
        # one cache per method, exposed as `.cache`). A worker renders each page once, so what
        # one page memoized is seldom read again; kept, it grew each worker by about 14 MB at
        # 1,000 articles. Within a page the cache still works.
        Content.get_content.cache.clear()
        Content.get_summary.cache.clear()



class RenderKeptPages(Generator):
    """The last generator before Pelican's static files: renders what the writer kept."""

    def generate_context(self):
        pass

    def generate_output(self, writer):
        if isinstance(writer, ParallelWriter):
            writer.render_kept()


def render_kept_pages(pelican):
    return RenderKeptPages


# Articles and pages read by each run (keyed by its settings), for `choose_writer`.
_content_counts = {}


def count_content(generators):
    """`all_generators_finalized`: how many articles and pages this run will write."""
    if generators:
        _content_counts[id(generators[0].settings)] = sum(
            len(getattr(generator, name, None) or []) for generator in generators for name in ("articles", "pages"))


def choose_writer(pelican):
    """`get_writer`: this writer for a large site with workers to spare, else Pelican's."""
    count = _content_counts.pop(id(pelican.settings), 0)
    return ParallelWriter if processes(pelican.settings) >= 2 and count >= PARALLEL_MIN_CONTENT else None


def register():
    signals.get_writer.connect(choose_writer)
    signals.get_generators.connect(render_kept_pages)
    signals.all_generators_finalized.connect(count_content)
