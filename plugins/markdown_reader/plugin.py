"""The site's one Markdown reader: one Markdown instance, file:line errors, TOC and checklist facts.

Pelican's own MarkdownReader builds a new Markdown instance, with all its
extensions, for every file, logs only "Could not process <file>" when one
fails, and loses the body's table-of-contents tokens when it converts the
summary with the same instance. This reader:

- builds the instance once and resets it between files (`Markdown.reset()`,
  as Python-Markdown intends); after a failed file it starts from a new one;
- names the file and line of a mistake: any exception with `line` and
  `message` (the blocks' AuthoringError), a bad header value (a date that is
  not a date), a file not saved as UTF-8;
- keeps, as metadata, the body's `toc_tokens` (read by plugins/article_toc),
  `has_checklist` (True when the checklist extension wrote a checklist into
  the body; read by the theme's lists) and `chrome_words` (the words of
  checklist controls, help lists and prompts, which the reading time leaves out)
  and `checklist_outline` (each checklist's id, title and ordinary items, for the
  "Bring this to your first session" page) and `body_words` (the body's words, for
  the reading time);
- takes, when there is one, the conversion a worker process or another language's run
  made of the same unchanged file (conversions.py: the same output, faster);
- in another language's run, leaves out the main language's files that run would only
  drop (untranslated.py: the same output, faster);
- wraps every other reader (reStructuredText, HTML) so a `/// block` written in
  such a file, or docutils' own complaint, is named with file and line.

Plugins that read these facts (article_toc, learning_path) check at start-up
that this one is in PLUGINS.
"""

import logging
import os
import re

from markdown import Markdown
from pelican import signals
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

from . import conversions, untranslated

logger = logging.getLogger(__name__)

NAME = "markdown_reader"
METADATA_HINTS = {
    "date": "Write the date as year-month-day, e.g. `Date: 2026-09-01`.",
    "modified": "Write the date as year-month-day, e.g. `Modified: 2026-11-20`.",
}
RE_TAG = re.compile(r"<[^>]+>")  # as learning_path counts words for other readers' files
RE_BLOCK_LINE = re.compile(r"^[ \t>]*/{3,}[ ]*([A-Za-z][\w-]*)\b")
RE_DOCUTILS_MESSAGE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): \((?:WARNING|ERROR|SEVERE)/\d\) (?P<what>.*)", re.S)


def is_authoring_error(error):
    return isinstance(getattr(error, "line", None), int) and hasattr(error, "message")


class SiteMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader with one reused instance, file:line errors and page facts."""

    # Tells the checklist plugin this reader names the file and line of a mistake itself.
    reports_owner_errors = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._reusable = None  # (Markdown instance, its Meta preprocessor, that one's priority)

    def read(self, source_path):
        where = os.path.relpath(source_path)
        try:
            return self._read(source_path)
        except UnicodeDecodeError as error:
            with open(source_path, "rb") as raw:
                line = raw.read()[:error.start].count(b"\n") + 1
            logger.error("%s:%s: this file is not saved as UTF-8 text (the byte %r cannot be read). "
                         "Open it in your editor and save it again with the UTF-8 encoding.",
                         where, line, error.object[error.start:error.start + 1])
            raise
        except Exception as error:  # noqa: BLE001 - named for the author, then re-raised
            if is_authoring_error(error):
                error.path = where
                logger.error("%s:%s: %s", where, error.line, error.message)
                raise
            field = self._bad_metadata(source_path)
            if field is None:
                raise
            line, key, value = field
            logger.error("%s:%s: `%s: %s` cannot be read (%s). %s", where, line, key, value, error,
                         METADATA_HINTS.get(key.lower(), "Check the value on that line."))
            raise

    def _bad_metadata(self, source_path):
        """The header line whose value Pelican cannot process: (line, key, value), or None."""
        with pelican_open(source_path) as text:
            lines = text.splitlines()
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                break
            key, colon, value = line.partition(":")
            if not colon or not key.strip() or " " in key.strip():
                continue
            try:
                self.process_metadata(key.strip().lower(), value.strip())
            except Exception:  # noqa: BLE001 - this is the line we are looking for
                return number, key.strip(), value.strip()
        return None

    def _read(self, source_path):
        """MarkdownReader.read, with a reused Markdown instance, and the conversion a worker or
        another language's run made of this file when there is one (see conversions.py)."""
        self._source_path = source_path
        converted = conversions.take(source_path, self.settings)
        if converted is None:
            converted = self.convert(source_path)
            conversions.keep(source_path, converted, self.settings)
        try:
            self._md = self._markdown()  # Pelican's _parse_metadata takes its meta preprocessor out
            metadata = self._parse_metadata(converted) if converted.meta is not None else {}
        except BaseException:
            self._reusable = None
            raise
        metadata.update(converted.facts)
        return converted.content, metadata

    def _parse_metadata(self, converted):
        """Pelican's MarkdownReader._parse_metadata (a private method), given the fields it would
        convert with Markdown (FORMATTED_FIELDS: the summary) already converted by `convert`, in a
        worker process when there was one. Keys keep the header's order, as in Pelican's."""
        formatted = {name: value for name, value in converted.meta.items() if name.lower() in converted.formatted}
        plain = super()._parse_metadata({name: value for name, value in converted.meta.items()
                                         if name not in formatted})
        metadata = {}
        for name in converted.meta:
            key = name.lower()
            if name in formatted:
                metadata[key] = self.process_metadata(key, converted.formatted[key])
            elif key in plain:
                metadata[key] = plain[key]
        return metadata

    def convert(self, source_path):
        """The body's HTML, the header as read, and the facts the site's plugins read."""
        stamp = conversions.stamp_of(source_path)
        self._source_path = source_path
        self._md = self._markdown()
        try:
            with pelican_open(source_path) as text:
                content = self._md.convert(text)
            has_checklist = bool(getattr(self._md, "checklists", None))
            facts = {
                "toc_tokens": getattr(self._md, "toc_tokens", []),
                "has_checklist": has_checklist,
                "chrome_words": getattr(self._md, "checklist_chrome_words", 0) if has_checklist else 0,
                "checklist_outline": getattr(self._md, "checklist_outline", []) if has_checklist else [],
                # Counted here, where a worker can: the reading time of every listed article would
                # otherwise need its whole body (links resolved) on every list page.
                "body_words": len(RE_TAG.sub(" ", content).split()),
            }
            meta = dict(self._md.Meta) if hasattr(self._md, "Meta") else None
            formatted = {}
            if meta:
                # As Pelican's _parse_metadata does: the same instance, reset, without the meta
                # preprocessor, so a summary is never read as a header.
                self._md.preprocessors.deregister("meta")
                for name, value in meta.items():
                    if name.lower() in self.settings["FORMATTED_FIELDS"]:
                        self._md.reset()
                        formatted[name.lower()] = self._md.convert("\n".join(value))
        except BaseException:
            self._reusable = None
            raise
        return conversions.Converted(stamp, content, meta, formatted, facts)

    def _markdown(self):
        if self._reusable is None:
            md = Markdown(**self.settings["MARKDOWN"])
            priority = next((item.priority for item in md.preprocessors._priority if item.name == "meta"), None)
            if priority is not None:
                self._reusable = (md, md.preprocessors["meta"], priority)
            return md
        md, meta, priority = self._reusable
        md.reset()
        # MarkdownReader._parse_metadata removes Meta before converting the summary.
        if "meta" not in md.preprocessors:
            md.preprocessors.register(meta, "meta", priority)
        return md


