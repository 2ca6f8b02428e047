"""Settings for the production build (`make publish`, `make github`, `make rsync_upload`).

Everything comes from pelicanconf.py; only production concerns change here.
The site's public address is taken from the SITEURL environment variable, so
the same settings work at a domain root and under a subpath:

    make publish SITEURL=https://example.org
    make publish SITEURL=https://example.github.io/practice-site
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: E402,F403
from pelicanconf import CONSULTATION_URL  # noqa: E402
from pelican.plugins.reflection_checklists.errors import SettingsError  # noqa: E402


def _site_url(value):
    value = (value or "").strip()
    if not value:
        raise SettingsError(
            "publishconf.py: SITEURL is not set. Give the address the site will live at, "
            "e.g. `make publish SITEURL=https://example.org` or, under a subpath, "
            "`make publish SITEURL=https://example.org/practice-site`."
        )
    if not value.startswith(("https://", "http://")) or len(value.split("/", 3)[2]) == 0:
        raise SettingsError(
            f"publishconf.py: SITEURL `{value}` must be a full http(s) address such as "
            "https://example.org or https://example.org/practice-site."
        )
    if any(char.isspace() or char in "\"'<>`" for char in value):
        raise SettingsError(
            f"publishconf.py: SITEURL `{value}` contains a space, a quote or an angle bracket, which "
            "would break every link. Write the address without them, e.g. https://example.org."
        )
    if "?" in value or "#" in value:
        raise SettingsError(f"publishconf.py: SITEURL `{value}` must not contain `?` or `#`.")
    return value.rstrip("/")


SITEURL = _site_url(os.environ.get("SITEURL"))

# Refuse to publish the fictional example practice (plugins/site_guard/placeholders.py), unless
# asked to on purpose: `make publish SITEURL=... PUBLISH_EXAMPLE_SITE=yes`.
REFUSE_EXAMPLE_DETAILS = os.environ.get("PUBLISH_EXAMPLE_SITE", "").strip().lower() not in ("1", "yes", "true")
RELATIVE_URLS = False
# Drafts are never published, whatever DRAFTS says.
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""

if not str(CONSULTATION_URL or "").strip():
    raise SettingsError(
        "publishconf.py: CONSULTATION_URL is empty. Set it in pelicanconf.py to your booking page "
        "(https://...), a mailto: address or a tel: number before publishing."
    )

# One site-wide Atom feed; no per-category, per-author or translation feeds.
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# tools.publish builds into a fresh folder and swaps it in; this keeps a plain
# `pelican -s publishconf.py` from leaving stale files behind too.
DELETE_OUTPUT_DIRECTORY = True
# A published site is rendered whole: no page is left as an earlier build wrote it
# (plugins/markdown_reader/page_cache.py does that for `make html` only).
PAGE_CACHE = False
