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

RE_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
RE_INTERNAL_LINK = re.compile(r"""(?:href|src)=["']\{(filename|static|attach)\}([^"'#?]+)""")
FIXES = {
    "script": "scripts belong in the theme (theme/assets/js), never in an article",
    "handler": "the page's script cannot run it: remove the attribute",
    "style": "put the style in theme/assets/css and give the element a class instead",
    "javascript": "link to a page or an address instead",
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


# Markup the policy could block always holds one of these (a character reference can spell
# `javascript:`, so any `&#` or `&colon;` counts too); without any, the page scanner (a full
# HTML parse) has nothing to find, which is the usual case on a large site.
RE_MAYBE_BLOCKED = re.compile(r"<script|\son[a-z]+\s*=|\sstyle\s*=|javascript|&#|&colon;", re.IGNORECASE)


def problems(html, source_path, content_root):
    """(line or None, message) for each thing wrong in one article's or page's HTML."""
    blocked = scan_html(html).blocked if RE_MAYBE_BLOCKED.search(html) else []
    missing = [target for _, target in dict.fromkeys(RE_INTERNAL_LINK.findall(html))
               if not os.path.exists(os.path.join(content_root if target.startswith("/") else
                                                  os.path.dirname(source_path), target.lstrip("/")))]
    if not blocked and not missing:
        return []  # the usual case: the source is not read a second time
    with open(source_path, encoding="utf-8", errors="replace") as source:
        lines = source.read().splitlines()
    found = []
    for kind, snippet in dict.fromkeys(blocked):
        line = source_line(lines, snippet)
        found.append((line, f"`{snippet}` would be blocked by the site's Content-Security-Policy, "
                            f"so it would not work for readers: {FIXES[kind]}."))
    for target in missing:
        line = source_line(lines, target)
        where = f"`{target}`" if line else f"`{target}` (a link the site adds, e.g. in a safety panel)"
        found.append((line, f"the link to {where} points to a file that does not exist in "
                            f"{os.path.relpath(content_root)}. Check the spelling, or add that file."))
    return found
