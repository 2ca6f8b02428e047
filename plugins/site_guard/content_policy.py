"""What an article or page may hold: nothing the shipped Content-Security-Policy would block,
and no internal link to a file that does not exist.

The policy (`CONTENT_SECURITY_POLICY`, deploy/_headers) allows no inline script, no event
handler attribute, no `style=` attribute and no `javascript:` link. In the browser such
markup is silently dead, so the build stops instead, naming the file and line. Pelican only
warns about a `{filename}` link to a missing file, without saying which file holds it.
"""

import os
import re

from page_scan import scan_html
from page_scan.scan import has_attribute, might_hold_handler_or_script_url

RE_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
# An internal link's target, after `href=` or `src=` (checked by `internal_links`: a pattern
# that starts with `=` lets the regex engine jump between candidates, several times faster).
RE_INTERNAL_LINK = re.compile(r"""=["']\{(filename|static|attach)\}([^"'#?]+)""")
FIXES = {
    "script": "scripts belong in the theme (theme/assets/js), never in an article",
    "handler": "the page's script cannot run it: remove the attribute",
    "style": "put the style in theme/assets/css and give the element a class instead",
    "javascript": "link to a page or an address instead",
    "style element": "put the style in theme/assets/css and give the element a class instead",
    "refresh": "a page must not send readers elsewhere on its own: write a link they can choose to follow",
    "form": "a form may only send to this site: remove the form, or link to the other site instead",
}


def source_line(source_lines, snippet):
    """The first line outside a code fence holding `snippet` (case-insensitive), or None."""
    fence = None
    needle = snippet.lower()
    for number, line in enumerate(source_lines, start=1):
        opening = RE_FENCE.match(line)
        if opening:
            mark = opening.group(1)[0]
            fence = None if fence == mark else (fence or mark)
            continue
        if fence is None and needle in line.lower():
            return number
    return None


# A style, form-target or http-equiv attribute (the words alone, e.g. a class named
# `help-card__actions`, are no reason for the full parse). Each pattern starts with its own
# letters, so the regex engine jumps between candidates; `has_attribute` checks the character
# before. Handlers and script URLs are the page scanner's own quick look.
RE_MAYBE_ATTRIBUTE_NAMES = (re.compile(r"style\s*="), re.compile(r"action\s*="), re.compile(r"formaction\s*="),
                            re.compile(r"http-equiv\s*="))


def might_be_blocked(markup):
    """False only when the HTML cannot hold markup the policy blocks, so the full parse (the
    page scanner) is skipped, the usual case on a large site."""
    text = markup.lower()
    return ("<script" in text or "<style" in text or any(has_attribute(text, name) for name in RE_MAYBE_ATTRIBUTE_NAMES)
            or might_hold_handler_or_script_url(markup))


def internal_links(markup):
    """Each `{filename}`, `{static}` or `{attach}` target in `href=` or `src=`, once, in order."""
    return list(dict.fromkeys(found.group(2) for found in RE_INTERNAL_LINK.finditer(markup)
                              if markup.endswith(("href", "src"), 0, found.start())))


def problems(markup, source_path, content_root):
    """(line or None, message) for each thing wrong in one article's or page's HTML."""
    blocked = scan_html(markup).blocked if might_be_blocked(markup) else []
    missing, outside = [], []
    root = os.path.realpath(content_root)
    for target in internal_links(markup):
        path = os.path.join(content_root if target.startswith("/") else os.path.dirname(source_path),
                            target.lstrip("/"))
        if os.path.commonpath([root, os.path.realpath(path)]) != root:
            outside.append(target)  # Pelican would copy it beside the site, or publish it
        elif not os.path.exists(path):
            missing.append(target)
    if not blocked and not missing and not outside:
        return []  # the usual case: the source is not read a second time
    with open(source_path, encoding="utf-8", errors="replace") as source:
        lines = source.read().splitlines()
    found = []
    for kind, snippet in dict.fromkeys(blocked):
        line = source_line(lines, snippet)
        found.append((line, f"`{snippet}` would be blocked by the site's Content-Security-Policy, "
                            f"so it would not work for readers: {FIXES[kind]}."))
    for target in outside:
        found.append((source_line(lines, target),
                      f"the link to `{target}` points outside the {os.path.relpath(content_root)} folder, and "
                      "only files inside it can be published. Copy the file into "
                      f"{os.path.relpath(content_root)}/images/ and link to it there."))
    for target in missing:
        line = source_line(lines, target)
        where = f"`{target}`" if line else f"`{target}` (a link the site adds, e.g. in a safety panel)"
        found.append((line, f"the link to {where} points to a file that does not exist in "
                            f"{os.path.relpath(content_root)}. Check the spelling, or add that file."))
    return found
