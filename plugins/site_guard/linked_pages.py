"""The pages the theme links from every page, by address: the safety bar's "Get help now" and
"How Exit works", the header's About, the footer's privacy and summary pages, the safety
route's "Staying safer online" (theme/templates/partials). Their text is the site's own, not
the example practice's: a practice keeps them when it replaces the example's articles.

A site without one still builds (a theme trial, a site of articles alone), with a warning for
each, so `make publish`, which stops on any warning, never ships a link that leads nowhere.
"""

# slug: where readers reach it from, in the owner's words.
LINKED_PAGES = {
    "getting-help-now": "“Get help now” at the top of every page and every checklist's help panel",
    "leaving-this-site-quickly": "“How Exit works” at the top of every page",
    "staying-safer-online": "the help page and the way out shown after a safety item is ticked",
    "privacy": "“Privacy” in the footer of every page",
    "first-session": "“Your answers, in one place” in the footer of every page",
    "about": "“About” in the header of every page",
}
# Where each one is in the example this project ships (content/pages/).
SOURCES = {"first-session": "bring-to-your-first-session.md"}


def missing_pages(slugs):
    """(slug, file name in the example, where readers reach it from) for each linked page that
    is not among `slugs`."""
    return [(slug, SOURCES.get(slug, f"{slug}.md"), reached_from) for slug, reached_from in LINKED_PAGES.items()
            if slug not in slugs]
