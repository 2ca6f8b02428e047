"""Translations are text, not markup.

Jinja's i18n extension marks every translated string as safe HTML, so a `msgstr` holding a
quote or a tag would break out of an attribute or add an element (a handler, a script, a
`<meta http-equiv=refresh>`). Two rules close that:

- a message whose English text (`msgid`) holds no tag is escaped when it is shown
  (`escaping_gettext`), so its translation is always text;
- a message whose English text holds tags (a link such as `<a href="%(help_url)s">`) may be
  translated only with exactly those tags, written the same way; anything else in it that
  looks like markup (`<`, `>`) fails the build, naming the catalog, the line and the message.
"""

import re
from collections import Counter

from babel.messages.pofile import read_po
from markupsafe import escape

RE_TAG = re.compile(r"<[^<>]*>")


def tags(text):
    return Counter(RE_TAG.findall(text))


def holds_markup(message):
    return bool(RE_TAG.search(message))


def problem(msgid, msgstr):
    """Why `msgstr` is not a safe translation of `msgid`, or None."""
    if not msgstr:
        return None
    allowed = tags(msgid)
    extra = tags(msgstr) - allowed
    if extra:
        tag = next(iter(extra))
        if allowed:
            return f"it holds `{tag}`, which the English text does not have (only {', '.join(f'`{t}`' for t in allowed)} may be used, written exactly so)"
        return f"it holds `{tag}`, but the English text holds no markup: write plain text"
    if not allowed and ("<" in msgstr or ">" in msgstr) and not ("<" in msgid or ">" in msgid):
        return ("it holds `<` or `>`, but the English text holds no markup: write plain text "
                f"(found in: {msgstr[:60]!r})")
    missing = allowed - tags(msgstr)
    if missing:
        return f"the English text's `{next(iter(missing))}` is missing or written differently: copy it exactly from the msgid"
    rest = RE_TAG.sub("", msgstr)
    if allowed and ("<" in rest or ">" in rest):
        return "it holds a `<` or `>` outside the allowed tags: write plain text around them"
    return None


def catalog_problems(path):
    """[(line, msgid, why)] for one .po file."""
    with open(path, "rb") as source:
        catalog = read_po(source)
    found = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        for text in strings:
            why = problem(ids[-1] if len(ids) > 1 and not holds_markup(ids[0]) else ids[0], text or "")
            if why:
                found.append((message.lineno, ids[0], why))
                break
    return found


class EscapingTranslations:
    """gettext callables for Jinja that escape every translation of a message without markup,
    and of a message whose translation was refused (`unsafe` msgids)."""

    def __init__(self, translations, unsafe=()):
        self.translations = translations
        self.unsafe = set(unsafe)

    def _safe(self, message, translated):
        if holds_markup(message) and message not in self.unsafe:
            return translated
        return escape(translated if message not in self.unsafe else message)

    def gettext(self, message):
        return self._safe(message, self.translations.gettext(message))

    def ngettext(self, singular, plural, n):
        return self._safe(singular, self.translations.ngettext(singular, plural, n))

    def pgettext(self, context, message):
        return self._safe(message, self.translations.pgettext(context, message))

    def npgettext(self, context, singular, plural, n):
        return self._safe(singular, self.translations.npgettext(context, singular, plural, n))
