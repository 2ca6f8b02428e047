"""A file in another language of the site (`content/fr/...`) that translates no file of the main one.

Two languages' files are linked by their `Slug:` (Pelican's ARTICLE_TRANSLATION_ID and
PAGE_TRANSLATION_ID). A French file whose slug no English file has is built, but its language
switch can only lead to the English home page; nearly always its `Slug:` differs from the
English file's by a typo. The build warns, naming the file and the English file it most
likely translates, so `make html` builds and `make publish` stops.
"""

import difflib
import logging
import os

from babel import Locale, UnknownLocaleError
from pelican.contents import Page, Static

logger = logging.getLogger(__name__)

_files = []  # (kind, lang, translation key, slug, source path) of the main run's articles and pages


def is_main_run(settings):
    return settings.get("DEFAULT_LANG") not in (settings.get("I18N_SUBSITES") or {})


def translation_key(content):
    setting = "PAGE_TRANSLATION_ID" if isinstance(content, Page) else "ARTICLE_TRANSLATION_ID"
    names = content.settings.get(setting, "slug")
    if not names:
        return None
    return tuple(str(getattr(content, name, "")) for name in ([names] if isinstance(names, str) else names))


def start(pelican):
    """`initialized`: a new build (a test or the devserver may run several in one process)."""
    if is_main_run(pelican.settings):
        _files.clear()


def note(content):
    """`content_object_init`: remember each article and page the main run reads (both languages)."""
    if isinstance(content, Static) or not getattr(content, "source_path", None) or not is_main_run(content.settings):
        return
    key = translation_key(content)
    if key is not None:
        kind = "page" if isinstance(content, Page) else "article"
        _files.append((kind, content.lang, key, getattr(content, "slug", ""), content.source_path))


def language_name(code):
    try:
        return Locale.parse(code).get_display_name("en")
    except (UnknownLocaleError, ValueError):
        return f"`{code}`"


def check(generators):
    """`all_generators_finalized`: warn about each file of a subsite's language with no main-language file."""
    settings = generators[0].settings if generators else {}
    if not _files or not is_main_run(settings):
        return
    main = settings.get("DEFAULT_LANG", "en")
    subsites = settings.get("I18N_SUBSITES") or {}
    originals = {(kind, key): (slug, path) for kind, lang, key, slug, path in _files if lang == main}
    for kind, lang, key, slug, path in _files:
        if lang == main or lang not in subsites or (kind, key) in originals:
            continue
        logger.warning("%s: this %s %s has no %s version: no %s %s has `Slug: %s`, so its language switch can "
                       "only lead to the %s home page. %s", os.path.relpath(path), language_name(lang), kind,
                       language_name(main), language_name(main), kind, slug, language_name(main),
                       likely_original(kind, path, slug, originals, language_name(main)))
    _files.clear()


def likely_original(kind, path, slug, originals, main_name):
    """What to write: the slug of the main-language file with the same name, or the closest slug."""
    same_name = [(found_slug, found_path) for (found_kind, _), (found_slug, found_path) in originals.items()
                 if found_kind == kind and os.path.basename(found_path) == os.path.basename(path)]
    if same_name:
        found_slug, found_path = same_name[0]
        return (f"If it translates {os.path.relpath(found_path)}, write `Slug: {found_slug}` as that file does; "
                f"otherwise write the {main_name} version too.")
    close = difflib.get_close_matches(slug, [found_slug for (found_kind, _), (found_slug, _) in originals.items()
                                             if found_kind == kind], n=1)
    if close:
        return f"Did you mean `Slug: {close[0]}`? Otherwise write the {main_name} version too."
    return f"Write the {main_name} version with the same `Slug:`."
