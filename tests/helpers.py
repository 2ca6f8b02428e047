"""Small helpers shared by the build tests."""

import functools
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup


def soup(path):
    """The page parsed afresh: a test may change this tree."""
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


@functools.lru_cache(maxsize=None)
def _parsed(path, stamp):
    return soup(path)


def read_only(path):
    """The page parsed once per test run (again if it is rewritten), for checks that only read
    it: never change this tree (use `soup`)."""
    path = Path(path)
    return _parsed(path, path.stat().st_mtime_ns)


def html_pages(site):
    return sorted(Path(site).rglob("*.html"))


def is_french(site, page):
    return Path(page).relative_to(site).parts[:1] == ("fr",)


def article_pages(site, lang="en"):
    """Built article pages (they carry the learning-path navigation) of one language's site:
    the English one at the root, or the French one under /fr/ (tests/build/test_french.py)."""
    return [page for page in html_pages(site) if is_french(site, page) == (lang == "fr")
            and read_only(page).select_one("article .article-meta__readtime")]


def page_url(site, page):
    relative = Path(page).relative_to(site).as_posix()
    return "/" + relative.removesuffix("index.html")


def resolve(site, base_url, href):
    """The file an internal link points to, or None if it points nowhere."""
    target = urlsplit(urljoin(base_url, href)).path
    path = Path(site) / target.lstrip("/")
    if target.endswith("/"):
        path = path / "index.html"
    return path if path.is_file() else None


def extract_catalogs(root, folder):
    """The two message templates `make translations` extracts (Babel): this site's (babel.cfg)
    and the checklist package's. Returns {domain: path of its .pot file in `folder`}."""
    pybabel = str(Path(sys.executable).parent / "pybabel")  # this venv's, wherever VENV= put it
    package = root / "plugins" / "pelican-reflection-checklists" / "pelican" / "plugins" / "reflection_checklists"
    pots = {"site": folder / "site.pot", "reflection_checklists": folder / "reflection_checklists.pot"}
    subprocess.run([pybabel, "-q", "extract", "-F", "babel.cfg", "-k", "_", "-k", "N_", "-o", str(pots["site"]), "."],
                   cwd=root, check=True)
    subprocess.run([pybabel, "-q", "extract", "-k", "_", "-k", "N_", "-o", str(pots["reflection_checklists"]),
                    str(package)], cwd=root, check=True)
    return pots


def headers(folder):
    """{file: {key: value}} for the Markdown files in a content folder: each file's header
    (the `Key: value` lines before the first blank line), keys in lower case."""
    found = {}
    for path in sorted(Path(folder).glob("*.md")):
        header = {}
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            if not line.strip():
                break
            key, _, value = line.partition(":")
            header[key.strip().lower()] = value.strip()
        found[path] = header
    return found


def is_yes(value):
    return str(value or "").strip().lower() in ("yes", "true")


def published(folder, hidden=False):
    """The headers of the files in a content folder that are built as pages a reader can open
    from the site's lists (not drafts; hidden ones too, which are built but not listed, if asked)."""
    left_out = ("draft",) if hidden else ("draft", "hidden")
    return {path: header for path, header in headers(folder).items()
            if header.get("status", "published").lower() not in left_out}


def broken_links(site):
    """(page, href) for every internal link, asset or fragment of a built site that leads nowhere."""
    broken = []
    for page in html_pages(site):
        base = "http://site.test" + page_url(site, page)
        doc = soup(page)
        ids = {element["id"] for element in doc.select("[id]")}
        for element in doc.select("a[href], link[href], script[src], img[src]"):
            href = element.get("href") or element.get("src")
            parts = urlsplit(href)
            if parts.scheme in ("mailto", "tel", "sms", "data") or (parts.netloc and parts.netloc != "site.test"):
                continue
            if href.startswith("#"):
                if href[1:] and href[1:] not in ids:
                    broken.append((page, href))
                continue
            if resolve(site, base, href) is None:
                broken.append((page, href))
    return broken


# Pages whose subject exists in one language only (tag and category listings: their names
# are the author's words in that language). Their language link leads to the other home.
ON_PURPOSE_UNTRANSLATED = re.compile(r"^/(fr/)?(tag|category)/[^/]+/$")


def reader_pages(site):
    """The pages a reader opens (not the theme's files, the search index or the 404 page)."""
    return [page for page in html_pages(site)
            if not {"theme", "pagefind"} & set(page.relative_to(site).parts) and page.name != "404.html"]


def alternates(page):
    return {link["hreflang"]: link["href"] for link in soup(page).select('link[rel="alternate"][hreflang]')}


def unpaired_pages(site):
    """Pages without their counterpart in the other language, and pages whose counterpart does
    not lead back: two lists of addresses, both empty on a site whose languages pair up."""
    missing, not_back = [], []
    for page in reader_pages(site):
        url = page_url(site, page)
        lang, other = ("fr", "en") if url.startswith("/fr/") else ("en", "fr")
        links = alternates(page)
        if other not in links:
            if not ON_PURPOSE_UNTRANSLATED.match(url):
                missing.append(url)
            continue
        counterpart = resolve(site, "http://site.test" + url, links[other])
        if links.get(lang) != url or counterpart is None or alternates(counterpart).get(lang) != url:
            not_back.append((url, links))
    return missing, not_back
