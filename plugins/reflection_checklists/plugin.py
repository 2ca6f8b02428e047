"""Pelican glue: settings, the Markdown extension, and file names in error messages."""

import logging
import os

from markdown import Markdown
from pelican import signals
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

from .errors import AuthoringError
from .settings import checked_settings, extension_config

logger = logging.getLogger(__name__)

EXTENSION = "reflection_checklists.checklist"


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
    for extension in MarkdownReader.file_extensions:
        readers.reader_classes[extension] = ChecklistMarkdownReader


def register():
    signals.initialized.connect(configure)
    signals.readers_init.connect(use_checklist_reader)
