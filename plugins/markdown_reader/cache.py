"""Pelican's content cache (CACHE_CONTENT, reader layer), kept safe to use.

Pelican keeps what each reader returned (the body's HTML and the metadata, this reader's page
facts included) in CACHE_PATH and uses it again for a file whose stamp has not changed. Pelican
itself does not notice a change to the settings, the plugins, the libraries or the translation
catalogs, and it writes its cache files in place, so a build that is stopped while writing, or
two builds at once, can leave a cut-off file that every later build then fails to load. So, on
each run (`get_generators`, before the generators load the cache, to `finalized`):

- the run's CACHE_PATH is a folder named after a fingerprint of what reading depends on (the
  settings, except the output and cache folders; the plugins' code and catalogs; the installed
  packages' versions), so any change to those starts from an empty cache;
- the run reads and writes a private copy of that folder, copied back file by file with
  `os.replace` when the run ends, so a cache file is always whole;
- old fingerprint folders and the copies of runs that never ended are removed.

Only the reader layer (CONTENT_CACHING_LAYER = "reader", Pelican's default) is handled:
tools/devserver keeps its own generator-layer cache, in its own folder.
"""

import hashlib
import importlib.metadata
import json
import logging
import os
import re
import shutil
import sys
import time
import uuid
import weakref
from pathlib import Path

logger = logging.getLogger(__name__)

# Settings that name where a run writes, not what it reads.
NOT_FINGERPRINTED = {"OUTPUT_PATH", "CACHE_PATH"}
FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")
PRIVATE_PREFIX = ".run-"
KEEP_FOLDERS = 10          # fingerprint folders kept (the most recently used)...
KEEP_SECONDS = 10 * 60     # ...and any used this recently (a build may be running with it)
STALE_RUN_SECONDS = 60 * 60  # a private copy this old belongs to a run that never ended

_runs = weakref.WeakKeyDictionary()  # Pelican instance -> {"base": ..., "folder": ..., "private": ...}


def managed(settings):
    return bool(settings.get("CACHE_CONTENT")) and settings.get("CONTENT_CACHING_LAYER", "reader") == "reader"


def plain(value):
    """`value` as JSON-able data, in a stable order; objects are named by their type."""
    if isinstance(value, dict):
        return [[repr(key), plain(item)] for key, item in sorted(value.items(), key=lambda pair: repr(pair[0]))
                if key not in NOT_FINGERPRINTED]
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted(repr(item) for item in value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, Path):
        return str(value)
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    return type(value).__qualname__  # made by a plugin from settings that are fingerprinted


def add_files(digest, folder, suffixes=(".py", ".mo")):
    """The code and catalog files under `folder`, by content: `make html` compiles the catalogs
    again on every run, so their modification times change when their content does not."""
    for root, folders, files in os.walk(folder):
        # Packaging output (pip's `build/`, `dist/`, `*.egg-info`) is rewritten by every install of the
        # checklist package and never imported from here: the installed copy is fingerprinted itself.
        folders[:] = sorted(name for name in folders if name not in ("__pycache__", "build", "dist")
                            and not name.startswith(".") and not name.endswith(".egg-info"))
        for name in sorted(files):
            if name.endswith(suffixes):
                path = os.path.join(root, name)
                digest.update(path.encode())
                with open(path, "rb") as source:
                    digest.update(hashlib.sha256(source.read()).digest())


def fingerprint(settings):
    """What a reader's output depends on, besides the file itself."""
    digest = hashlib.sha256()
    digest.update(json.dumps(plain(dict(settings))).encode())
    folders = [*(settings.get("PLUGIN_PATHS") or []), *(settings.get("LOCALE_PATHS") or [])]
    if settings.get("I18N_GETTEXT_LOCALEDIR"):
        folders.append(settings["I18N_GETTEXT_LOCALEDIR"])
    # Installed plugins (the checklist package), with their catalogs.
    for name, module in list(sys.modules.items()):
        if name.startswith("pelican.plugins.") and name.count(".") == 2 and getattr(module, "__file__", None):
            folders.append(os.path.dirname(module.__file__))
    for folder in sorted({os.path.abspath(str(folder)) for folder in folders}):
        if os.path.isdir(folder):
            add_files(digest, folder)
    digest.update(sys.version.encode())
    versions = sorted(f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions())
    digest.update("\n".join(versions).encode())
    return digest.hexdigest()[:16]


def remove_old(base):
    """Fingerprint folders beyond the most recently used, and private copies of runs long gone."""
    try:
        entries = [entry for entry in os.scandir(base) if entry.is_dir() and FINGERPRINT.match(entry.name)]
    except OSError:
        return
    now = time.time()
    entries.sort(key=lambda entry: entry.stat().st_mtime, reverse=True)
    for entry in entries[KEEP_FOLDERS:]:
        if now - entry.stat().st_mtime > KEEP_SECONDS:
            shutil.rmtree(entry.path, ignore_errors=True)
    for entry in entries[:KEEP_FOLDERS]:
        # Private copies, and files being copied back, of runs that never ended.
        for left in os.scandir(entry.path):
            if left.name.startswith(".") and now - left.stat().st_mtime > STALE_RUN_SECONDS:
                if left.is_dir():
                    shutil.rmtree(left.path, ignore_errors=True)
                else:
                    os.remove(left.path)


def start_run(pelican):
    """`get_generators`: point this run's CACHE_PATH at a private copy of its fingerprint's folder."""
    if not managed(pelican.settings):
        return None
    try:
        use_private_copy(pelican)
    except OSError as error:
        # The cache only saves time: Pelican is left to use CACHE_PATH as it is.
        logger.debug("markdown_reader: no private copy of the content cache (%s)", error)
    return None  # no generator of its own


def use_private_copy(pelican):
    settings = pelican.settings
    run = _runs.setdefault(pelican, {"base": settings["CACHE_PATH"]})
    finish_run(pelican)  # a run of this Pelican that did not end (an exception): forget its copy
    folder = os.path.join(run["base"], fingerprint(settings))
    private = os.path.join(folder, PRIVATE_PREFIX + uuid.uuid4().hex)
    os.makedirs(private)
    os.utime(folder)  # used now (remove_old keeps the most recently used)
    for entry in os.scandir(folder):
        if entry.is_file() and not entry.name.startswith("."):
            shutil.copy2(entry.path, os.path.join(private, entry.name))
    run.update(folder=folder, private=private)
    settings["CACHE_PATH"] = private
    remove_old(run["base"])


def finish_run(pelican, keep=False):
    """Copy the run's cache files back into its fingerprint's folder (each replaced whole)."""
    run = _runs.get(pelican)
    if not run or not run.get("private"):
        return
    private, folder = run.pop("private"), run["folder"]
    if keep and os.path.isdir(private):
        for entry in os.scandir(private):
            if entry.is_file():
                staged = os.path.join(folder, f".{entry.name}.{uuid.uuid4().hex}")
                shutil.copy2(entry.path, staged)
                os.replace(staged, os.path.join(folder, entry.name))
    shutil.rmtree(private, ignore_errors=True)
    pelican.settings["CACHE_PATH"] = run["base"]


def end_run(pelican):
    """`finalized`: the run wrote its whole site, and its cache."""
    try:
        finish_run(pelican, keep=True)
    except OSError as error:
        # The cache only saves time: a build is not failed for it.
        logger.debug("markdown_reader: the content cache was not kept (%s)", error)
