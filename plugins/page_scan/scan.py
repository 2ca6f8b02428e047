"""What a page makes the browser load, and the markup the site's CSP would block: one pass.

Pure functions over text: nothing here imports Pelican. A load is
`(kind, url)`; links a reader clicks (`<a href>`, `<link rel=canonical>`,
`<link rel=alternate>`) are not loads and are ignored. A blocked piece of
markup is `(kind, snippet)`: a `<script>` (other than JSON-LD data), an `on…=`
handler, a `style=` attribute or `<style>` element, a `javascript:` (or `vbscript:`)
URL in any attribute, SVG's included, a `<meta http-equiv=refresh>` that leaves the
site, or a form that sends to another website. In an article any `<script>` is listed,
with or without `src` (scripts belong in the theme); on a whole page (`whole_page=True`)
a script loaded from the site itself is the site's own and allowed.
"""

import functools
import html
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

# Elements and the attributes whose URLs the browser fetches on its own.
ELEMENT_ATTRIBUTES = {
    "script": {"src": "script", "href": "script", "xlink:href": "script"},
    "img": {"src": "image", "srcset": "image"},
    "source": {"src": "media", "srcset": "image"},
    "video": {"src": "media", "poster": "image"},
    "audio": {"src": "media"},
    "track": {"src": "media"},
    "iframe": {"src": "frame"},
    "frame": {"src": "frame"},
    "embed": {"src": "object"},
    "object": {"data": "object"},
    "input": {"src": "image"},
    # SVG: an <image>, a <use> of another file, a filter's <feImage>, a <script href>.
    "image": {"href": "image", "xlink:href": "image"},
    "use": {"href": "image", "xlink:href": "image"},
    "feimage": {"href": "image", "xlink:href": "image"},
    "base": {"href": "base address"},
}
# Attributes that make the browser contact a URL whatever the element.
ANY_ELEMENT_ATTRIBUTES = {"ping": "ping", "background": "image"}

# <link rel=...> values that only describe a relation; nothing is fetched.
LINK_RELATIONS_NOT_LOADED = {
    "canonical", "alternate", "author", "license", "me", "prev", "next", "help", "bookmark",
    "external", "nofollow", "noopener", "noreferrer", "tag", "privacy-policy", "terms-of-service",
}
LINK_KINDS = {"stylesheet": "stylesheet", "icon": "image", "apple-touch-icon": "image",
              "mask-icon": "image", "manifest": "manifest", "modulepreload": "script"}
PRELOAD_KINDS = {"font": "font", "script": "script", "style": "stylesheet", "image": "image",
                 "audio": "media", "video": "media", "track": "media", "fetch": "data"}

RE_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)""", re.IGNORECASE)
RE_CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
RE_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
FONT_EXTENSIONS = (".woff2", ".woff", ".ttf", ".otf", ".eot")
IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico")
DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443, "ftp": 21}
NETWORK_SCHEMES = {"http", "https", "ws", "wss", "ftp"}


def origin_of(url):
    """`(scheme, host, port)` of an absolute http(s) address, or None."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in NETWORK_SCHEMES or not parts.hostname:
        return None
    scheme = parts.scheme.lower()
    try:
        port = parts.port or DEFAULT_PORTS.get(scheme)
    except ValueError:
        port = None
    return scheme, parts.hostname.lower(), port


# Browsers drop leading and trailing spaces and control characters, and tabs and newlines
# anywhere, and read `\` as `/` in http(s), ws(s) and ftp addresses (the WHATWG URL Standard).
RE_URL_EDGES = re.compile(r"^[\x00-\x20]+|[\x00-\x20]+$")
RE_URL_TABS_NEWLINES = re.compile(r"[\t\n\r]")
RE_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$", re.S)


def as_browser_reads(url):
    """`url` as a browser reads it before fetching: `https:\\\\cdn.example` is `https://cdn.example`."""
    url = RE_URL_TABS_NEWLINES.sub("", RE_URL_EDGES.sub("", url or ""))
    found = RE_SCHEME.match(url)
    if found and found.group(1).lower() in NETWORK_SCHEMES:
        rest = found.group(2).replace("\\", "/")
        # `https:cdn.example/x` or `https:/cdn.example/x`: a browser finds the host there too
        # unless the page has the same scheme; counted as another website either way.
        return f"{found.group(1).lower()}://{rest.lstrip('/')}"
    if not found:
        url = url.replace("\\", "/")
        if url.startswith("//"):
            url = "//" + url.lstrip("/")  # `///cdn.example/x`: the browser skips every slash
    return url


