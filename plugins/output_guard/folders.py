"""Which files may be published, and which folders may never receive the output.

Pure functions, no Pelican: tools/publish.py uses them before it builds anything.
"""

import fnmatch
import functools
import os
import re
from pathlib import Path

# A browser editor's own files (Decap CMS; `make edit` keeps its copy in tools/editor): its
# configuration says where the site's files are and how they are written, and its code runs the
# editor. Decap's usual set-up puts them in an `admin/` folder beside the site's files; copied
# into content/, they are still never read, copied or published.
EDITOR_FILES = ("config.yml", "config.yaml", "*decap-cms.js", "*decap-cms.js.map", "*netlify-cms.js",
                "*netlify-cms.js.map")
# Hidden files and folders, editor backups and lock files, and the editor's files: never read,
# copied or published. (pelicanconf.py uses this list as IGNORE_FILES; Pelican matches it
# against bare names.)
NEVER_PUBLISHED = (
    ".*", "*~", "#*#", "~$*", "*.swp", "*.swo", "*.swx", "*.bak", "*.orig", "*.rej", "*.tmp",
    "*.part", "*.crdownload", "Thumbs.db", "desktop.ini", "__pycache__", "*.pyc", *EDITOR_FILES,
)


def is_editor_file(relative_path):
    return never_published(relative_path, EDITOR_FILES)


@functools.lru_cache(maxsize=16)
def name_pattern(patterns):
    """The shell-style `patterns` as one regular expression, matched as fnmatch.fnmatch does
    (ignoring case where the file system does): one match per name instead of one per pattern."""
    flags = re.IGNORECASE if os.path.normcase("A") == "a" else 0
    return re.compile("|".join(fnmatch.translate(pattern) for pattern in patterns), flags)


def never_published(relative_path, patterns=NEVER_PUBLISHED):
    """True when any part of `relative_path` (a hidden folder, a backup file...) matches."""
    matches = name_pattern(tuple(patterns)).match
    return any(matches(part) for part in Path(relative_path).parts if part not in (".", ".."))


def is_within(path, folder):
    path, folder = os.path.realpath(path), os.path.realpath(folder)
    return os.path.commonpath([path, folder]) == folder


def unsafe_output(output, protected):
    """Why `output` must not receive a build, or None.

    `protected` maps a plain name ("the content folder") to a path. Publishing empties the
    output folder and renames it, so it must not be, nor hold, any of them; and building into
    the content or the theme would read the site's own pages back as sources.
    """
    output = os.path.realpath(output)
    for name, path in protected.items():
        if not path:
            continue
        if is_within(path, output):
            return (f"the output folder {output} is, or holds, {name} ({os.path.realpath(path)}): building "
                    "there would delete or overwrite it")
        if os.path.isdir(path) and is_within(output, path) and name in ("the content folder", "the theme"):
            return f"the output folder {output} is inside {name} ({os.path.realpath(path)})"
    return None


def protected_folders(project_root, content=None, theme=None, settings_file=None):
    root = Path(project_root)
    return {
        "the project folder": root,
        "the project's .git folder": root / ".git" if (root / ".git").exists() else None,
        "the content folder": content,
        "the theme": theme,
        "the settings file": settings_file,
    }


def unpublishable_files(output):
    """Relative paths under `output` that must never be published (hidden files, backups, the
    editor's files)."""
    found = []
    for folder, dirs, files in os.walk(output):
        for name in dirs + files:
            relative = os.path.relpath(os.path.join(folder, name), output)
            if never_published(name):
                found.append(relative)
        dirs[:] = [name for name in dirs if not never_published(name)]
    return sorted(found)