def without_markdown_blocks(reader_class):
    """`reader_class` (reStructuredText, HTML), naming a `/// block` it cannot read, and
    docutils' own complaints with their file and line (Pelican only logs "Could not process")."""

    class Reader(reader_class):
        def read(self, source_path):
            where = os.path.relpath(source_path)
            with open(source_path, encoding="utf-8", errors="replace") as source:
                for number, line in enumerate(source, start=1):
                    if found := RE_BLOCK_LINE.match(line):
                        message = (f"a `{found.group(1).lower()}` block only works in a Markdown file, and this "
                                   f"one is {os.path.splitext(source_path)[1]}, so readers would see it as plain "
                                   "text. Write the page in Markdown (a `.md` file) to use it.")
                        logger.error("%s:%s: %s", where, number, message)
                        raise ValueError(f"{where}:{number}: {message}")
            try:
                return super().read(source_path)
            except Exception as error:
                if found := RE_DOCUTILS_MESSAGE.match(str(error)):
                    logger.error("%s:%s: reStructuredText cannot read this line: %s", where, found.group("line"),
                                 " ".join(found.group("what").split()))
                raise

    Reader.__name__ = Reader.__qualname__ = reader_class.__name__
    return Reader


def use_site_readers(readers):
    for extension, reader_class in list(readers.reader_classes.items()):
        if extension in MarkdownReader.file_extensions:
            readers.reader_classes[extension] = SiteMarkdownReader
        else:
            readers.reader_classes[extension] = without_markdown_blocks(reader_class)


def require(pelican, plugin):
    """For plugins that read this reader's facts: say so if it is missing from PLUGINS."""
    names = [str(getattr(entry, "__name__", entry)).rsplit(".", 1)[-1] for entry in pelican.settings.get("PLUGINS") or []]
    if NAME not in names:
        logger.error("%s needs the `%s` plugin, which gives it what the Markdown files hold: add "
                     "\"%s\" to PLUGINS in your settings file.", plugin, NAME, NAME)


def prepare_conversions(generator):
    conversions.prepare(generator, lambda: SiteMarkdownReader(generator.settings),
                        MarkdownReader.file_extensions)


def register():
    signals.readers_init.connect(use_site_readers)
    signals.initialized.connect(conversions.start_of_run)
    signals.initialized.connect(untranslated.forget)
    signals.all_generators_finalized.connect(untranslated.remember_main_run)
    signals.article_generator_init.connect(untranslated.leave_out_untranslated)
    signals.page_generator_init.connect(untranslated.leave_out_untranslated)
    signals.article_generator_preread.connect(prepare_conversions)
    signals.page_generator_preread.connect(prepare_conversions)
    signals.article_generator_finalized.connect(conversions.finish)
    signals.page_generator_finalized.connect(conversions.finish)