def is_other_origin(url, site_origin=None):
    """True if fetching `url` from a page of this site would contact another origin.

    Relative and root-relative URLs, fragments and data:/blob: URLs stay on
    this site. With `site_origin` (the published SITEURL's origin), absolute
    URLs on that origin are this site too. The URL is read as a browser reads it
    (`as_browser_reads`), so `/\\cdn.example/x.js` is another website.
    """
    url = as_browser_reads(url)
    if not url or url.startswith("#"):
        return False
    if url.startswith("//"):
        scheme = site_origin[0] if site_origin else "https"
        url = f"{scheme}:{url}"
    parts = urlsplit(url)
    if not parts.scheme:
        return False
    if parts.scheme.lower() not in NETWORK_SCHEMES:
        return False  # data:, blob:, about:, mailto:, ... never reach another web server
    return origin_of(url) != site_origin


def srcset_urls(value):
    """The URLs of a srcset attribute: comma-separated `url [descriptor]` candidates."""
    urls = []
    for candidate in re.split(r",\s+|,(?=\S+\s+\d)", value or ""):
        candidate = candidate.strip().rstrip(",")
        if candidate:
            urls.append(candidate.split()[0])
    return urls


def css_kind(url, default="resource"):
    path = urlsplit(url).path.lower()
    if path.endswith(FONT_EXTENSIONS):
        return "font"
    if path.endswith(IMAGE_EXTENSIONS):
        return "image"
    return default


def css_urls(text):
    """`(kind, url)` for every url(...) and @import in a stylesheet's text."""
    text = RE_CSS_COMMENT.sub("", text or "")
    found = []
    for match in RE_CSS_IMPORT.finditer(text):
        found.append(("stylesheet", match.group(1) or match.group(2)))
    for match in RE_CSS_URL.finditer(text):
        url = next((group for group in match.groups() if group is not None), "")
        before = text[:match.start()].rstrip()
        kind = "stylesheet" if before.lower().endswith("@import") else css_kind(url)
        found.append((kind, url))
    return found


URL_ATTRIBUTES = ("href", "src", "action", "formaction")
# Every element `_element` and `_scan` can find a load on: those named in ELEMENT_ATTRIBUTES
# (<iframe> among them, for srcdoc too), <link>, <style>, <template>, and any element with a
# style attribute or one of ANY_ELEMENT_ATTRIBUTES (`feimage` also finds <feImage>).
LOAD_CANDIDATES = ", ".join([*ELEMENT_ATTRIBUTES, "link", "style", "template",
                             *(f"[{name}]" for name in (*ANY_ELEMENT_ATTRIBUTES, "style"))])
# ...and every element the policy names by tag or attribute (`[style]` and <style> are above).
POLICY_CANDIDATES = ", ".join([LOAD_CANDIDATES, "script", "meta", "[action]", "[formaction]"])
# Browsers drop spaces and control characters inside a URL's scheme: `java\tscript:` runs too.
RE_URL_NOISE = re.compile(r"[\s\x00-\x1f]")
# A URL that runs script when followed, in any attribute (`xlink:href` in SVG too).
RE_SCRIPT_URL = re.compile(r"^(?:javascript|vbscript):")
# SVG animation attributes that can set an href to a script URL (`<set to="javascript:…">`).
ANIMATED_VALUES = ("to", "from", "by", "values")
# `<meta http-equiv=refresh content="3; url=…">`: the delay and `url=` before the address.
RE_REFRESH_URL = re.compile(r"^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?['\"]?", re.IGNORECASE)
# A <template>'s serialised start tag (attribute values quoted, `>` written `&gt;`).
RE_TEMPLATE_TAGS = re.compile(r"^<template(?:\s[^>]*)?>|</template>$", re.IGNORECASE)

# The policy's quick look at the raw text. Any element may carry an event handler or a script
# URL, so a page that could hold one is read element by element; a page that cannot (no `on…=`
# where an attribute may start, no `script:` even with spaces or control characters between its
# letters, no character reference that could spell part of one) only needs the elements the
# policy names by tag or attribute, which lexbor's selector engine finds: the usual page, read
# several times faster.
# (Each quick pattern starts with its own letters, so the regex engine jumps between candidates.)
RE_MAYBE_HANDLER = re.compile(r"on[a-z]+\s*=")
RE_ATTRIBUTE_START = re.compile(r"""[\s/'"]""")
# A character reference as the HTML parser decodes it (named ones with or without `;`).
RE_CHARACTER_REFERENCE = re.compile(r"&(?:#[xX]?[0-9a-fA-F]*|[A-Za-z][A-Za-z0-9]*);?")


