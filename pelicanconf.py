"""Settings for building the site locally (`make html`, `make serve`).

A practice's own details (name, clinician, booking addresses, help region, languages) live
in practice.toml; this file holds how the site is built. The example practice is fictional:
replace its details with your own before publishing (README: "Use this for your practice").
"""

import os
import sys
from pathlib import Path

from jinja2 import FileSystemBytecodeCache

# This site's own plugins (plugins/*) share two small libraries, page_scan and site_errors.
# Pelican loads a plugin from PLUGIN_PATHS without putting that folder on the import path,
# so the folder is added here. The checklist plugin needs no such line: it is installed.
sys.path.insert(0, str(Path(__file__).resolve().parent / "plugins"))

# The checklist plugin is an installed package (plugins/pelican-reflection-checklists, installed
# into .venv by the Makefile as any site would install it); this theme bundles its files.
from pelican.plugins.reflection_checklists.assets import STATIC_DIR as checklist_static_dir
from output_guard.folders import NEVER_PUBLISHED
import practice_file

# --- The practice ----------------------------------------------------------
# Who the practice is (name, clinician, booking addresses, help region, languages) lives in
# practice.toml, a small file a therapist can edit; plugins/practice_file.py checks it.
# (PRACTICE_FILE=path/to/other.toml reads another one, e.g. to try a second practice.)
PRACTICE = practice_file.read(os.environ.get("PRACTICE_FILE") or Path(__file__).resolve().parent / "practice.toml")
PRACTICE_NAME = PRACTICE["practice"]["name"]
PRACTICE_CLINICIAN = PRACTICE["clinician"]["name"]
# Every value is shown as written; a value left "" leaves its line out. Without a `photo`,
# the clinician's initials are shown.
CLINICIAN_DETAILS = practice_file.clinician_details(PRACTICE)
PRACTICE_REGION = PRACTICE["practice"].get("region", "")
PRACTICE_PHONE = PRACTICE["practice"].get("phone", "")
PRACTICE_EMAIL = PRACTICE["practice"].get("email", "")
LANGUAGES = PRACTICE["practice"].get("languages", ["en"])

# Where the "Book a free 15-minute consultation" buttons lead (https, mailto: or tel:).
CONSULTATION_URL = PRACTICE["booking"]["couples"]
CONSULTATION_LABEL = "Book a free 15-minute consultation"
CONSULTATION_BLURB = "A short, free phone or video call to see whether working together could help."
# "Book a call just for me": what a reader who ticked something about fear or harm is offered
# (safety panel, help pages). A booking for one person, never the couples booking: the build
# warns, and publishing refuses, when it is missing or the same as CONSULTATION_URL.
INDIVIDUAL_CONSULTATION_URL = PRACTICE["booking"].get("individual", "")
# True adds utm_* parameters to booking links so the practice can see which article helped.
# The cost: the booking provider then learns which article the reader was on. Safety pages,
# tag, category and help pages are never named, and safety links are never tagged.
CONSULTATION_CAMPAIGN_PARAMETERS = False

# Crisis and safety resources shown on "Getting help now" (see README: "Help resources").
HELP_REGION = PRACTICE["practice"].get("help_region", "CA-ON")
# "Exit this page" leads here: a neutral site of the practice's region that draws no attention.
EXIT_URL = PRACTICE["practice"].get("exit_url", "https://weather.gc.ca/")

# --- The site --------------------------------------------------------------
# The Content-Security-Policy that deploy/_headers and deploy/nginx-security-headers.conf send,
# also written into every page as a <meta> tag, so hosts that cannot send headers (GitHub
# Pages) enforce it too. frame-ancestors only works as a header, so the tag leaves it out.
# Fonts, fetches (Pagefind's index), media, workers and manifests fall back to default-src
# 'self' (workers through script-src), so the policy does not repeat them on every page.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
    "frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'"
)

SITENAME = PRACTICE_NAME
SITE_DESCRIPTION = (
    "Plain-language articles and private self-reflection checklists about "
    "broken trust in couples, and how couples repair it."
)
AUTHOR = PRACTICE_CLINICIAN
SITEURL = ""
RELATIVE_URLS = False
TIMEZONE = "America/Toronto"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

PATH = "content"
# content/fr/ is read only when the French site is built (`languages` in practice.toml).
ARTICLE_PATHS = ["articles", *(["fr/articles"] if "fr" in LANGUAGES else [])]
PAGE_PATHS = ["pages", *(["fr/pages"] if "fr" in LANGUAGES else [])]
STATIC_PATHS = ["images"]

