"""The page crawler: what one page of the built site weighs, with what it loads from the site."""

import functools
import gzip
import runpy
import sys
from pathlib import Path

from . import SETTINGS

def gzipped(data):
    return len(gzip.compress(data, compresslevel=6, mtime=0))


@functools.cache
def importable_plugins():
    """The page scanner lives with the plugins: put PLUGIN_PATHS on the import path, as Pelican
    itself does when it loads them (the bench's own process reads no settings otherwise)."""
    for folder in runpy.run_path(str(SETTINGS)).get("PLUGIN_PATHS") or []:
        path = str((SETTINGS.parent / folder).resolve())
        if path not in sys.path:
            sys.path.insert(0, path)


def weigh(output, name):
    """Bytes, gzipped bytes and requests of one page and the same-origin files it loads."""
    importable_plugins()
    from page_scan import page_files

    page = Path(output) / name
    html = page.read_bytes()
    files, missing = page_files(output, page)
    assets = [path.read_bytes() for path in files]
    return {
        "html": len(html), "html_gzip": gzipped(html),
        "bytes": len(html) + sum(map(len, assets)), "gzip": gzipped(html) + sum(map(gzipped, assets)),
        "requests": 1 + len(assets), "missing": missing,
    }


