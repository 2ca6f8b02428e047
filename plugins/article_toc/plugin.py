"""Give long articles a table of contents built from their h2 headings.

Markdown's `toc` extension already gives every heading an id, but Pelican
does not keep the extension's output (its reader converts the metadata with
the same Markdown instance afterwards). So this reads the finished article
HTML: every `<h2 id="...">` becomes an entry of `article.toc`, a list of
`(id, text)` pairs, when there are at least ARTICLE_TOC_MIN_SECTIONS of them
(default 4). Shorter articles get an empty list and no contents box.
"""

import logging
from html.parser import HTMLParser

from pelican import signals
from pelican.contents import Article

logger = logging.getLogger(__name__)

DEFAULT_MIN_SECTIONS = 4


VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                 "track", "wbr"}


class SectionHeadings(HTMLParser):
    """Collects (id, text) for each top-level h2 with an id (not those inside widgets)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections = []
        self._current = None
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in VOID_ELEMENTS:
            return
        if tag == "h2" and self._depth == 0:
            ident = dict(attrs).get("id")
            self._current = [ident, []] if ident else None
        self._depth += 1

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_data(self, data):
        if self._current is not None:
            self._current[1].append(data)

    def handle_endtag(self, tag):
        if tag in VOID_ELEMENTS:
            return
        self._depth = max(self._depth - 1, 0)
        if tag == "h2" and self._depth == 0 and self._current is not None:
            ident, parts = self._current
            text = " ".join("".join(parts).split())
            if text:
                self.sections.append((ident, text))
            self._current = None


def sections(html):
    parser = SectionHeadings()
    parser.feed(html or "")
    parser.close()
    return parser.sections


def add_toc(instance):
    if not isinstance(instance, Article):
        return
    minimum = instance.settings.get("ARTICLE_TOC_MIN_SECTIONS", DEFAULT_MIN_SECTIONS)
    if not isinstance(minimum, int) or minimum < 1:
        logger.error("article_toc: ARTICLE_TOC_MIN_SECTIONS must be a whole number of 1 or more; it is %r.",
                     minimum)
        minimum = DEFAULT_MIN_SECTIONS
    found = sections(instance._content)
    instance.toc = found if len(found) >= minimum else []


def register():
    signals.content_object_init.connect(add_toc)