# Only what the author meant is published. Pelican's default ignore pattern (`**/.*`) is
# matched against bare file names, so it never matched `.env`. Hidden files and folders,
# editor backups and lock files (the list is in plugins/output_guard/folders.py) are never
# read or copied, and `make publish` refuses an output that holds one.
IGNORE_FILES = list(NEVER_PUBLISHED)
# Drafts (`Status: draft`) are not written, so they are never in the site, its search index,
# sitemap or feeds. `make html DRAFTS=yes` previews them under /drafts/; `make publish` never does.
if os.environ.get("DRAFTS", "").strip().lower() not in ("1", "yes", "true"):
    DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""
# reStructuredText files may not pull other files into the page (`.. include::`,
# `.. raw:: html :file:`) nor hold raw HTML.
DOCUTILS_SETTINGS = {"file_insertion_enabled": False, "raw_enabled": False}

THEME = "theme"
THEME_STATIC_DIR = "theme"

# The learning path: categories in reading order, each with a one-line introduction.
LEARNING_PATH = [
    ("Understanding trust", "What trust is, how it grows, and the ways it can crack."),
    ("The impact", "Why broken trust hurts so much, and how it shows up day to day."),
    ("Repair and rebuilding", "How couples rebuild trust, step by step, and when it is not safe to try."),
]

# Pretty URLs: /what-trust-is/ rather than /what-trust-is.html.
ARTICLE_URL = "{slug}/"
ARTICLE_SAVE_AS = "{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "category/{slug}/"
CATEGORY_SAVE_AS = "category/{slug}/index.html"
CATEGORIES_SAVE_AS = "category/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
TAGS_SAVE_AS = "tag/index.html"
ARCHIVES_SAVE_AS = "archives/index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "categories", "tags", "archives", "search", "404", "robots"]
SEARCH_SAVE_AS = "search/index.html"
DEFAULT_PAGINATION = False

# Feeds are written by publishconf.py, where SITEURL is known.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Every {{ value }} in the theme is HTML-escaped unless marked `|safe` (only the
# converted article and page bodies are): a quote in a title or a setting cannot break
# an attribute, and an escaped `&lt;script&gt;` in a Summary stays text.
# Words in templates are marked for translation ({% trans %}, _()); see plugins/site_i18n.
# Jinja's own bytecode cache (in ./cache, never published): each template is compiled once,
# not once per generator and language in every build.
_jinja_cache = Path(__file__).resolve().parent / "cache" / "jinja"
_jinja_cache.mkdir(parents=True, exist_ok=True)
JINJA_ENVIRONMENT = {"autoescape": True, "extensions": ["jinja2.ext.i18n"],
                     "bytecode_cache": FileSystemBytecodeCache(str(_jinja_cache))}

# A MARKDOWN setting replaces Pelican's default, so its extensions are listed again.
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.toc": {"permalink": False, "toc_depth": "2-3"},
    },
    "output_format": "html5",
}

PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    "i18n_subsites",
    "site_i18n",
    "asset_bundles",
    "site_guard",
    "output_guard",
    "markdown_reader",
    "learning_path",
    "reflection_checklists",
    "consultation",
    "article_toc",
    "sitemap",
    "sitemap_dates",
    "search_index",
]

# This theme bundles the checklist's scripts and stylesheet itself (ASSET_BUNDLES below),
# so the plugin does not link its own copies.
CHECKLIST_INCLUDE_ASSETS = False
# The ids this theme's templates give a page around the article: a checklist whose own ids
# would repeat one (`id: safety-check` makes `safety-check-title`) stops the build with its line.
# tests/unit/test_settings.py checks this list against theme/templates.
CHECKLIST_PAGE_IDS = [
    "clinician-title", "cta-title", "first-session-caution", "first-session-title", "intro-title", "main",
    "path-title", "related-title", "safety-check-title", "safety-route-title", "search", "when-you-book-a-call",
]

# Long articles (this many h2 sections or more) get an "On this page" contents box.
ARTICLE_TOC_MIN_SECTIONS = 4

# Pagefind indexes the built site for /search/ (runs after every build; False skips it).
SEARCH_INDEX = True

# sitemap.xml for search engines; robots.txt (theme/templates/robots.html) points to it.
SITEMAP = {
    "format": "xml",
    "exclude": [r"^(fr/)?404\.html$", r"^(fr/)?search/$", r"^robots\.txt$"],
    "changefreqs": {"articles": "monthly", "pages": "monthly", "indexes": "weekly"},
}
ROBOTS_SAVE_AS = "robots.txt"

READTIME_WPM = 200

