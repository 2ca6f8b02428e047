"""The plugin's settings: one prefix, defaults in one place, checked at start-up."""

import difflib

from . import errors
from .checklist import ReflectionChecklistExtension

PREFIX = "CHECKLIST_"

# Texts (and the storage namespace and help link) default to the Markdown extension's own
# defaults, so both stay in step. `assets_url` and `language` (DEFAULT_LANG) are the plugin's to set.
TEXT_SETTINGS = {
    f"{PREFIX}{key.upper()}": value
    for key, (value, _help) in ReflectionChecklistExtension().config.items()
    if isinstance(value, str) and key not in ("assets_url", "language")
}
DEFAULTS = {
    **TEXT_SETTINGS,
    # Link the plugin's own stylesheet and script from pages with a checklist; a theme that
    # bundles static/*.js and checklist.css itself sets this to False.
    f"{PREFIX}INCLUDE_ASSETS": True,
    # Ids the theme gives every page around the article, which a checklist must not reuse.
    f"{PREFIX}PAGE_IDS": (),
}
# May be left empty (HELP_URL: the build then refuses a checklist with a safety item, naming its line).
OPTIONAL = {f"{PREFIX}HELP_URL", f"{PREFIX}LOCALE_DIR"}


class SettingsError(errors.SettingsError):
    """A setting a site owner must fix."""


def checked_settings(settings):
    """Return the plugin's settings with defaults filled in, or raise SettingsError."""
    for name in settings:
        if name.startswith(PREFIX) and name not in DEFAULTS:
            close = difflib.get_close_matches(name, DEFAULTS, n=1)
            hint = f" Did you mean {close[0]}?" if close else ""
            raise SettingsError(
                f"reflection_checklists: unknown setting {name} in your settings file.{hint} "
                f"Known settings: {', '.join(sorted(DEFAULTS))}."
            )
    values = {name: settings.get(name, default) for name, default in DEFAULTS.items()}
    if not isinstance(values[f"{PREFIX}INCLUDE_ASSETS"], bool):
        raise SettingsError(f"reflection_checklists: {PREFIX}INCLUDE_ASSETS must be True or False, "
                            f"not {values[PREFIX + 'INCLUDE_ASSETS']!r}.")
    page_ids = values[f"{PREFIX}PAGE_IDS"]
    if not isinstance(page_ids, (list, tuple)) or not all(isinstance(item, str) for item in page_ids):
        raise SettingsError(f"reflection_checklists: {PREFIX}PAGE_IDS must be a list of ids (texts), e.g. "
                            f"[\"main\", \"related-title\"]; it is {page_ids!r}.")
    for name in TEXT_SETTINGS:
        value = values[name]
        if not isinstance(value, str) or (not value.strip() and name not in OPTIONAL):
            raise SettingsError(f"reflection_checklists: {name} must be a non-empty text, not {value!r}.")
    count = values[f"{PREFIX}COUNT_TEXT"]
    if "{ticked}" not in count or "{total}" not in count:
        raise SettingsError(f"reflection_checklists: {PREFIX}COUNT_TEXT must keep {{ticked}} and {{total}}, "
                            f"e.g. \"{{ticked}} of {{total}} ticked\"; it is {count!r}.")
    if not all(char.isalnum() or char in "-_" for char in values[f"{PREFIX}STORAGE_NAMESPACE"]):
        raise SettingsError(
            f"reflection_checklists: {PREFIX}STORAGE_NAMESPACE may only use letters, digits, '-' and '_'."
        )
    return values


def extension_config(values):
    """The Markdown extension's configuration for these settings."""
    config = {name[len(PREFIX):].lower(): value for name, value in values.items() if name in TEXT_SETTINGS}
    config["page_ids"] = list(values.get(f"{PREFIX}PAGE_IDS", ()))
    return config
