"""Give long articles a table of contents built from their h2 headings.

Markdown's `toc` extension gives every heading an id and lists the headings
as `toc_tokens`; the site's Markdown reader (plugins/markdown_reader, which must
be in PLUGINS) keeps them as the article's `toc_tokens`. Every top-level (h2) token becomes an
entry of `article.toc`, a list of `(id, text)` pairs, when there are at least
ARTICLE_TOC_MIN_SECTIONS of them (default 4). Shorter articles get an empty
list and no contents box.
"""

import html
import logging

from pelican import signals
from pelican.contents import Article

logger = logging.getLogger(__name__)

DEFAULT_MIN_SECTIONS = 4


def sections(toc_tokens):
    return [(token["id"], html.unescape(token["name"])) for token in toc_tokens or [] if token.get("level") == 2]


def add_toc(instance):
    if not isinstance(instance, Article):
        return
    minimum = instance.settings.get("ARTICLE_TOC_MIN_SECTIONS", DEFAULT_MIN_SECTIONS)
    if not isinstance(minimum, int) or minimum < 1:
        logger.error("article_toc: ARTICLE_TOC_MIN_SECTIONS must be a whole number of 1 or more; it is %r.",
                     minimum)
        minimum = DEFAULT_MIN_SECTIONS
    found = sections(getattr(instance, "toc_tokens", None))
    instance.toc = found if len(found) >= minimum else []


def needs_markdown_reader(pelican):
    from markdown_reader import require

    require(pelican, "article_toc")


def register():
    signals.initialized.connect(needs_markdown_reader)
    signals.content_object_init.connect(add_toc)
