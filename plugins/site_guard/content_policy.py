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


# An attribute starts after a space, a slash or a quote (as Python's HTMLParser reads it).
RE_MAYBE_ATTRIBUTE = re.compile(r"""[\s/'"](?:on[a-z]+|style)\s*=""")
RE_CHARACTER_REFERENCE = re.compile(r"&[a-z#]")


def might_be_blocked(html):
    """False only when the HTML cannot hold markup the policy blocks, so the full parse (the
    page scanner) is skipped, the usual case on a large site. A character reference could
    spell `javascript:`, so any one sends the page to the full parse."""
    text = html.lower()
    return ("<script" in text or "javascript" in text or RE_CHARACTER_REFERENCE.search(text) is not None
            or RE_MAYBE_ATTRIBUTE.search(text) is not None)


def problems(html, source_path, content_root):
    """(line or None, message) for each thing wrong in one article's or page's HTML."""
    blocked = scan_html(html).blocked if might_be_blocked(html) else []
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
