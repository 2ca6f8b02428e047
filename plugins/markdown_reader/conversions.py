"""Convert a build's Markdown files on every CPU, and each file once for all its languages.

Converting Markdown is most of a build's time, and it is pure per file. Two savings, neither
of which changes a byte of the output (tests/build/test_parallel_build.py compares builds):

1. Every CPU converts. When a generator is about to read its first file, its Markdown files
   are handed to `BUILD_PROCESSES` worker processes (forked, so each has the run's settings
   and plugins), each with its own reader, which convert them a few at a time in the order
   Pelican reads them. The build does only Pelican's own work on each file (metadata, content
   objects, the plugins' signals) as its conversion comes back, so it keeps up with the workers
   and the CPUs share all the work to the end (with the build converting files itself, from
   one end, the workers sat idle while it did its part for theirs). A file whose conversion
   raised or logged anything (a warning, an author's mistake) is converted again by the build,
   so every message is logged, counted and named with file:line exactly as in a sequential
   build. Small sites (fewer than PARALLEL_MIN_FILES files) are read as before.
2. One conversion for all languages. i18n_subsites builds each language's site in the same
   process, and every run reads every file before it drops the other languages' ones. A file's
   conversion from the run of its own language is kept for the build and reused by the other
   runs; only its header is processed again, with that run's settings (tag and category URLs).
   The other runs never show that body: they drop the file, or link to it as a translation.
"""

import copy
import logging
import os
import weakref
from dataclasses import dataclass, field

from build_processes import processes, run_quietly, worker_pool
from pelican.readers import default_metadata, parse_path_metadata, path_metadata

logger = logging.getLogger(__name__)

# Below this many files, starting workers costs more than it saves.
PARALLEL_MIN_FILES = 24
# Files a worker takes at a time: small, so the first results come back soon and the last
# ones leave little for the build to wait for.
CHUNK = 4


@dataclass
class Converted:
    """One file's conversion: what the reader needs to finish reading it."""
    stamp: tuple          # (mtime in ns, size) of the file that was converted
    content: str          # the body's HTML
    meta: dict            # the header as Markdown's meta extension read it, or None
    formatted: dict = field(default_factory=dict)  # FORMATTED_FIELDS (Summary) converted to HTML
    facts: dict = field(default_factory=dict)      # toc_tokens, has_checklist, ... (see plugin.py)


def stamp_of(path):
    status = os.stat(path)
    return status.st_mtime_ns, status.st_size


class Batch:
    """One generator's Markdown files, converted by the workers in the order the build reads
    them; `take` hands each conversion over as the build reaches its file."""

    def __init__(self, pool, paths):
        self.pool, self.ready = pool, {}
        self.wanted = set(paths)
        self.total, self.by_workers = len(paths), 0
        # Chunks made here, small, so the first conversions come back soon.
        chunks = [paths[start:start + CHUNK] for start in range(0, len(paths), CHUNK)]
        self.results = pool.imap(_convert_in_worker, chunks)

    def take(self, path):
        """The workers' conversion of `path`, or None: the build converts it itself."""
        if path not in self.wanted:
            return None
        while path not in self.ready and self.results is not None:
            self._collect_next()
        self.wanted.discard(path)
        converted = self.ready.pop(path, None)
        self.by_workers += converted is not None
        if not self.wanted:
            self.close()
        return converted

    def _collect_next(self):
        """Wait for the workers' next few conversions and keep them."""
        try:
            chunk = self.results.next()
        except StopIteration:
            self.results = None
            return
        except Exception as error:  # noqa: BLE001 - a worker died: the build converts the rest
            logger.debug("markdown_reader: worker failed (%s); converting in this process", error)
            self.close()
            return
        for done, converted in chunk:
            if converted is not None and done in self.wanted:
                self.ready[done] = converted

    def close(self):
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            logger.debug("markdown_reader: %d of %d files converted by workers (the build redoes any "
                         "that raised or logged)",
                         self.by_workers, self.total)
        self.pool = self.results = None
        self.wanted.clear()
        self.ready.clear()


