"""The Markdown set-up of the package's fixture tests: the checklist extension alone, with its
default help panel and hooks, next to the extensions a Pelican site has by default."""

import markdown

from pelican.plugins.reflection_checklists.checklist import makeExtension

# The help page the default help panel links to (a site sets CHECKLIST_HELP_URL).
HELP_URL = "/help/"
# Ids a theme gives every page around the article (CHECKLIST_PAGE_IDS).
PAGE_IDS = ["main", "safety-check-title"]


def make_markdown():
    return markdown.Markdown(
        extensions=["markdown.extensions.extra", "markdown.extensions.meta", makeExtension(help_url=HELP_URL, page_ids=PAGE_IDS)],
        output_format="html5",
    )


def render(source):
    return make_markdown().convert(source)
