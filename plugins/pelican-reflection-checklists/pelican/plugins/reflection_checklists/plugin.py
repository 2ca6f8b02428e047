"""Pelican glue: the checklist settings become the Markdown extension's configuration.

Any Markdown reader Pelican uses applies the extension (this project's own reader, in
its plugins folder, also names the file and line of a checklist mistake).
"""

import logging
import os
import re
from pathlib import Path

from pelican import signals

from . import assets, reader_errors
from .errors import BuildFailed
from .checklist import UNTRANSLATED
from .i18n import gettext_for
from .settings import TEXT_SETTINGS, checked_settings, extension_config

logger = logging.getLogger(__name__)

EXTENSION = "pelican.plugins.reflection_checklists.checklist"
RE_CONTENT_LINK = re.compile(r"^\{(?:filename|static)\}/?(?P<path>[^#?]+)")
UNTRANSLATED_SETTINGS = {f"CHECKLIST_{key.upper()}" for key in UNTRANSLATED}


def configure(pelican):
    values = checked_settings(pelican.settings)
    # Texts the site did not set come from the plugin's catalog for the site's language, in
    # the settings too, so a theme can show them (e.g. a page gathering every checklist).
    language = pelican.settings.get("DEFAULT_LANG", "en")
    _ = gettext_for(language, values["CHECKLIST_LOCALE_DIR"])
    for name, english in TEXT_SETTINGS.items():
        if values[name] == english and name not in UNTRANSLATED_SETTINGS:
            values[name] = _(english)
    pelican.settings.update(values)
    config = extension_config(values)
    config["language"] = language
    if values["CHECKLIST_INCLUDE_ASSETS"]:
        config["assets_url"] = assets.assets_url(pelican.settings)
    markdown = dict(pelican.settings.get("MARKDOWN") or {})
    configs = dict(markdown.get("extension_configs") or {})
    configs[EXTENSION] = {**configs.get(EXTENSION, {}), **config}
    markdown["extension_configs"] = configs
    pelican.settings["MARKDOWN"] = markdown


def check_help_page(pelican):
    """A CHECKLIST_HELP_URL written as a link to a content file must name one that exists:
    Pelican would only warn and ship the `{filename}` text as the link of every safety panel."""
    url = pelican.settings.get("CHECKLIST_HELP_URL") or ""
    found = RE_CONTENT_LINK.match(url)
    if found and not os.path.isfile(os.path.join(pelican.settings["PATH"], found.group("path"))):
        pages = sorted(path.relative_to(pelican.settings["PATH"]).as_posix()
                       for path in Path(pelican.settings["PATH"]).glob("pages/*.md"))
        example = f", e.g. CHECKLIST_HELP_URL = \"{{filename}}/{pages[0]}\"" if pages else ""
        logger.error("reflection_checklists: CHECKLIST_HELP_URL is %r, but %s does not exist. Write the help "
                     "page there, or point the setting at the page you have%s.", url,
                     os.path.join(os.path.relpath(pelican.settings["PATH"]), found.group("path")), example)
        reader_errors.reported.add("CHECKLIST_HELP_URL")  # once, though each language's run checks it


def fail_on_reported_mistakes(pelican):
    if reader_errors.reported:
        count = len(reader_errors.reported)
        reader_errors.reported.clear()
        raise BuildFailed(f"reflection_checklists: {count} checklist problem(s) named above; fix them and "
                          "build again.")


def write_assets(pelican):
    if pelican.settings.get("CHECKLIST_INCLUDE_ASSETS"):
        assets.write_assets(pelican.settings["OUTPUT_PATH"], pelican.settings.get("THEME_STATIC_DIR", "theme"))


def register():
    signals.initialized.connect(configure)
    signals.initialized.connect(check_help_page)
    signals.readers_init.connect(reader_errors.wrap_markdown_readers)
    signals.finalized.connect(write_assets)
    signals.finalized.connect(fail_on_reported_mistakes)
