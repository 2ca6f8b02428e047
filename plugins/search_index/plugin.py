"""Run Pagefind over the finished output so /search/ works without any server.

Pagefind reads the pages that carry `data-pagefind-body` (article and page
bodies) and writes its index and its search UI into `<output>/pagefind/`.
Everything stays on this site: nothing is fetched from another origin.

Setting: SEARCH_INDEX (default True). Set it to False for quick drafts; the
search page then tells readers to browse the archives instead.
"""

import json
import logging
import shutil
import subprocess
import sys
from pathlib import Path

from pelican import signals

logger = logging.getLogger(__name__)

DEFAULTS = {"SEARCH_INDEX": True}


def check_settings(pelican):
    value = pelican.settings.setdefault("SEARCH_INDEX", DEFAULTS["SEARCH_INDEX"])
    if not isinstance(value, bool):
        logger.error("search_index: SEARCH_INDEX must be True or False; it is %r.", value)


def pagefind_command(output_path):
    return [sys.executable, "-m", "pagefind", "--site", str(output_path)]


def build_index(pelican):
    if pelican.settings.get("SEARCH_INDEX") is not True:
        return
    if pelican.settings.get("DEFAULT_LANG") in (pelican.settings.get("I18N_SUBSITES") or {}):
        return  # another language's site, inside the main run: the main site indexes them all
    command = pagefind_command(pelican.output_path)
    # A new index replaces the last one whole: Pagefind names its files after their content, so
    # the last build's files would stay beside the new ones, unused, build after build.
    shutil.rmtree(Path(pelican.output_path) / "pagefind", ignore_errors=True)
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        logger.error("search_index: could not run Pagefind (%s). Install it with "
                     "`pip install 'pagefind[bin]'`, or set SEARCH_INDEX = False.", error)
        return
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        errors = [line for line in output.splitlines() if line.startswith("Error") or "No module named" in line]
        hint = " Install it with `pip install 'pagefind[bin]'`." if "No module named" in output else ""
        logger.error("search_index: Pagefind failed (exit %s) indexing %s: %s.%s", result.returncode,
                     pelican.output_path, " ".join(dict.fromkeys(errors)).rstrip(". ") or output[-1000:], hint)
        return
    if "Did not find a data-pagefind-body" in output:
        logger.warning("search_index: no page in %s marks its text with data-pagefind-body, so Pagefind "
                     "indexed whole pages, menus included. Keep the attribute on the article templates.",
                     pelican.output_path)
        return
    sort_entry_file(Path(pelican.output_path) / "pagefind" / "pagefind-entry.json")
    logger.info("search_index: Pagefind index written to %s/pagefind", pelican.output_path)
    logger.debug("search_index: %s", output)


def sort_entry_file(path):
    """Pagefind lists the index's languages in no fixed order; sorted, the same site gives the
    same file (reproducible builds, and the devserver's check against a clean build)."""
    if path.is_file():
        entry = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(entry, sort_keys=True, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def register():
    signals.initialized.connect(check_settings)
    signals.finalized.connect(build_index)
