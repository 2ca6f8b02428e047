"""Name the file and line of a checklist mistake in any site.

Pelican's own readers log only "Could not process <file>" when an extension raises (the
reason shows with --debug alone), so an author would not learn which line to fix. This
wraps each Markdown reader so the AuthoringError's message reaches the log first. A reader
that reports such mistakes itself says so with `reports_owner_errors = True`.
"""

import logging
import os

from pelican.readers import MarkdownReader

from .markdown_blocks import AuthoringError

logger = logging.getLogger(__name__)
# This build's checklist mistakes ("file:line"), each already logged (plugin.py fails the build
# on them). A set: a second language's run may read a file again.
reported = set()


def reporting(reader_class):
    class Reporting(reader_class):
        reports_owner_errors = True

        def read(self, source_path):
            try:
                return super().read(source_path)
            except AuthoringError as error:
                where = error.path or os.path.relpath(source_path)
                for mistake in error.mistakes:
                    logger.error("%s:%s: %s", where, mistake.line, mistake.message)
                    reported.add(f"{where}:{mistake.line}:{mistake.message}")
                raise

    Reporting.__name__ = reader_class.__name__
    return Reporting


def wrap_markdown_readers(readers):
    for extension, reader_class in list(readers.reader_classes.items()):
        if isinstance(reader_class, type) and issubclass(reader_class, MarkdownReader) \
                and not getattr(reader_class, "reports_owner_errors", False):
            readers.reader_classes[extension] = reporting(reader_class)
