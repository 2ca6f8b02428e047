"""Pelican glue: the output folder is never the project, only content files are published,
and every written page obeys one markup policy.

- `initialized`: an OUTPUT_PATH that is, or holds, the content folder, the theme, the
  settings, `.git` or the project folder stops the build before anything is written.
- `static_generator_finalized`, `article_generator_finalized`, `page_generator_finalized`:
  a file that is hidden or a backup (linked with `{static}` or not), or that is really
  outside the content folder (`{static}/../file`, a symlink to elsewhere), is named in an
  error and not published.
- `finalized`: every written .html, .svg and .css file (the French site's included, whatever
  wrote it) is read and scanned once, and two rules are checked on that scan:
  - privacy: nothing is loaded from another website (no script, stylesheet, font, image,
    frame, media or object that would tell a third party who is reading about broken trust);
    links a reader clicks are fine, and with SITEURL set its origin is this site;
  - page_policy: no markup the shipped CSP would block, with the file that most likely holds
    it (the page's source, a translation catalog, a template).
  Each finding is an ERROR naming the output file (and its source file when known);
  tools.build counts them, so `make html` and `make publish` exit 1.
"""

import logging
import os
from pathlib import Path

import site_errors
from pelican import signals

from . import page_policy, scan_store
from .folders import is_editor_file, never_published, protected_folders, unsafe_output

logger = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# Output file -> the content file it was written from.
_sources = {}
# What was said in this build: the other languages' runs read the same files again.
_said = set()
# (written file, site origin) -> ((size, modification time, inode), its scan's findings).
_scans = {}
# The written files every build scans.
SCANNED = (".html", ".svg", ".css")
# Where this build keeps them for the next (scan_store.py).
_store = {}


class SettingsError(site_errors.SettingsError):
    """An output folder that would destroy the project."""


def is_subsite(settings):
    return settings.get("DEFAULT_LANG") in (settings.get("I18N_SUBSITES") or {})


def refuse_unsafe_output(pelican):
    settings = pelican.settings
    if not is_subsite(settings):
        _sources.clear()
        _said.clear()
        _store["path"] = scan_store.store_path(settings)  # CACHE_PATH as the build starts
    problem = unsafe_output(settings["OUTPUT_PATH"], protected_folders(
        PROJECT_ROOT, settings.get("PATH"), settings.get("THEME")))
    if problem:
        raise SettingsError(f"output folder: {problem}. Nothing was built. Give another folder, e.g. "
                            "`make html OUTPUTDIR=output` (the default).")


def outside_content(settings, relative_path, content_root=None):
    """True when the file is really outside the content folder (`content_root`: its real path,
    when the caller already has it)."""
    root = content_root or os.path.realpath(settings["PATH"])
    path = os.path.realpath(os.path.join(settings["PATH"], relative_path))
    return os.path.commonpath([path, root]) != root


def unpublishable(settings, relative_path, content_root=None):
    """Why a content or static file must not be published, or None."""
    if is_editor_file(relative_path):
        return "is a file of the browser editor (its configuration or its code), which is never published. " \
               "Move it out of the content folder"
    if never_published(relative_path, settings.get("IGNORE_FILES") or ()):
        return "is a hidden file, or an editor's backup or lock file, which is never published. Delete it, " \
               "or rename it if readers should see it"
    if outside_content(settings, relative_path, content_root):
        return (f"is really {os.path.realpath(os.path.join(settings['PATH'], relative_path))}, outside the "
                f"{os.path.relpath(settings['PATH'])} folder (a link to elsewhere, or `..` in a link). Copy "
                "the file into the content folder instead")
    return None


def keep_publishable(settings, items, path_of):
    kept = []
    content_root = os.path.realpath(settings["PATH"])
    for item in items:
        relative = path_of(item)
        why = unpublishable(settings, relative, content_root)
        if why:
            message = f"{os.path.join(os.path.relpath(settings['PATH']), relative)}: {why}."
            if message not in _said:
                _said.add(message)
                logger.error("%s", message)
        else:
            kept.append(item)
    items[:] = kept


def check_static(generator):
    keep_publishable(generator.settings, generator.staticfiles, lambda static: static.source_path
                     if not os.path.isabs(static.source_path) else os.path.relpath(static.source_path, generator.path))


def check_contents(generator):
    for name in ("articles", "drafts", "hidden_articles", "pages", "hidden_pages", "draft_pages"):
        items = getattr(generator, name, None)
        if isinstance(items, list):
            keep_publishable(generator.settings, items,
                             lambda content: os.path.relpath(content.source_path, generator.path))


