"""Give sitemap.xml the same bytes on every build of the same content.

pelican-sitemap stamps each page that has no date of its own (the home page,
category, tag and archive pages, and pages without `Modified:`) with the time
the build started, so two builds of unchanged content differ, and the
devserver's full check (and any deploy that compares files) sees a change
that is not there. Those pages change when the newest article or page
changes, so that date is the honest "last modified" for them.

pelican-sitemap has no setting for this; it keeps the build time on its
module-level `generator` object as `now`, which is set here (after every
generator has read its content, before anything is written).
"""

import logging

from pelican import signals

logger = logging.getLogger(__name__)


def newest_content_date(generators):
    dates = [getattr(item, "modified", None) or getattr(item, "date", None)
             for generator in generators
             for name in ("articles", "pages")
             for item in getattr(generator, name, None) or []]
    dates = [date for date in dates if date is not None]
    return max(dates, default=None)


def stamp_sitemap(generators):
    try:
        from pelican.plugins.sitemap import sitemap
    except ImportError:  # the sitemap plugin is not installed: nothing to stamp
        return
    newest = newest_content_date(generators)
    if newest is not None:
        sitemap.generator.now = newest


def register():
    signals.all_generators_finalized.connect(stamp_sitemap)
