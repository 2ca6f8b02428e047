"""Small helpers shared by the build tests."""

import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup


def soup(path):
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def html_pages(site):
    return sorted(Path(site).rglob("*.html"))


def is_french(site, page):
    return Path(page).relative_to(site).parts[:1] == ("fr",)


def article_pages(site, lang="en"):
    """Built article pages (they carry the learning-path navigation) of one language's site:
    the English one at the root, or the French one under /fr/ (tests/build/test_french.py)."""
    return [page for page in html_pages(site) if is_french(site, page) == (lang == "fr")
            and soup(page).select_one("article .article-meta__readtime")]


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
    pybabel = str(root / ".venv" / "bin" / "pybabel")
    package = root / "plugins" / "pelican-reflection-checklists" / "pelican" / "plugins" / "reflection_checklists"
    pots = {"site": folder / "site.pot", "reflection_checklists": folder / "reflection_checklists.pot"}
    subprocess.run([pybabel, "-q", "extract", "-F", "babel.cfg", "-k", "_", "-k", "N_", "-o", str(pots["site"]), "."],
                   cwd=root, check=True)
    subprocess.run([pybabel, "-q", "extract", "-k", "_", "-k", "N_", "-o", str(pots["reflection_checklists"]),
                    str(package)], cwd=root, check=True)
    return pots