def remember_source(path, context=None):
    content = (context or {}).get("article") or (context or {}).get("page")
    if getattr(content, "source_path", None):
        _sources[os.path.abspath(path)] = content.source_path


def template_and_catalog_files(settings):
    theme = Path(settings.get("THEME", ""))
    catalogs = [folder for folder in [*(settings.get("LOCALE_PATHS") or ()),
                                      settings.get("I18N_GETTEXT_LOCALEDIR")] if folder]
    return ([str(path) for folder in catalogs for path in sorted(Path(folder).rglob("*.po"))]
            + [str(path) for path in sorted((theme / "templates").rglob("*.html"))])


def with_article(kind):
    return ("an " if kind[0] in "aeiou" else "a ") + kind


def scan_written_file(path, site_origin):
    """(third-party loads, blocked markup) of one written file, from one read and one scan.

    Each file's result is kept while the file's size, modification time and inode stay the same:
    by a long-lived process (the devserver's fast path), so a save rescans only the pages it
    rewrote, and from one `make html` to the next (scan_store.py)."""
    state = os.stat(path)
    key = (os.path.abspath(path), site_origin)
    kept = _scans.get(key)
    if kept and kept[0] == (state.st_size, state.st_mtime_ns, state.st_ino):
        return kept[1]
    result = scan_file_text(path, site_origin)
    _scans[key] = ((state.st_size, state.st_mtime_ns, state.st_ino), result)
    return result


def scan_file_text(path, site_origin):
    from page_scan import css_urls, scan_html, third_party  # noqa: PLC0415 - on the path once settings are read

    text = path.read_text(encoding="utf-8", errors="replace")
    suffix = path.suffix.lower()
    if suffix == ".css":
        return third_party(css_urls(text), site_origin), []
    svg = suffix == ".svg"
    scan = scan_html(text, policy=True, whole_page=not svg, site_origin=site_origin)
    return third_party(scan.found, site_origin), page_policy.blocked_in(scan, svg)


def report_loads(output, path, loads):
    where = path.relative_to(output).as_posix()
    source = _sources.get(os.path.abspath(path))
    for kind, url in loads:
        logger.error(
            "privacy: %s%s loads %s from another website: %s. Readers' browsers would contact that "
            "site. Copy the file into this site (content/images/ or the theme) and link to it there, "
            "or remove it.",
            where, f" (from {os.path.relpath(source)})" if source else "", with_article(kind), url)


def check_written_pages(pelican):
    settings = pelican.settings
    if is_subsite(settings):
        return  # the main run, which finishes last, reads the whole output folder
    from page_scan import origin_of  # noqa: PLC0415 - page_scan is on the path once settings are read

    output = Path(settings["OUTPUT_PATH"])
    site_origin = origin_of(settings.get("SITEURL") or "") if settings.get("SITEURL") else None
    if not _scans:
        _scans.update(scan_store.load(_store.get("path")))
    elsewhere = None
    found = {}  # (kind, snippet, where) -> the pages holding it: a template's mistake is on every page
    written = sorted(path for path in output.rglob("*") if path.suffix.lower() in SCANNED and path.is_file())
    for path in written:
        loads, blocked = scan_written_file(path, site_origin)
        report_loads(output, path, loads)
        for kind, snippet in blocked:
            source = _sources.get(os.path.abspath(path))
            if source and page_policy.find_line([source], snippet):
                continue  # the article's own markup: site_guard's content policy named its line already
            elsewhere = elsewhere or template_and_catalog_files(settings)
            where = page_policy.find_line(elsewhere, snippet)
            found.setdefault((kind, snippet, where), []).append(path.relative_to(output).as_posix())
    for (kind, snippet, where), pages in found.items():
        logger.error(
            "page policy: %s holds %s (`%s`)%s. The site's security rules forbid it: readers' browsers "
            "would block it, or it could harm them. Remove it%s.",
            pages[0] + (f" (and {len(pages) - 1} other page(s))" if len(pages) > 1 else ""),
            page_policy.WHY[kind], snippet,
            f", most likely from {os.path.relpath(where.rsplit(':', 1)[0])}:{where.rsplit(':', 1)[1]}" if where else "",
            " from the SVG file" if pages[0].lower().endswith(".svg") else "")
    keys = {(os.path.abspath(path), site_origin) for path in written}
    scan_store.save(_store.get("path"), {key: value for key, value in _scans.items() if key in keys})


def register():
    signals.initialized.connect(refuse_unsafe_output)
    signals.static_generator_finalized.connect(check_static)
    signals.article_generator_finalized.connect(check_contents)
    signals.page_generator_finalized.connect(check_contents)
    signals.content_written.connect(remember_source)
    signals.finalized.connect(check_written_pages)
