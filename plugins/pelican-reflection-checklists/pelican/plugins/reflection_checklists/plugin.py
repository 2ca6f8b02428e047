"""Pelican glue: the checklist settings become the Markdown extension's configuration.

Any Markdown reader Pelican uses applies the extension (this project's own reader, in
its plugins folder, also names the file and line of a checklist mistake).
"""

from pelican import signals

from . import assets, reader_errors
from .settings import checked_settings, extension_config

EXTENSION = "pelican.plugins.reflection_checklists.checklist"


def configure(pelican):
    values = checked_settings(pelican.settings)
    pelican.settings.update(values)
    config = extension_config(values)
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
