"""This site's reader-facing words in the reader's language, from gettext catalogs.

English is the source: templates mark their words with `{% trans %}` or `_()` (Jinja's i18n
extension), this site's plugins with `from site_i18n import _`. `make translations` extracts
them with Babel into `locale/site.pot`, updates each `locale/<lang>/LC_MESSAGES/site.po` and
compiles them. A language without a catalog reads English.
"""

from .plugin import _, activate, gettext_for, register

__all__ = ["_", "activate", "gettext_for", "register"]
