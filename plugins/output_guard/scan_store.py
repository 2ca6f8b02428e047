"""The written-page scans kept from one build to the next.

`make html` after an edit leaves most pages as they were (markdown_reader's page cache): a file
whose size, modification time and inode are those it had when it was scanned is not read and
scanned again; its findings (privacy and page policy) are taken as they were, and reported
again. Kept in Pelican's cache folder (CACHE_PATH as the build starts, before the content cache
points it at a folder of its own) when the content cache is on, under a name that changes with
the scanner's code, so a changed rule scans every page afresh. Written whole (`os.replace`);
a file that cannot be read only means every page is scanned.
"""

import hashlib
import logging
import os
import pickle
import uuid
from pathlib import Path

logger = logging.getLogger(__name__)

PLUGINS = Path(__file__).resolve().parents[1]


def code_digest():
    """The scanner's and the checks' code: page_scan and output_guard."""
    digest = hashlib.sha256()
    for folder in (PLUGINS / "page_scan", PLUGINS / "output_guard"):
        for path in sorted(folder.glob("*.py")):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def store_path(settings):
    """Where this build keeps its scans, or None when the content cache is off."""
    if not (settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE") and settings.get("CACHE_PATH")):
        return None
    return os.path.join(settings["CACHE_PATH"], f"output-scans-{code_digest()}")


def load(path):
    """{(file, site origin): ((size, modification time, inode), findings)}, or {}."""
    if not path:
        return {}
    try:
        with open(path, "rb") as stored:
            scans = pickle.load(stored)
        return scans if isinstance(scans, dict) else {}
    except FileNotFoundError:
        return {}
    except Exception as error:  # noqa: BLE001 - a cut-off or old file: every page is scanned
        logger.debug("output_guard: scans not read (%s)", error)
        return {}


def save(path, scans):
    if not path:
        return
    staged = f"{path}.{uuid.uuid4().hex}"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(staged, "wb") as stored:
            pickle.dump(scans, stored, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(staged, path)
    except OSError as error:
        logger.debug("output_guard: scans not kept (%s)", error)
        if os.path.exists(staged):
            os.remove(staged)
