"""Pelican glue: settings, the Markdown extension, and file names in error messages."""

import logging
import os
import re

from markdown import Markdown
from pelican import signals
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

from .errors import AuthoringError
from .settings import checked_settings, extension_config

logger = logging.getLogger(__name__)

EXTENSION = "reflection_checklists.checklist"

METADATA_HINTS = {
    "date": "Write the date as year-month-day, e.g. `Date: 2026-09-01`.",
    "modified": "Write the date as year-month-day, e.g. `Modified: 2026-11-20`.",
}


class ChecklistMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, naming the file in a checklist mistake.

    Pelican logs only "Could not process <file>" for a failing article, so the
    author would never see which line to fix or what to write instead.

    Pelican's own reader also builds a new Markdown instance, with all its
    extensions, for every file. This one builds it once and resets it between
    files (`Markdown.reset()`, as Python-Markdown intends): the same HTML, less
    work on a large site. After a failed file it starts again from a new one.

    It also keeps the body's `toc_tokens` (from Markdown's toc extension) as
    metadata, which Pelican's reader loses when it converts the summary with
    the same instance; plugins/article_toc builds "On this page" from them.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._reusable = None  # (Markdown instance, its Meta preprocessor, that one's priority)

    def read(self, source_path):
        try:
            return self._read(source_path)
        except AuthoringError as error:
            error.path = os.path.relpath(source_path)
            logger.error("%s", error)
            raise
        except UnicodeDecodeError as error:
            # Pelican would only say "Could not process"; say where and what to do.
            with open(source_path, "rb") as raw:
                line = raw.read()[:error.start].count(b"\n") + 1
            logger.error("%s:%s: this file is not saved as UTF-8 text (the byte %r cannot be read). "
                         "Open it in your editor and save it again with the UTF-8 encoding.",
                         os.path.relpath(source_path), line, error.object[error.start:error.start + 1])
            raise
        except Exception as error:  # noqa: BLE001 - named for the author, then re-raised
            field = self._bad_metadata(source_path)
            if field is None:
                raise
            line, key, value = field
            logger.error("%s:%s: `%s: %s` cannot be read (%s). %s",
                         os.path.relpath(source_path), line, key, value, error,
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
        """MarkdownReader.read, with a reused Markdown instance."""
        self._source_path = source_path
        self._md = self._markdown()
        try:
            with pelican_open(source_path) as text:
                content = self._md.convert(text)
            toc_tokens = getattr(self._md, "toc_tokens", [])
            metadata = self._parse_metadata(self._md.Meta) if hasattr(self._md, "Meta") else {}
        except BaseException:
            self._reusable = None
            raise
        metadata["toc_tokens"] = toc_tokens
        return content, metadata

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


def configure(pelican):
    values = checked_settings(pelican.settings)
    pelican.settings.update(values)
    markdown = dict(pelican.settings.get("MARKDOWN") or {})
    configs = dict(markdown.get("extension_configs") or {})
    configs[EXTENSION] = {**configs.get(EXTENSION, {}), **extension_config(values)}
    markdown["extension_configs"] = configs
    pelican.settings["MARKDOWN"] = markdown


def use_checklist_reader(readers):
    for extension, reader_class in list(readers.reader_classes.items()):
        if extension in MarkdownReader.file_extensions:
            readers.reader_classes[extension] = ChecklistMarkdownReader
        else:
            readers.reader_classes[extension] = without_markdown_blocks(reader_class)


RE_BLOCK_LINE = re.compile(r"^[ \t>]*/{3,}[ ]*(checklist|reflection|consultation)\b", re.I)
RE_DOCUTILS_MESSAGE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): \((?:WARNING|ERROR|SEVERE)/\d\) (?P<what>.*)", re.S)


def without_markdown_blocks(reader_class):
    """`reader_class` (reStructuredText, HTML), naming a checklist block it cannot read.

    Checklists are a Markdown feature: in another kind of file they would be
    plain text, or stop docutils with a message about a bullet list. Pelican
    itself would only log "Could not process"; the author hears file, line and
    what to do instead, and docutils' own complaints keep their file and line.
    """

    class Reader(reader_class):
        def read(self, source_path):
            where = os.path.relpath(source_path)
            with open(source_path, encoding="utf-8", errors="replace") as source:
                for number, line in enumerate(source, start=1):
                    if found := RE_BLOCK_LINE.match(line):
                        message = (f"{where}:{number}: a `{found.group(1).lower()}` block only works in a "
                                   f"Markdown file, and this one is {os.path.splitext(source_path)[1]}, so "
                                   "readers would see it as plain text. Write the page in Markdown (a `.md` "
                                   "file) to use it.")
                        logger.error("%s", message)
                        raise AuthoringError(number, message[len(where) + len(str(number)) + 3:], where)
            try:
                return super().read(source_path)
            except Exception as error:
                if found := RE_DOCUTILS_MESSAGE.match(str(error)):
                    logger.error("%s:%s: reStructuredText cannot read this line: %s", where, found.group("line"),
                                 " ".join(found.group("what").split()))
                raise

    Reader.__name__ = Reader.__qualname__ = reader_class.__name__
    return Reader


def register():
    signals.initialized.connect(configure)
    signals.readers_init.connect(use_checklist_reader)