# One stylesheet and one script per page (four of each, by the page's needs; a page with a
# checklist loads reflections.js too, once the reader answers): esbuild bundles
# each entry file under theme/assets with what it imports (the checklist package's modules
# through the `reflection-checklists/` name), minifies it and plugins/asset_bundles fingerprints
# it. esbuild comes from npm at the version package-lock.json pins; `make html` installs it once.
ASSET_SOURCE_PATH = str(Path(__file__).resolve().parent / "theme" / "assets")
ASSET_BUNDLES = {
    "css": "css/site.css",  # pages with a checklist
    "first_session_css": "css/first-session.css",  # the first-session summary: page.css and the summary's rules
    "page_css": "css/page.css",  # every other page: without the checklist's rules
    "search_css": "css/search.css",  # the search page: page.css, the search box and its results
    "listing_css": "css/listing.css",  # home, lists and About: site.css and listings.css
    "js": "js/site.js",  # pages with a checklist
    "reflections_js": "js/reflections.js",  # "My reflections": site.js loads it on the first answer
    "page_js": "js/page.js",  # every other page: Exit alone
    "search_js": "js/search.js",
    # Only the "Bring this to your first session" page needs it.
    "first_session_js": "js/first-session.js",
}
ASSET_ALIASES = {"reflection-checklists": str(checklist_static_dir)}
ESBUILD = str(Path(__file__).resolve().parent / "node_modules" / ".bin" / "esbuild")

# Pelican's content cache: a Markdown file whose text has not changed since the last build is
# not converted again (its HTML and metadata, the reader's page facts included, come from
# cache/content/). plugins/markdown_reader/cache.py keeps one cache per fingerprint of the
# settings, plugins, catalogs and packages, so changing any of them starts afresh, and a
# cache file is always written whole. `make clean` empties it; PELICANOPTS=--ignore-cache skips it.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = str(Path(__file__).resolve().parent / "cache" / "content")
CHECK_MODIFIED_METHOD = "sha256"  # a file's text, not its modification time, says it changed
# Stored uncompressed: gzip took almost a second of every 1,000-article build to save it again.
GZIP_CACHE = False

# --- The French site (/fr/) ------------------------------------------------
# pelican-i18n-subsites builds it in the same run from the `Lang: fr` files in content/fr/
# (same `Slug:` as the English file, which links the two). Every reader-facing setting above
# has its French version here; the theme's and plugins' words come from locale/fr.
# A file's language comes from its folder: content/fr/ is French, everything else English
# (stated, so the French build does not take an English file for one of its own).
DEFAULT_METADATA = {"lang": DEFAULT_LANG}
PATH_METADATA = r"(?P<lang>fr)/.*"
# Static files (images) carry that default language too; they keep their one address.
STATIC_LANG_URL = "{path}"
STATIC_LANG_SAVE_AS = "{path}"
I18N_GETTEXT_DOMAIN = "site"
I18N_TEMPLATES_LANG = "en"  # the language the templates are written in
I18N_GETTEXT_LOCALEDIR = str(Path(__file__).resolve().parent / "locale")
I18N_UNTRANSLATED_ARTICLES = "remove"
I18N_UNTRANSLATED_PAGES = "remove"
# Each language's own name, for the language switch in the header.
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}
I18N_SUBSITES = {} if "fr" not in LANGUAGES else {
    "fr": {
        "SITE_DESCRIPTION": (
            "Des articles en langage simple et des listes de réflexion privées sur la confiance "
            "blessée dans le couple, et sur la façon dont les couples la réparent."
        ),
        "CLINICIAN_DETAILS": practice_file.clinician_details(PRACTICE, "fr"),
        "PRACTICE_REGION": PRACTICE.get("french", {}).get("region", PRACTICE_REGION),
        # Short enough for one header row (the button) and the phone's navigation row (the link).
        "CONSULTATION_LABEL": "Consultation gratuite de 15 minutes",
        "CONSULTATION_SHORT_LABEL": "Rendez-vous",
        "CONSULTATION_BLURB": (
            "Un court appel gratuit, par téléphone ou en vidéo, pour voir si travailler ensemble pourrait aider."
        ),
        # One robots.txt, at the root (it names both sitemaps' pages).
        "DIRECT_TEMPLATES": [name for name in DIRECT_TEMPLATES if name != "robots"],
        # As neutral as the English one, in the reader's language (practice.toml [french] exit_url).
        "EXIT_URL": PRACTICE.get("french", {}).get("exit_url", EXIT_URL),
        "LEARNING_PATH": [
            ("Comprendre la confiance", "Ce qu'est la confiance, comment elle grandit, et les façons dont elle peut se fissurer."),
            ("Les répercussions", "Pourquoi la confiance blessée fait si mal, et comment cela se voit au quotidien."),
            ("Réparer et rebâtir", "Comment les couples rebâtissent la confiance, étape par étape, et quand il n'est pas sûr d'essayer."),
        ],
    },
}