@functools.lru_cache(maxsize=512)
def could_spell_script_url(reference):
    """True when a character reference decodes to something that could be part of a script URL
    as a browser reads it: a letter, a colon, or a space or control character (browsers drop those
    inside a scheme). `&#39;`, `&amp;`, `&middot;` cannot; `&#106;` (j), `&Tab;`, `&colon;` can."""
    decoded = html.unescape(reference)
    if decoded == reference:
        return False  # not a reference the parser decodes: it stays text
    return (RE_URL_NOISE.search(decoded) is not None
            or any(char == ":" or (char.isascii() and char.isalpha()) for char in decoded.lower()))


def ends_with_script(text, end):
    """True when `script` ends just before `end` in `text`, with any spaces or control characters
    between or after its letters (a browser drops them inside a scheme: `java\tscript:` runs)."""
    letters, position = "tpircs", end - 1
    while letters and position >= 0:
        char = text[position]
        if char == letters[0]:
            letters = letters[1:]
        elif not (char.isspace() or char < " "):
            return False
        position -= 1
    return not letters


def has_attribute(text, pattern):
    """True when `pattern` (an attribute's name and `=`) matches lower-cased `text` where an
    attribute can start: after a space, a slash or a quote, as the HTML parser reads it."""
    return any(found.start() and RE_ATTRIBUTE_START.match(text, found.start() - 1) for found in pattern.finditer(text))


def might_hold_handler_or_script_url(markup):
    """False only when no element of `markup` can carry an `on…=` handler or a script URL."""
    text = markup.lower()
    if has_attribute(text, RE_MAYBE_HANDLER):
        return True
    colon = text.find(":")
    while colon != -1:
        if ends_with_script(text, colon):
            return True
        colon = text.find(":", colon + 1)
    return any(could_spell_script_url(reference) for reference in set(RE_CHARACTER_REFERENCE.findall(markup)))


class PageScanner:
    """One pass over a page: `found` holds its loads, `blocked` the markup the CSP blocks.

    The page is parsed as a browser parses it (HTML5, by lexbor through selectolax): a
    repeated attribute keeps its first value, `<image>` is an `<img>`, character references
    are decoded. Then each element with attributes, and each <style>, is looked at once.
    A <template>'s content and an <iframe srcdoc> page, which a browser parses on its own,
    are scanned too. With `policy=False` only the loads are looked for (the tests' and the bench's
    pass over each rendered page needs no more).
    """

    def __init__(self, policy=True, whole_page=False, site_origin=None):
        self.policy = policy
        self.whole_page = whole_page
        self.site_origin = site_origin
        self.found = []
        self.blocked = []

    def feed(self, text):
        parser = LexborHTMLParser(text or "")
        if parser.root is None:
            return
        # Only elements that can load something, or that the policy names, are looked at: lexbor's
        # selector engine (in C) finds them, in document order, several times faster than
        # visiting every element here. Every element when the page might hold a handler or a
        # script URL, which any element may carry.
        if not self.policy:
            self._scan(parser.css(LOAD_CANDIDATES))
        elif might_hold_handler_or_script_url(text or ""):
            self._scan(parser.root.traverse())
        else:
            self._scan(parser.css(POLICY_CANDIDATES))

    def close(self):
        pass

    def _scan(self, nodes):
        previous = None
        for node in nodes:
            if node.mem_id == previous:
                continue  # lexbor lists an element once for each selector it matches
            previous = node.mem_id
            tag = node.tag.lower()
            attributes = node.attributes
            if attributes:
                self._element(tag, {name.lower(): value or "" for name, value in attributes.items()})
            elif tag == "script" and self.policy:
                self.blocked.append(("script", "<script"))
            if tag == "style":
                self.found.extend(css_urls(node.text(deep=True)))
                if self.policy:
                    self.blocked.append(("style element", "<style"))
            elif tag == "template":
                self.feed(RE_TEMPLATE_TAGS.sub("", node.html or ""))

    def _element(self, tag, attributes):
        if self.policy:
            self._policy(tag, attributes)
        if tag == "link":
            self._link(attributes)
        for name, kind in ELEMENT_ATTRIBUTES.get(tag, {}).items():
            if name in attributes:
                urls = srcset_urls(attributes[name]) if name.endswith("srcset") else [attributes[name]]
                self.found.extend((kind, url) for url in urls)
        for name, kind in ANY_ELEMENT_ATTRIBUTES.items():
            if name in attributes:
                urls = attributes[name].split() if name == "ping" else [attributes[name]]
                self.found.extend((kind, url) for url in urls)
        if "style" in attributes:
            self.found.extend(css_urls(attributes["style"]))
        if tag == "iframe" and "srcdoc" in attributes:
            self.feed(attributes["srcdoc"])

    def _policy(self, tag, attributes):
        if tag == "script" and attributes.get("type", "") != "application/ld+json" and not (
                self.whole_page and attributes.get("src") and not is_other_origin(attributes["src"], self.site_origin)):
            self.blocked.append(("script", "<script"))
        if tag == "meta" and attributes.get("http-equiv", "").strip().lower() == "refresh" \
                and self._leaves_site(RE_REFRESH_URL.sub("", attributes.get("content", ""), count=1)):
            self.blocked.append(("refresh", "refresh"))
        for name, value in attributes.items():
            if name.startswith("on"):
                self.blocked.append(("handler", f"{name}="))
            elif name == "style":
                self.blocked.append(("style", "style="))
            elif ":" in value and (RE_SCRIPT_URL.match(RE_URL_NOISE.sub("", value).lower()) or (
                    name in ANIMATED_VALUES and "script:" in RE_URL_NOISE.sub("", value).lower())):
                # (A script URL has its colon: the parser has decoded `&colon;` already.)
                self.blocked.append(("javascript", "javascript:"))
            elif name in ("action", "formaction") and self._leaves_site(value):
                self.blocked.append(("form", f"{name}="))

    def _leaves_site(self, url):
        """A navigation or form target on another website (or one that is not a web address)."""
        url = as_browser_reads(url)
        scheme = RE_SCHEME.match(url)
        if scheme and scheme.group(1).lower() not in NETWORK_SCHEMES:
            return True
        return bool(url) and is_other_origin(url, self.site_origin)

    def _link(self, attributes):
        relations = set((attributes.get("rel") or "").lower().split())
        href = attributes.get("href")
        if "imagesrcset" in attributes and "preload" in relations:
            self.found.extend(("image", url) for url in srcset_urls(attributes["imagesrcset"]))
        if href is None or (relations and relations <= LINK_RELATIONS_NOT_LOADED):
            return
        if "preload" in relations or "prefetch" in relations:
            kind = PRELOAD_KINDS.get(attributes.get("as", "").lower(), "resource")
        elif relations & {"dns-prefetch", "preconnect", "prerender"}:
            kind = "connection (" + " ".join(sorted(relations)) + ")"
        else:
            kind = next((LINK_KINDS[rel] for rel in sorted(relations) if rel in LINK_KINDS),
                        "resource (link rel=" + " ".join(sorted(relations)) + ")")
        self.found.append((kind, href))


