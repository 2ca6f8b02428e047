"""The site owner's mistakes: one base class, so a build can report them without a traceback.

Every setting mistake raises `SettingsError` with a message that starts with the setting's
name and says what to write instead; a Markdown mistake raises
`markdown_blocks.AuthoringError`, which names the file and line. Both are `OwnerError`s, so
a build script (or another plugin) catches one class.
"""


class OwnerError(Exception):
    """A mistake the site owner fixes; the message says where, and what to write instead."""


class SettingsError(OwnerError):
    """A setting (or a settings file) the site owner must fix."""


class BuildFailed(OwnerError):
    """Raised when a build is over if checklist mistakes were logged during it, so that a plain
    `pelican` run exits non-zero (Pelican only logs a file it could not read). Each mistake was
    already reported: a build script that counts logged errors need not report this one."""

    already_reported = True
