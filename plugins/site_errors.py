"""The site owner's mistakes: one base class, so the build reports them by class, without a traceback.

Not a Pelican plugin: a module the plugins, the settings files and tools.build
share. Each plugin raises its own `SettingsError` subclass with a message that
starts with the setting's name (`CHECKLIST_...`, `CONSULTATION_...`,
`LEARNING_PATH ...`) and says what to write instead; Markdown mistakes raise
markdown_blocks.AuthoringError, which names the line.
"""


class OwnerError(Exception):
    """A mistake the site owner fixes; the message says where, and what to write instead."""


class SettingsError(OwnerError):
    """A setting (or a settings file) the site owner must fix."""