def scan_html(text, policy=True, whole_page=False, site_origin=None):
    """The PageScanner after reading `text`: `.found` (loads) and `.blocked` (CSP)."""
    parser = PageScanner(policy, whole_page, site_origin)
    parser.feed(text)
    return parser


def html_urls(text):
    """`(kind, url)` for everything an HTML page makes the browser fetch by itself."""
    return scan_html(text, policy=False).found


RE_JS_IMPORT = re.compile(r"""(?:^|[;\s])import\s*(?:[\w*{}\s,]+from\s*)?["']([^"']+)["']""", re.M)


def js_imports(text):
    """The relative or root-relative modules a script imports statically."""
    return [found for found in RE_JS_IMPORT.findall(text or "") if found.startswith((".", "/"))]


def local_file(output, base, url):
    """The output file a URL on this site points to, or None (another origin, `data:`, `#`)."""
    if not url or url.startswith(("data:", "#")):
        return None
    parts = urlsplit(urljoin(base, url))
    if parts.netloc and parts.netloc != urlsplit(base).netloc:
        return None
    path = Path(output) / parts.path.lstrip("/")
    return path / "index.html" if parts.path.endswith("/") else path


def page_files(output, page, site_url="https://site.invalid"):
    """The files a browser fetches for `page` from this site, following stylesheets' `url()` and
    `@import` and scripts' static imports: (existing files in order, URLs of missing ones).
    Another origin's loads are output_guard's business, not counted here."""
    output, page = Path(output), Path(page)
    root = site_url.rstrip("/") + "/"
    queue = [(root + page.relative_to(output).as_posix(), url) for _, url in html_urls(page.read_text(
        encoding="utf-8", errors="replace"))]
    files, missing, seen = [], [], set()
    while queue:
        where, url = queue.pop(0)
        path = local_file(output, where, url)
        if path is None or path in seen:
            continue
        seen.add(path)
        if not path.is_file():
            missing.append(url)
            continue
        files.append(path)
        address = root + path.relative_to(output).as_posix()
        if path.suffix == ".css":
            queue += [(address, found) for _, found in css_urls(path.read_text(encoding="utf-8", errors="replace"))]
        elif path.suffix in (".js", ".mjs"):
            queue += [(address, found) for found in js_imports(path.read_text(encoding="utf-8", errors="replace"))]
    return files, missing


def third_party(found, site_origin=None):
    """The findings that would contact another origin, in order, without repeats."""
    seen = []
    for kind, url in found:
        if is_other_origin(url, site_origin) and (kind, url) not in seen:
            seen.append((kind, url))
    return seen
