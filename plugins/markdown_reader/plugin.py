"""The site's one Markdown reader: file:line errors, TOC and checklist facts.

A subclass of Pelican's MarkdownReader that overrides only the public `read()`
(and is installed through the public `readers_init` signal). Pelican's own
`read()` logs only "Could not process <file>" when a file fails, and converts
the summary with the body's Markdown instance, which loses the body's
table-of-contents tokens. This reader:

- reads the file itself: UTF-8, a byte-order mark at the start dropped (as
  Pelican's `pelican_open` does); a file not saved as UTF-8, or holding an
  invisible NUL character, is named with its line;
- converts the body with one Markdown instance and the header's formatted
  fields (FORMATTED_FIELDS: the summary) with a second one that has no `meta`
  preprocessor, so a summary is never read as a header; both are reused from
  file to file with `Markdown.reset()`, as Python-Markdown intends, and made
  afresh after a file that failed;
- turns the header into metadata as Pelican's reader does, with the public
  `process_metadata`;
- names the file and line of a mistake: any exception with `line` and
  `message` (the blocks' AuthoringError, each of the file's mistakes it
  carries), a bad header value (a date that is not a date), a file without a
  `Title:` line (Pelican would only say "Could not process", and plugins that
  read a page's slug at `content_object_init` would fail on it);
- returns, with the metadata, the page facts the site's plugins and theme
  read: `toc_tokens` (plugins/article_toc), `has_checklist` (the theme's
  lists), `chrome_words` (the words of checklist controls, help lists and
  prompts, which the reading time leaves out), `checklist_outline` (each
  checklist's id, title and ordinary items, for the "Bring this to your first
  session" page) and `body_words` (the body's words, for the reading time).
  They are part of what `read()` returns, so Pelican's content cache keeps
  them with the body;
- wraps every other reader (reStructuredText, HTML) so a `/// block` written
  in such a file, a NUL character, or docutils' own complaint, is named with
  file and line.

Plugins that read these facts (article_toc, learning_path) check at start-up
that this one is in PLUGINS.

Caches (one concern each): cache.py keeps Pelican's content cache safe to use;
page_cache.py leaves a page as it is when nothing it shows changed.
"""

import difflib
import logging
import os
import re

from markdown import Markdown
from pelican import signals
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, MarkdownReader, parse_path_metadata

from . import cache, page_cache

logger = logging.getLogger(__name__)

NAME = "markdown_reader"
METADATA_HINTS = {
    "date": "Write the date as year-month-day, e.g. `Date: 2026-09-01`.",
    "modified": "Write the date as year-month-day, e.g. `Modified: 2026-11-20`.",
}
BOM = "\ufeff"
WARNINGS = "reader_warnings"  # metadata: what reading a file warned about
RE_TAG = re.compile(r"<[^>]+>")  # as learning_path counts words for other readers' files
RE_TITLE_LINE = re.compile(r"^\s*title\s*:", re.I)
# This build's conversions: source path -> (the text converted, (content, metadata) or the error).
_converted = {}
RE_HEADER_LANG = re.compile(r"^lang:[ \t]*(\S+)", re.I | re.M)
RE_BLOCK_LINE = re.compile(r"^[ \t>]*/{3,}[ ]*([A-Za-z][\w-]*)\b")
RE_DOCUTILS_MESSAGE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): \((?:WARNING|ERROR|SEVERE)/\d\) (?P<what>.*)", re.S)


class SourceError(ValueError):
    """A source file the build cannot use as it is, with the line to fix."""

    def __init__(self, line, message):
        super().__init__(message)
        self.line, self.message = line, message


def is_authoring_error(error):
    return isinstance(getattr(error, "line", None), int) and hasattr(error, "message")


def nul_error(line):
    return SourceError(line, f"this file holds an invisible NUL character on line {line}; delete it or save "
                             "the file again as UTF-8 text.")


def source_text(source_path):
    """The file's text: UTF-8, without a byte-order mark, with no NUL character.

    Raises UnicodeDecodeError (its `start` counted in the file's bytes) or SourceError."""
    with open(source_path, "rb") as source:
        raw = source.read()
    text = raw.decode("utf-8")
    if text.startswith(BOM):
        text = text[1:]  # as pelican_open (encoding utf-8-sig) drops it
    nul = text.find("\x00")
    if nul >= 0:
        raise nul_error(text.count("\n", 0, nul) + 1)
    return text


