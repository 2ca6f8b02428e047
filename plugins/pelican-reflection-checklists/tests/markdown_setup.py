"""The Markdown set-up of the package's fixture tests: the checklist extension alone, with its
default help panel and hooks, next to the extensions a Pelican site has by default."""

import markdown

from pelican.plugins.reflection_checklists.checklist import makeExtension

# The help page the default help panel links to (a site sets CHECKLIST_HELP_URL).
HELP_URL = "/help/"


def make_markdown():
    return markdown.Markdown(
        extensions=["markdown.extensions.extra", "markdown.extensions.meta", makeExtension(help_url=HELP_URL)],
        output_format="html5",
    )


def render(source):
    return make_markdown().convert(source)
