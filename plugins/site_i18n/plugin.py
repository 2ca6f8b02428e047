"""Pelican glue: the catalog for DEFAULT_LANG, in the templates and in the plugins' markup."""

import gettext
from pathlib import Path

from pelican import signals

DOMAIN = "site"
LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"

_current = gettext.NullTranslations()


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


def on_initialized(pelican):
    activate(pelican.settings.get("DEFAULT_LANG", "en"), pelican.settings.get("LOCALE_PATHS", ()))


def install_in_templates(generator):
    environment = getattr(generator, "env", None)
    if environment is not None and hasattr(environment, "install_gettext_translations"):
        environment.install_gettext_translations(_current, newstyle=True)


def register():
    signals.initialized.connect(on_initialized)
    signals.generator_init.connect(install_in_templates)
