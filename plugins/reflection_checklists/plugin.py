"""Pelican glue: the checklist settings become the Markdown extension's configuration.

The Markdown files themselves are read by plugins/markdown_reader, which names
the file and line of a checklist mistake and records `has_checklist`.
"""

from pelican import signals

from .settings import checked_settings, extension_config

EXTENSION = "reflection_checklists.checklist"


def configure(pelican):
    values = checked_settings(pelican.settings)
    pelican.settings.update(values)
    markdown = dict(pelican.settings.get("MARKDOWN") or {})
    configs = dict(markdown.get("extension_configs") or {})
    configs[EXTENSION] = {**configs.get(EXTENSION, {}), **extension_config(values)}
    markdown["extension_configs"] = configs
    pelican.settings["MARKDOWN"] = markdown


def register():
    signals.initialized.connect(configure)
