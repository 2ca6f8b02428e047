"""The site owner's mistakes, for this site's own plugins and tools.

The classes live in the installed reflection-checklists package (so its errors and ours
are one family); this module only gives this site's plugins a short import. Each plugin
raises its own `SettingsError` subclass with a message that starts with the setting's name
(`CHECKLIST_...`, `CONSULTATION_...`, `LEARNING_PATH ...`) and says what to write instead;
Markdown mistakes raise markdown_blocks.AuthoringError, which names the line.
"""

from pelican.plugins.reflection_checklists.errors import OwnerError, SettingsError

__all__ = ["OwnerError", "SettingsError"]
