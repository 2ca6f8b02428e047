"""Pelican glue: settings, the Markdown extension, and file names in error messages."""

import logging
import os

from pelican import signals
from pelican.readers import MarkdownReader

from .errors import AuthoringError
from .settings import checked_settings, extension_config

logger = logging.getLogger(__name__)

EXTENSION = "reflection_checklists.checklist"


class ChecklistMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, naming the file in a checklist mistake.

    Pelican logs only "Could not process <file>" for a failing article, so the
    author would never see which line to fix or what to write instead.
    """

    def read(self, source_path):
        try:
            return super().read(source_path)
        except AuthoringError as error:
            error.path = os.path.relpath(source_path)
            logger.error("%s", error)
            raise


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
