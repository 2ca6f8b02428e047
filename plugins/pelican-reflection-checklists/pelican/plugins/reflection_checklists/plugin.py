"""Pelican glue: the checklist settings become the Markdown extension's configuration.

Any Markdown reader Pelican uses applies the extension (this project's own reader, in
its plugins folder, also names the file and line of a checklist mistake).
"""

from pelican import signals

from . import assets, reader_errors
from .checklist import UNTRANSLATED
from .i18n import gettext_for
from .settings import TEXT_SETTINGS, checked_settings, extension_config

EXTENSION = "pelican.plugins.reflection_checklists.checklist"
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


def write_assets(pelican):
    if pelican.settings.get("CHECKLIST_INCLUDE_ASSETS"):
        assets.write_assets(pelican.settings["OUTPUT_PATH"], pelican.settings.get("THEME_STATIC_DIR", "theme"))


def register():
    signals.initialized.connect(configure)
    signals.readers_init.connect(reader_errors.wrap_markdown_readers)
    signals.finalized.connect(write_assets)
