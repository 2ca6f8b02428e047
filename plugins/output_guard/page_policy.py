"""One markup policy over every written page and SVG file, whatever wrote it.

Article bodies are checked as they are read (site_guard.content_policy), but a page is also
made of templates, translations and settings. After the whole site is written, each .html
and .svg file in the output is read once and refused if it holds what the shipped
Content-Security-Policy would block or cannot cover (the same scan finds its loads from other
websites: plugins/output_guard/plugin.py reports both): a script other than the site's own
files, an event handler, a `style` attribute or element, a `javascript:` URL in any
attribute, a `<meta http-equiv=refresh>` that leaves the site, or a form that sends
elsewhere. An SVG file may hold styles but no script at all: opened on its own, on a host that sends
no headers (GitHub Pages), its script would run on the site's origin and could read the
reader's saved answers.
"""

from pathlib import Path

WHY = {
    "script": "a script that is not one of the site's own files",
    "handler": "an event handler attribute",
    "style": "a style attribute",
    "style element": "a <style> element",
    "javascript": "a javascript: address",
    "refresh": "a <meta http-equiv=refresh> that sends readers to another website",
    "form": "a form that sends to another website",
}


def blocked_in(scan, svg=False):
    """[(kind, snippet)] of one written file's scan (page_scan.scan_html), each once, in order."""
    found = scan.blocked
    if svg:  # an image's own styles cannot run anything; its scripts and links can
        found = [(kind, snippet) for kind, snippet in found if kind not in ("style", "style element")]
    return list(dict.fromkeys(found))


def find_line(files, snippet):
    """`file:line` of the first line holding `snippet` (case-insensitive) in `files`, or None."""
    needle = snippet.lower()
    for path in files:
        try:
            lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        for number, line in enumerate(lines, start=1):
            if needle in line.lower():
                return f"{path}:{number}"
    return None
