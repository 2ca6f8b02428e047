"""The published site behind nginx, at a domain root and under a subpath.

Every internal link, fragment, asset, the feed and the search index must
resolve, with the security headers from deploy/ on every response.
"""

import html
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

from tests.conftest import ROOT
from tests.helpers import html_pages, page_url, soup

from .conftest import NODE_BIN, NGINX_SNIPPET, fetch

HEADERS_FILE = ROOT / "deploy" / "_headers"
IMMUTABLE = "public, max-age=31536000, immutable"
REQUIRED_CSP = ["default-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'",
                "object-src 'none'"]
ATOM = "{http://www.w3.org/2005/Atom}"
# Published on purpose but possibly linked from no page: nginx serves 404.html for
# unknown addresses, the category overview repeats the home page's learning path, and
# booking buttons lead straight to CONSULTATION_URL rather than the booking page.
UNLINKED = {"/404.html", "/category/", "/book-a-consultation/"}
UNLINKED |= {"/fr" + path for path in UNLINKED}  # the same pages of the French site


def linkinator(start_url, origin):
    """Crawl everything under start_url with linkinator; return the broken links."""
    command = [
        str(NODE_BIN / "linkinator"), start_url, "--recurse", "--check-fragments", "--check-css",
        "--format", "JSON", "--timeout", "10000", "--concurrency", "20",
        # Only this server: the booking page, crisis lines and "Exit this page" are other websites.
        "--skip", f"^(?!{re.escape(origin)}/)",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise AssertionError(f"linkinator failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")
    checked = [link for link in report["links"] if link["state"] != "SKIPPED"]
    broken = [f'{link["status"]} {link["url"]} (on {link.get("parent")})'
              for link in report["links"] if link["state"] == "BROKEN"]
    return checked, broken


def test_every_internal_link_and_fragment_resolves(hosted):
    checked, broken = linkinator(hosted.url + "/", hosted.origin)
    assert broken == [], "\n".join(broken)
    crawled = {link["url"] for link in checked}
    published = {f"{hosted.url}{page_url(hosted.site, page)}" for page in html_pages(hosted.site)}
    assert published - crawled - {hosted.url + path for path in UNLINKED} == set(), "pages no link leads to"
    # Everything checked was on this site, under SITEURL (none escaped the subpath).
    assert all(link["url"].startswith(hosted.url + "/") for link in checked), \
        [link["url"] for link in checked if not link["url"].startswith(hosted.url + "/")]


def test_every_url_in_the_output_is_under_siteurl(hosted):
    """Absolute and root-relative URLs must carry the subpath; a stray "/x" would leave the site."""
    for page in html_pages(hosted.site):
        for element in soup(page).select("[href], [src], [srcset], [action]"):
            for attribute in ("href", "src", "action"):
                value = element.get(attribute)
                if value and value.startswith("/"):
                    raise AssertionError(f"{page}: root-relative {attribute}={value!r} ignores SITEURL")
                if value and value.startswith(hosted.origin) and not value.startswith(hosted.url + "/"):
                    raise AssertionError(f"{page}: {attribute}={value!r} is outside {hosted.url}/")


def test_feed_and_its_links_resolve(hosted):
    status, headers, body = fetch(hosted.url + "/feeds/all.atom.xml")
    assert status == 200
    assert "xml" in headers["Content-Type"]
    feed = ET.fromstring(body)
    links = [link.get("href") for link in feed.iter(f"{ATOM}link")]
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) >= 10
    assert hosted.url + "/feeds/all.atom.xml" in links
    for href in links:
        assert href.startswith(hosted.url + "/"), href
        assert fetch(href)[0] == 200, href


