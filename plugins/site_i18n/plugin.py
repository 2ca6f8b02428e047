"""Pelican glue: the catalog for DEFAULT_LANG, in the templates and in the plugins' markup."""

import copy
import gettext
import logging
import os
from pathlib import Path
from urllib.parse import urljoin

from jinja2 import Undefined
from pelican import signals

from .catalog_check import EscapingTranslations, catalog_problems

logger = logging.getLogger(__name__)

DOMAIN = "site"
LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"

_current = gettext.NullTranslations()
# msgids whose translation was refused (catalog_check): shown as escaped English text.
_refused = set()


def translations(language, folders=()):
    """The catalog for `language`: from each of `folders` in turn (LOCALE_PATHS), then ours."""
    found = gettext.NullTranslations()
    for folder in [*folders, LOCALE_DIR][::-1]:
        catalog = gettext.translation(DOMAIN, localedir=str(folder), languages=[language], fallback=True)
        if type(catalog) is not gettext.NullTranslations:  # a catalog was found there
            catalog.add_fallback(found)
            found = catalog
    return found


def activate(language, folders=()):
    """Switch this site's Python texts (and new template environments) to `language`."""
    global _current
    _current = translations(language, folders)
    return _current


def gettext_for(settings):
    """The gettext of the settings' DEFAULT_LANG, for code that runs while settings are read
    (signal receivers run in no set order, so it must not rely on activate() having run)."""
    return translations(settings.get("DEFAULT_LANG", "en"), settings.get("LOCALE_PATHS", ())).gettext


def _(message):
    """The message in the site's language (a function, so markup built later follows activate())."""
    return _current.gettext(message)


class LocalDate:
    """Jinja filter: a date written the way the page's language writes it ("6 December 2026",
    "6 décembre 2026"), by Babel's CLDR data: no system locale needed, unlike strftime."""

    def __init__(self, language):
        from babel import Locale, UnknownLocaleError  # noqa: PLC0415

        try:
            self.locale = Locale.parse(str(language).replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            self.locale = Locale("en")  # a language Babel does not know (a test's pseudo-language)

    def __call__(self, value):
        from babel.dates import format_date  # noqa: PLC0415

        return format_date(value, format="d MMMM y", locale=self.locale)


def translation_url(translation, siteurl):
    """Jinja filter: a translation's address from this site (pelican-i18n-subsites gives it
    relative to this language's site, e.g. `../what-trust-is/` from the French one)."""
    return urljoin(siteurl.rstrip("/") + "/", translation.url)


# Pages every language's site has at the same address.
SHARED_PAGES = ("index.html", "search/index.html", "archives/index.html", "category/index.html", "tag/index.html")


def language_links(here, output_file, other_sites, siteurl):
    """Jinja filter: [(lang, href, same_page)] for the site's other languages: the page's
    translation, else the same shared page (home, search...), else that language's home."""
    if isinstance(here, Undefined):  # a listing page: neither `article` nor `page`
        here = None
    links = []
    for lang, other_siteurl in sorted((other_sites or {}).items()):
        translation = next((t for t in getattr(here, "translations", None) or [] if t.lang == lang), None)
        if translation is not None:
            links.append((lang, translation_url(translation, siteurl), True))
        elif here is None and output_file in SHARED_PAGES:
            links.append((lang, f"{other_siteurl}/{output_file.replace('index.html', '')}", True))
        else:
            links.append((lang, f"{other_siteurl}/", False))
    return links


def on_initialized(pelican):
    # pelican-i18n-subsites writes each subsite's SITEURL and OUTPUT_PATH into the
    # I18N_SUBSITES dict it is given (a shallow copy of the setting). publishconf.py shares
    # pelicanconf's dict through `import *`, so a second build in one process (tests, the
    # devserver) would reuse the first build's paths: each build gets its own copy.
    if pelican.settings.get("I18N_SUBSITES"):
        pelican.settings["I18N_SUBSITES"] = copy.deepcopy(pelican.settings["I18N_SUBSITES"])
    activate(pelican.settings.get("DEFAULT_LANG", "en"), pelican.settings.get("LOCALE_PATHS", ()))
    filters = dict(pelican.settings.get("JINJA_FILTERS") or {})
    filters["translation_url"] = translation_url
    filters["local_date"] = LocalDate(pelican.settings.get("DEFAULT_LANG", "en"))
    filters["language_links"] = language_links
    pelican.settings["JINJA_FILTERS"] = filters


def catalogs(settings):
    """Every .po file whose words reach a page: this site's, LOCALE_PATHS', the checklist package's."""
    folders = [*(settings.get("LOCALE_PATHS") or ()), LOCALE_DIR]
    try:
        from pelican.plugins.reflection_checklists import i18n as checklist_i18n  # noqa: PLC0415
        folders.append(Path(checklist_i18n.__file__).resolve().parent / "locale")
    except ImportError:
        pass
    return sorted({path for folder in folders for path in Path(folder).rglob("*.po")})


def check_catalogs(pelican):
    """A translation holding markup its English text does not have fails the build (once: the
    main run checks every catalog, the other languages' runs skip it)."""
    if pelican.settings.get("DEFAULT_LANG") in (pelican.settings.get("I18N_SUBSITES") or {}):
        return
    _refused.clear()
    for path in catalogs(pelican.settings):
        for line, msgid, why in catalog_problems(path):
            _refused.add(msgid)
            logger.error("%s:%s: the translation of %r is refused: %s. Translations are plain text, so "
                         "they cannot change the page's markup.", os.path.relpath(path), line, msgid[:80], why)


# Each language's generators (pelican-i18n-subsites installs its own, unescaped gettext in
# them again when the run asks for its writer; on_get_writer then puts ours back).
_generators = {}


def install_in_templates(generator):
    _generators.setdefault(generator.settings.get("DEFAULT_LANG"), []).append(generator)
    environment = getattr(generator, "env", None)
    if environment is not None and hasattr(environment, "install_gettext_callables"):
        escaping = EscapingTranslations(_current, _refused)
        environment.install_gettext_callables(escaping.gettext, escaping.ngettext, newstyle=True,
                                              pgettext=escaping.pgettext, npgettext=escaping.npgettext)


def on_get_writer(pelican):
    # pelican-i18n-subsites builds each language's site inside the main run, when the main
    # site asks for its writer (this receiver runs after that, by plugin order): the main
    # site then writes in its own language again, with our escaping gettext.
    on_initialized(pelican)
    language = pelican.settings.get("DEFAULT_LANG")
    for generator in _generators.pop(language, []):
        install_in_templates(generator)
    _generators.pop(language, None)


def register():
    signals.initialized.connect(on_initialized)
    signals.initialized.connect(check_catalogs)
    signals.get_writer.connect(on_get_writer)
    signals.generator_init.connect(install_in_templates)