def file_language(text, source_path, settings):
    """The language Pelican gives the file: its `Lang:` line, else its path (PATH_METADATA), else
    DEFAULT_METADATA's."""
    header = text.replace("\r\n", "\n").split("\n\n", 1)[0]
    if found := RE_HEADER_LANG.search(header):
        return found.group(1)
    relative = os.path.relpath(source_path, settings.get("PATH") or ".").replace(os.sep, "/")
    from_path = parse_path_metadata(relative, settings).get("lang")
    return from_path or dict(settings.get("DEFAULT_METADATA") or {}).get("lang") or settings.get("DEFAULT_LANG")


def no_title(text, metadata):
    """The SourceError for a file without a `Title:` line: no header at all, a header that does
    not start on the first line, or a header that misses that one line."""
    lines = text.splitlines()
    title_line = next((number for number, line in enumerate(lines, start=1) if RE_TITLE_LINE.match(line)), None)
    if not metadata:
        if title_line and not (lines[0].strip() if lines else ""):
            return SourceError(1, f"the header must start on the very first line, but line 1 is empty, so "
                                  f"`Title:` on line {title_line} and the lines after it are read as text. Delete "
                                  "the empty line(s) above the header.")
        return SourceError(1, "this file has no header, so it has no title. Start it with the header: `Title: ...` "
                              "on the first line, then the other lines an article or a page needs (copy them "
                              "from another file), then an empty line before the text.")
    keys = [key for key in metadata if key != WARNINGS]
    close = difflib.get_close_matches("title", keys, n=1, cutoff=0.6)
    where = next((number for number, line in enumerate(lines, start=1)
                  if close and line.lower().startswith(close[0] + ":")), 1)
    hint = f" Line {where} says `{lines[where - 1].split(':')[0]}:`; did you mean `Title:`?" if close else ""
    return SourceError(where, f"the header has no `Title:` line, and every page needs one.{hint} Add it as the "
                              "first line, e.g. `Title: What trust is`.")


def page_facts(md, content):
    """What the body's conversion tells the site's plugins and theme (see the module's docstring)."""
    has_checklist = bool(getattr(md, "checklists", None))
    return {
        "toc_tokens": getattr(md, "toc_tokens", []),
        "has_checklist": has_checklist,
        "chrome_words": getattr(md, "checklist_chrome_words", 0) if has_checklist else 0,
        "checklist_outline": getattr(md, "checklist_outline", []) if has_checklist else [],
        # Counted here, once per file: the reading time of every listed article would otherwise
        # need its whole body (links resolved) on every list page.
        "body_words": len(RE_TAG.sub(" ", content).split()),
    }


class SiteMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, with file:line errors and the page facts as metadata."""

    # Tells the checklist plugin this reader names the file and line of a mistake itself.
    reports_owner_errors = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.body_markdown = None    # converts bodies (with the meta extension's preprocessor)
        self.fields_markdown = None  # converts FORMATTED_FIELDS (without it)

    def read(self, source_path):
        where = os.path.relpath(source_path)
        text = None
        try:
            text = source_text(source_path)
            return self.converted(text, source_path)
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
                for mistake in getattr(error, "mistakes", [error]):  # the blocks' scan names all of a file's
                    logger.error("%s:%s: %s", where, mistake.line, mistake.message)
                raise
            field = self._bad_metadata(text)
            if field is None:
                raise
            line, key, value = field
            logger.error("%s:%s: `%s: %s` cannot be read (%s). %s", where, line, key, value, error,
                         METADATA_HINTS.get(key.lower(), "Check the value on that line."))
            raise

    def shown_by_another_language(self, text, source_path):
        """True for a file whose page this run never shows: with pelican-i18n-subsites removing
        untranslated content, each language's run writes only its own language's pages; another
        language's files are read only for what links translations (slug, title, dates)."""
        settings = self.settings
        if not settings.get("I18N_SUBSITES"):  # kept in the other languages' runs too
            return False
        if (settings.get("I18N_UNTRANSLATED_ARTICLES"), settings.get("I18N_UNTRANSLATED_PAGES")) != ("remove", "remove"):
            return False
        return file_language(text, source_path, settings) != settings.get("DEFAULT_LANG")

    def converted(self, text, source_path):
        """`convert`, done once per build for a file this run does not show: the first language's
        run converts every file, and the other languages' runs take its result for the files of
        another language (or its error: the file failed there, so it fails here too, as the
        translations' links expect). A file of the run's own language is converted in that run,
        so its checklist speaks that language."""
        key = os.path.abspath(source_path)
        kept = _converted.get(key)
        if kept and kept[0] == text and self.shown_by_another_language(text, source_path):
            if isinstance(kept[1], BaseException):
                raise kept[1]
            content, metadata = kept[1]
            return content, dict(metadata)
        try:
            result = self.convert(text, source_path)
        except BaseException as error:
            _converted[key] = (text, error)
            raise
        _converted[key] = (text, result)
        return result

    def convert(self, text, source_path):
        """(the body's HTML, the metadata with the page facts), as MarkdownReader.read returns."""
        try:
            body = self._markdown("body_markdown")
            content = body.convert(text)
            facts = page_facts(body, content)
            metadata = self.header_metadata(getattr(body, "Meta", None) or {}, source_path)
            if "title" not in metadata and not self.title_from_path():
                raise no_title(text, metadata)
        except BaseException:
            # An extension may have stopped half-way: the next file starts with new instances.
            self.body_markdown = self.fields_markdown = None
            raise
        metadata.update(facts)
        return content, metadata

    def header_metadata(self, meta, source_path):
        """The header as Pelican's MarkdownReader turns it into metadata (keys in the header's
        order), with the formatted fields converted by the instance without `meta`."""
        formatted_fields = self.settings["FORMATTED_FIELDS"]
        output, warnings = {}, []
        for name, value in meta.items():
            name = name.lower()
            if name in formatted_fields:
                fields = self._markdown("fields_markdown")
                output[name] = self.process_metadata(name, fields.convert("\n".join(value)))
            elif not DUPLICATES_DEFINITIONS_ALLOWED.get(name, True):
                if len(value) > 1:
                    warnings.append(f"Duplicate definition of `{name}` for {source_path}. Using first one.")
                output[name] = self.process_metadata(name, value[0])
            elif len(value) > 1:
                output[name] = self.process_metadata(name, value)
            else:
                output[name] = self.process_metadata(name, value[0])
        if warnings:
            # Logged by `log_reader_warnings` as each page is made, so a page read from Pelican's
            # content cache gives the same warnings as one read afresh.
            output[WARNINGS] = warnings
        return output

    def title_from_path(self):
        """True when the settings give a file its title from its name or folder."""
        patterns = [self.settings.get("FILENAME_METADATA") or "", self.settings.get("PATH_METADATA") or ""]
        return any("(?P<title>" in pattern for pattern in patterns) or any(
            "title" in extra for extra in (self.settings.get("EXTRA_PATH_METADATA") or {}).values())

    def _markdown(self, which):
        """The reader's body or fields instance, reset for a new conversion."""
        md = getattr(self, which)
        if md is None:
            md = Markdown(**self.settings["MARKDOWN"])
            if which == "fields_markdown":
                md.preprocessors.deregister("meta", strict=False)
            setattr(self, which, md)
        else:
            md.reset()
        return md

    def _bad_metadata(self, text):
        """The header line whose value Pelican cannot process: (line, key, value), or None."""
        for number, line in enumerate((text or "").splitlines(), start=1):
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


def without_markdown_blocks(reader_class):
    """`reader_class` (reStructuredText, HTML), naming a `/// block` it cannot read, a NUL
    character, and docutils' own complaints with their file and line (Pelican only logs
    "Could not process")."""

    class Reader(reader_class):
        def read(self, source_path):
            where = os.path.relpath(source_path)
            with open(source_path, encoding="utf-8", errors="replace") as source:
                for number, line in enumerate(source, start=1):
                    if "\x00" in line:
                        error = nul_error(number)
                        logger.error("%s:%s: %s", where, number, error.message)
                        raise error
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
        if extension == "static" or reader_class is None:
            # Static files are copied as they are, never read as text; `READERS = {"html": None}`
            # turns a reader off (Pelican drops that entry itself).
            continue
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


def log_reader_warnings(content):
    """`content_object_init`: the warnings reading the file gave (see header_metadata)."""
    for warning in (getattr(content, "metadata", None) or {}).get(WARNINGS) or []:
        logger.warning("%s", warning)


def forget_conversions(pelican):
    """A new build (not another language's run of the same build) converts every file again."""
    if pelican.settings.get("DEFAULT_LANG") not in (pelican.settings.get("I18N_SUBSITES") or {}):
        _converted.clear()


def end_run(pelican):
    """`finalized`: the pages written are noted in the run's cache folder, then the folder is kept."""
    page_cache.save(pelican)
    cache.end_run(pelican)


def register():
    signals.initialized.connect(forget_conversions)
    signals.readers_init.connect(use_site_readers)
    signals.content_object_init.connect(log_reader_warnings)
    signals.get_generators.connect(cache.start_run)
    signals.get_writer.connect(page_cache.choose_writer)
    signals.finalized.connect(end_run)
