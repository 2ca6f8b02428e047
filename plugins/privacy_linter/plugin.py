"""Pelican glue: after every build, check the written site for third-party loads.

The site promises readers that nothing is loaded from another website: no
fonts, scripts, images or frames that would tell a third party who is reading
about broken trust. Every output .html and .css file is read and scanned
once, when the whole site is written (`finalized`). Then each script,
stylesheet, font, image, frame, media, object or srcset on another origin is
logged as an ERROR, in file order, that names the output file, its source file
when known, and the URL. tools.build counts ERROR logs, so `make html` and
`make publish` then exit 1.

Links a reader clicks (`<a href>`, `<link rel=canonical|alternate>`) are fine.
With SITEURL set (publishconf.py), absolute URLs on SITEURL's origin are this
site.
"""

import logging
import os
from pathlib import Path

from pelican import signals

from page_scan import css_urls, html_urls, origin_of, third_party

logger = logging.getLogger(__name__)

# Output file -> the content file it was written from (for friendlier messages).
_sources = {}
# Output file -> (its size and modification time when scanned, its third-party loads).
_scanned = {}


def is_subsite(settings):
    """An i18n_subsites run of another language (its output is inside the main site's)."""
    return settings.get("DEFAULT_LANG") in (settings.get("I18N_SUBSITES") or {})


def reset(pelican):
    if not is_subsite(pelican.settings):
        _sources.clear()
        _scanned.clear()


def site_origin_of(settings):
    site_url = settings.get("SITEURL") or ""
    return origin_of(site_url) if site_url else None


def file_state(path):
    state = os.stat(path)
    return state.st_size, state.st_mtime_ns


def keep_scan(path, loads):
    _scanned[os.path.abspath(path)] = (file_state(path), loads)


def remember_source(path, context=None):
    content = (context or {}).get("article") or (context or {}).get("page")
    source = getattr(content, "source_path", None)
    if source:
        _sources[os.path.abspath(path)] = os.path.relpath(source)


def with_article(kind):
    return ("an " if kind[0] in "aeiou" else "a ") + kind


def findings_in(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    return html_urls(text) if path.suffix == ".html" else css_urls(text)


def third_party_in(site_origin, path):
    return third_party(findings_in(path), site_origin)


def loads_of(site_origin, path):
    """The third-party loads of an output file: from its scan as rendered, if it is unchanged since."""
    kept = _scanned.get(os.path.abspath(path))
    if kept is not None and kept[0] == file_state(path):
        return kept[1]
    return third_party_in(site_origin, path)


def check_output(pelican):
    if is_subsite(pelican.settings):
        return  # the main run's check, which finishes last, covers the whole output folder
    output = Path(pelican.settings["OUTPUT_PATH"])
    site_origin = site_origin_of(pelican.settings)
    files = sorted(output.rglob("*.html")) + sorted(output.rglob("*.css"))
    found = [loads_of(site_origin, path) for path in files]
    problems = 0
    for path, loads in zip(files, found):
        for kind, url in loads:
            problems += 1
            where = path.relative_to(output).as_posix()
            source = _sources.get(os.path.abspath(path))
            logger.error(
                "privacy_linter: %s%s loads %s from another website: %s. Readers' browsers would "
                "contact that site. Copy the file into this site (content/images/ or the theme) and "
                "link to it there, or remove it.",
                where, f" (from {source})" if source else "", with_article(kind), url,
            )
    logger.debug("privacy_linter: checked %d files, %d third-party loads", len(files), problems)


def register():
    signals.initialized.connect(reset)
    signals.content_written.connect(remember_source)
    signals.finalized.connect(check_output)
