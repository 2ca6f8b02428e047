"""The plugin's words in the site's language, from its own gettext catalog.

English is the source. `locale/reflection_checklists.pot` is extracted from this package
(`_`, `N_` keywords); `locale/<lang>/LC_MESSAGES/reflection_checklists.po` holds a
translation and is compiled to `.mo` by `make translations` (Babel). A language without a
catalog reads English. A site's own setting (`CHECKLIST_*`) always wins over the catalog.
"""

import functools
import gettext
from pathlib import Path

DOMAIN = "reflection_checklists"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def N_(message):
    """Marks a default text for extraction; it is translated where it is used."""
    return message


@functools.lru_cache(maxsize=None)
def translations(language, locale_dir=""):
    """The plugin's catalog for `language`; a site's own `locale_dir` (CHECKLIST_LOCALE_DIR,
    holding <lang>/LC_MESSAGES/reflection_checklists.mo) is tried first."""
    catalog = gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[language or "en"], fallback=True)
    if locale_dir:
        own = gettext.translation(DOMAIN, localedir=locale_dir, languages=[language or "en"], fallback=True)
        own.add_fallback(catalog)
        catalog = own
    return catalog


def gettext_for(language, locale_dir=""):
    return translations(language, locale_dir).gettext