def test_sitemap_and_robots_point_into_the_site(hosted):
    """Search engines get URLs under SITEURL that exist (when the sitemap plugin is on)."""
    sitemap = hosted.site / "sitemap.xml"
    if sitemap.exists():
        locations = [element.text.strip() for element in ET.fromstring(sitemap.read_bytes()).iter()
                     if element.tag.endswith("}loc")]
        assert locations
        for url in locations:
            assert url.startswith(hosted.url + "/"), url
            assert fetch(url)[0] == 200, url
    robots = hosted.site / "robots.txt"
    if robots.exists():
        for line in robots.read_text().splitlines():
            if line.lower().startswith("sitemap:"):
                url = line.split(":", 1)[1].strip()
                assert url.startswith(hosted.url + "/") and fetch(url)[0] == 200, url


def test_search_index_resolves(hosted):
    """The search page and, when Pagefind has indexed the site, every index file it names."""
    assert fetch(hosted.url + "/search/")[0] == 200
    pagefind = hosted.site / "pagefind"
    entry = pagefind / "pagefind-entry.json"
    if not entry.exists():
        assert not pagefind.exists() or not any(pagefind.iterdir()), "pagefind/ without pagefind-entry.json"
        return
    for path in sorted(p for p in pagefind.rglob("*") if p.is_file()):
        url = f"{hosted.url}/{path.relative_to(hosted.site).as_posix()}"
        assert fetch(url)[0] == 200, url
    for language in json.loads(entry.read_text())["languages"].values():
        meta = f'{hosted.url}/pagefind/pagefind.{language["hash"]}.pf_meta'
        assert fetch(meta)[0] == 200, meta


def test_security_headers_on_pages_assets_and_errors(hosted):
    css = next(hosted.site.glob("theme/css/site.*.css"))
    js = next(hosted.site.glob("theme/js/site.*.js"))
    responses = {
        "page": fetch(hosted.url + "/what-trust-is/"),
        "home": fetch(hosted.url + "/"),
        "css": fetch(f"{hosted.url}/theme/css/{css.name}"),
        "js": fetch(f"{hosted.url}/theme/js/{js.name}"),
        "missing": fetch(hosted.url + "/no-such-page/"),
    }
    for name, (status, headers, _body) in responses.items():
        csp = headers["Content-Security-Policy"] or ""
        for directive in REQUIRED_CSP:
            assert directive in csp, (name, csp)
        script_src = re.search(r"script-src ([^;]*)", csp).group(1)
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["X-Content-Type-Options"] == "nosniff"
        permissions = headers["Permissions-Policy"] or ""
        for feature in ("camera=()", "microphone=()", "geolocation=()", "interest-cohort=()"):
            assert feature in permissions, (name, permissions)
    assert responses["css"][1]["Cache-Control"] == IMMUTABLE
    assert responses["js"][1]["Cache-Control"] == IMMUTABLE
    assert responses["js"][1]["Content-Type"].startswith(("application/javascript", "text/javascript"))
    for name in ("page", "home"):
        assert "max-age=0" in responses[name][1]["Cache-Control"], responses[name][1]["Cache-Control"]
        assert responses[name][1]["Content-Type"] == "text/html; charset=utf-8"
    status, _headers, body = responses["missing"]
    assert status == 404
    assert body == (hosted.site / "404.html").read_bytes()


def test_subpath_without_slash_redirects(hosted_subpath):
    status, headers, _body = fetch(hosted_subpath.url)
    assert status == 301
    assert urljoin(hosted_subpath.url, headers["Location"]) == hosted_subpath.url + "/"


def test_no_inline_scripts_styles_or_event_handlers(hosted_subpath):
    """The CSP forbids them; they would silently not run (or not apply) in readers' browsers."""
    problems = []
    for page in html_pages(hosted_subpath.site):
        name = page.relative_to(hosted_subpath.site).as_posix()
        document = soup(page)
        for script in document.find_all("script"):
            if not script.get("src") and script.get("type") not in ("application/ld+json", "application/json"):
                problems.append(f"{name}: inline <script>")
        for element in document.find_all(True):
            for attribute, value in element.attrs.items():
                if attribute.lower().startswith("on"):
                    problems.append(f"{name}: <{element.name} {attribute}=...>")
                if attribute.lower() == "style":
                    problems.append(f"{name}: <{element.name} style=...>")
                if isinstance(value, str) and value.strip().lower().startswith("javascript:"):
                    problems.append(f"{name}: <{element.name} {attribute}=javascript:...>")
        if document.find("style"):
            problems.append(f"{name}: inline <style>")
    assert problems == []