# This run's batches, and the build's conversions kept for the other languages' runs.
_batches = []
_for_other_languages = {}  # path -> Converted, from the run of the file's own language
_prepared_generators = weakref.WeakSet()


def is_other_language_run(settings):
    """An i18n_subsites run of a language other than the main one (it runs inside the main run)."""
    return settings.get("DEFAULT_LANG") in (settings.get("I18N_SUBSITES") or {})


def start_of_run(pelican):
    """`initialized`: a run of the main language starts a new build; forget the last one's."""
    finish()
    if not is_other_language_run(pelican.settings):
        _for_other_languages.clear()


def finish(*_):
    """When a generator has read its files (or a run starts): stop any workers left."""
    while _batches:
        _batches.pop().close()


def file_language(settings, base_path, path, meta):
    """The language Pelican will give the file: its `Lang:` line, else its path, else the defaults."""
    if meta and meta.get("lang"):
        return meta["lang"][0].strip()
    source_path = os.path.relpath(path, base_path).replace(os.sep, "/")
    for found in (parse_path_metadata(source_path, settings), path_metadata(path, source_path, settings),
                  default_metadata(settings)):
        if found.get("lang"):
            return found["lang"]
    return settings.get("DEFAULT_LANG")


def take(path, settings):
    """A conversion of `path` made earlier in this build, if the file has not changed since."""
    path = os.path.abspath(path)
    for batch in _batches:
        converted = batch.take(path)
        if converted is not None:
            if converted.stamp == stamp_of(path):
                keep(path, converted, settings)
                return converted
            return None
    kept = kept_conversion(path)
    if kept is None:
        return None
    # Shared with the run that made it: the lists it holds are copied, not handed over.
    return Converted(kept.stamp, kept.content, kept.meta, kept.formatted, copy.deepcopy(kept.facts))


def kept_conversion(path):
    """The conversion kept from the run of the file's own language, if the file is unchanged since."""
    kept = _for_other_languages.get(os.path.abspath(path))
    return kept if kept is not None and kept.stamp == stamp_of(path) else None


def keep(path, converted, settings):
    """Keep a conversion made in the run of the file's own language, for the other runs."""
    path = os.path.abspath(path)
    if file_language(settings, settings["PATH"], path, converted.meta) == settings.get("DEFAULT_LANG"):
        _for_other_languages[path] = converted


# In a worker: the reader that converts.
_worker = {}


def _start_worker():
    _worker["reader"] = _worker["make_reader"]()


def _convert_in_worker(paths):
    return [(path, run_quietly(_worker["reader"].convert, path)) for path in paths]


def prepare(generator, make_reader, extensions):
    """`*_generator_preread`: on a generator's first file, hand all its Markdown files to workers."""
    if generator in _prepared_generators:
        return
    _prepared_generators.add(generator)
    settings = generator.settings
    count = processes(settings)
    if count < 2:
        return
    paths_key, excludes_key = (("ARTICLE_PATHS", "ARTICLE_EXCLUDES") if hasattr(generator, "articles")
                               else ("PAGE_PATHS", "PAGE_EXCLUDES"))
    files = []
    # The same call, so the same order, as the generator's own loop over its files.
    for name in generator.get_files(settings[paths_key], exclude=settings[excludes_key], extensions=extensions):
        path = os.path.abspath(os.path.join(generator.path, name))
        # Files Pelican's cache already holds are not read at all; other languages' files are kept.
        if generator.get_cached_data(name, None) is not None or path in _for_other_languages:
            continue
        if generator.readers.get_cached_data(path, (None, None))[0] is not None:
            continue
        files.append(path)
    if len(files) < PARALLEL_MIN_FILES:
        return
    _worker.update(make_reader=make_reader)  # inherited by the forked workers
    _batches.append(Batch(worker_pool(count, initializer=_start_worker), files))
    logger.debug("markdown_reader: %d files handed to %d workers", len(files), count)