def _headers_rules(text):
    rules, current = {}, None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
        else:
            name, _, value = line.strip().partition(":")
            current[name.strip()] = value.strip()
    return rules


def _matches(pattern, path):
    """Netlify/Cloudflare `_headers` matching: `*` matches any characters."""
    return re.fullmatch(".*".join(map(re.escape, pattern.split("*"))), path) is not None


def fingerprinted_bundles(hosted):
    """Site-relative paths of the theme's fingerprinted CSS/JS bundles that pages load (a
    checklist page's "My reflections" once the reader answers: body[data-reflections-script])."""
    bundles = set()
    for page in html_pages(hosted.site):
        for element in soup(page).select("link[rel=stylesheet][href], script[src], body[data-reflections-script]"):
            url = element.get("href") or element.get("src") or element["data-reflections-script"]
            path = url.removeprefix(hosted.url)
            if re.fullmatch(r"/theme/(css|js)/[^/]+\.[0-9a-f]{8}\.(css|js)", path):
                bundles.add(path)
    return bundles


def test_netlify_headers_file_matches_the_nginx_snippet(hosted_subpath):
    """deploy/_headers is shipped in the output root and says what the nginx snippet says."""
    shipped = hosted_subpath.site / "_headers"
    assert shipped.read_text() == HEADERS_FILE.read_text()
    assert shipped.stat().st_mode & 0o004, "the web server must be able to read it"
    rules = _headers_rules(HEADERS_FILE.read_text())
    nginx = dict(re.findall(r'^add_header (\S+) "([^"]*)" always;', NGINX_SNIPPET.read_text(), re.MULTILINE))
    for name, value in rules["/*"].items():
        assert nginx.get(name) == value, name
    assert set(nginx) - set(rules["/*"]) <= {"Strict-Transport-Security"}
    assert "Cache-Control" not in rules["/*"], "hosts join repeated headers: keep Cache-Control out of /*"


def test_only_fingerprinted_bundles_are_cached_for_a_year(hosted):
    bundles = fingerprinted_bundles(hosted)
    assert any(path.startswith("/theme/css/site.") for path in bundles), bundles
    assert any(path.startswith("/theme/js/site.") for path in bundles), bundles
    assert any(path.startswith("/theme/js/reflections.") for path in bundles), bundles
    rules = _headers_rules(HEADERS_FILE.read_text())
    immutable = [pattern for pattern, headers in rules.items() if headers.get("Cache-Control") == IMMUTABLE]
    for path in sorted(bundles):
        assert any(_matches(pattern, path) for pattern in immutable), f"deploy/_headers has no rule for {path}"
        assert fetch(hosted.url + path)[1]["Cache-Control"] == IMMUTABLE, path
    for path in ("/", "/what-trust-is/", "/theme/img/favicon.svg", "/feeds/all.atom.xml", "/search/"):
        assert not any(_matches(pattern, path) for pattern in immutable), path
        assert fetch(hosted.url + path)[1]["Cache-Control"] == "public, max-age=0, must-revalidate", path


def test_every_page_carries_the_shipped_policy_as_a_meta_tag_too(hosted_subpath):
    """For hosts that send no headers (GitHub Pages): the same policy, minus frame-ancestors,
    which only works as a header."""
    header = re.search(r"Content-Security-Policy: (.*)", HEADERS_FILE.read_text()).group(1).strip()
    expected = header.replace("; frame-ancestors 'none'", "")
    assert expected != header
    pages = [page for page in hosted_subpath.site.rglob("*.html") if "pagefind" not in page.parts]
    assert len(pages) > 20
    for page in pages:
        tags = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page.read_text())
        assert [html.unescape(tag) for tag in tags] == [expected], page
