"""`make devserver`: the saved page comes back first, and after every kind of edit the served
site equals what a clean `make html` writes, file for file, sitemap and search index included.

The devserver runs as `make devserver` runs it (its own process, file watcher and
HTTP server) on a private copy of the settings, theme, plugins and content, so the
edits below can touch any of them. No timings are judged here; `make bench`
measures them.
"""

import asyncio
import concurrent.futures
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.conftest import ROOT, TEST_CONTENT, TEST_PRACTICE

EDITED = "03-quiet-ruptures.md"
EDITED_PAGE = "quiet-ruptures/index.html"
SEED = 20261201


def run_in_own_loop(coroutine):
    """asyncio.run in a thread of its own: Playwright's sync API keeps an event loop running in
    this one once a browser test has run in the same session."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()

def wait_for(condition, timeout=120, message="the devserver"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {message}")


def private_site(base):
    """A copy of everything a build reads, so edits never touch the repository."""
    site = base / "site"
    site.mkdir()
    for name in ("theme", "plugins", "locale"):
        shutil.copytree(ROOT / name, site / name, ignore=shutil.ignore_patterns("__pycache__"))
    # The product's test site (tests/site): its content and practice, whatever content/ holds.
    shutil.copytree(TEST_CONTENT, site / "content")
    shutil.copy(ROOT / "pelicanconf.py", site / "pelicanconf.py")
    shutil.copy(TEST_PRACTICE, site / "practice.toml")
    (site / "node_modules").symlink_to(ROOT / "node_modules")  # esbuild, which bundles the theme
    return site


def every_file(folder):
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file()}


def clean_build(site, output):
    result = subprocess.run([sys.executable, "-m", "tools.build", "--settings", str(site / "pelicanconf.py"),
                             "--content", str(site / "content"), "--output", str(output)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return every_file(output)


class Devserver:
    def __init__(self, site, base, *options):
        self.site, self.output, self.log = site, base / "output", base / "devserver.log"
        with open(self.log, "w", encoding="utf-8") as handle:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "tools.devserver", "--content", str(site / "content"),
                 "--output", str(self.output), "--settings", str(site / "pelicanconf.py"), "--port", "0",
                 "--bind", "127.0.0.1", "--cache", str(base / "cache"), *options],
                cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True,
            )
        found = wait_for(lambda: re.search(r"Serving on (http://127\.0\.0\.1:\d+/)", self.text())
                         or self.process.poll() is not None, message="the first build")
        assert self.process.poll() is None, self.text()
        self.url = found.group(1)
        self.port = int(self.url.rstrip("/").rsplit(":", 1)[1])
        wait_for(lambda: self.checks(), message="the first full check")
        time.sleep(1.0)  # let the watcher start

    def text(self):
        return self.log.read_text(encoding="utf-8")

    def rebuilds(self):
        return re.findall(r"Rebuilt in [\d.]+ s \((.*?)\): wrote (\d+) page", self.text())

    def checks(self):
        return re.findall(r"Checked against a full build.*|The full build found a problem.*", self.text())

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


@pytest.fixture
def devserver(tmp_path):
    server = Devserver(private_site(tmp_path), tmp_path)
    try:
        yield server
    finally:
        server.stop()


def test_a_saved_article_comes_back_first_then_the_lists_follow(devserver):
    article = devserver.site / "content" / "articles" / EDITED
    rebuilt, checked = len(devserver.rebuilds()), len(devserver.checks())
    article.write_text(article.read_text(encoding="utf-8").replace("Title: ", "Title: Renamed: ", 1)
                       + "\nA sentence added while the devserver runs.\n", encoding="utf-8")
    page = devserver.output / EDITED_PAGE
    wait_for(lambda: "A sentence added while the devserver runs." in page.read_text(encoding="utf-8"),
             message="the edited article's page")
    wait_for(lambda: len(devserver.rebuilds()) > rebuilt, message="the fast path")
    # The fast path writes the saved article's own page and nothing else...
    assert devserver.rebuilds()[-1] == ("content changed", "1")
    # ...and the full check then brings every list that shows the title in line.
    wait_for(lambda: len(devserver.checks()) > checked, message="the full check")
    assert "Renamed: " in (devserver.output / "index.html").read_text(encoding="utf-8")
    served = urllib.request.urlopen(devserver.url + "quiet-ruptures/", timeout=10).read().decode("utf-8")
    assert "A sentence added while the devserver runs." in served
    assert '<script src="/livereload.js"></script></head>' in served


# --- every kind of edit an author makes ------------------------------------------------------

def articles(site):
    return sorted((site / "content" / "articles").glob("*.md"))


def replace_line(path, key, value):
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(rf"(?m)^{key}: .*$", f"{key}: {value}", text, count=1), encoding="utf-8")


def unlinked_articles(site):
    """Articles no other file links to, which can be deleted without breaking a link."""
    everything = "".join(path.read_text(encoding="utf-8") for path in (site / "content").rglob("*.md"))
    return [path for path in articles(site)
            if f"{{filename}}/articles/{path.name}" not in everything
            and "Safety: yes" not in path.read_text(encoding="utf-8")]


def edit_body(site, rng):
    path = rng.choice(articles(site))
    path.write_text(path.read_text(encoding="utf-8") + f"\nA new closing sentence, number {rng.randint(1, 999)}.\n",
                    encoding="utf-8")


def edit_title(site, rng):
    replace_line(rng.choice(articles(site)), "Title", f"A new title {rng.randint(1, 999)}")


def edit_summary(site, rng):
    replace_line(rng.choice(articles(site)), "Summary", f"A new summary, {rng.randint(1, 999)}.")


def edit_tags(site, rng):
    replace_line(rng.choice(articles(site)), "Tags", f"trust, new-tag-{rng.randint(1, 99)}")


def edit_category(site, rng):
    path = rng.choice(articles(site))
    current = re.search(r"(?m)^Category: (.*)$", path.read_text(encoding="utf-8")).group(1)
    others = [name for name in ("Understanding trust", "The impact", "Repair and rebuilding") if name != current]
    replace_line(path, "Category", rng.choice(others))


def edit_step(site, rng):
    replace_line(rng.choice(articles(site)), "Step", str(rng.randint(40, 60)))


def add_article(site, rng):
    source = rng.choice(articles(site)).read_text(encoding="utf-8")
    number = rng.randint(100, 999)
    text = re.sub(r"(?m)^Slug: .*$", f"Slug: added-{number}", source, count=1)
    text = re.sub(r"(?m)^Title: .*$", f"Title: An added article {number}", text, count=1)
    text = re.sub(r"(?m)^Step: .*$", f"Step: {number}", text, count=1)
    (site / "content" / "articles" / f"{number}-added.md").write_text(text, encoding="utf-8")


def delete_article(site, rng):
    rng.choice(unlinked_articles(site)).unlink()


def edit_page(site, rng):
    path = site / "content" / "pages" / "about.md"
    path.write_text(path.read_text(encoding="utf-8") + f"\nOne more line about us, {rng.randint(1, 99)}.\n",
                    encoding="utf-8")


def edit_template(site, rng):
    # The case a hand-kept dependency list got wrong: related links start showing summaries.
    path = site / "theme" / "templates" / "partials" / "related.html"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "{{ other.title }}</a>", "{{ other.title }}</a> {{ other.summary|striptags }}"), encoding="utf-8")


def edit_css(site, rng):
    path = site / "theme" / "assets" / "css" / "base.css"
    path.write_text(path.read_text(encoding="utf-8") + f"\n.devserver-edit-{rng.randint(1, 99)} {{ margin: 0; }}\n",
                    encoding="utf-8")


def edit_js(site, rng):
    path = site / "theme" / "assets" / "js" / "site.js"
    path.write_text(path.read_text(encoding="utf-8") + f"\ndocument.documentElement.dataset.edit = '{rng.randint(1, 99)}';\n",
                    encoding="utf-8")


def edit_settings(site, rng):
    path = site / "pelicanconf.py"
    path.write_text(path.read_text(encoding="utf-8") + f'\nSITE_DESCRIPTION = "A new description {rng.randint(1, 99)}."\n',
                    encoding="utf-8")


def edit_plugin(site, rng):
    # One of this site's own plugins (the checklist plugin is an installed package).
    path = site / "plugins" / "consultation" / "markup.py"
    path.write_text(path.read_text(encoding="utf-8").replace("More ways to get help now",
                                                             "More ways to find help now"), encoding="utf-8")


EDITS = [edit_body, edit_title, edit_summary, edit_tags, edit_category, edit_step, add_article,
         delete_article, edit_page, edit_template, edit_css, edit_js, edit_settings, edit_plugin]


def test_after_every_kind_of_edit_the_site_equals_a_clean_build(tmp_path):
    """A seeded series of mixed edits; after each, every output file is compared with a clean build."""
    site = private_site(tmp_path)
    rng = random.Random(SEED)
    series = EDITS[:]
    rng.shuffle(series)
    series += [rng.choice(EDITS[:9]) for _ in range(4)]  # and a few more content edits on top
    server = Devserver(site, tmp_path)
    try:
        for number, edit in enumerate(series):
            checked = len(server.checks())
            edit(site, rng)
            wait_for(lambda: len(server.checks()) > checked, message=f"the full check after {edit.__name__}")
            assert server.checks()[-1].startswith("Checked"), server.text()
            served, clean = every_file(server.output), clean_build(site, tmp_path / f"clean-{number}")
            missing = sorted(set(clean) - set(served))
            extra = sorted(set(served) - set(clean))
            different = sorted(name for name in set(clean) & set(served) if clean[name] != served[name])
            assert (missing, extra, different) == ([], [], []), f"after {edit.__name__} (edit {number + 1})"
    finally:
        server.stop()


def test_two_clean_builds_of_the_same_content_are_identical(tmp_path):
    """What the full check relies on to copy only what changed (the sitemap used to carry the build time)."""
    site = private_site(tmp_path)
    assert clean_build(site, tmp_path / "one") == clean_build(site, tmp_path / "two")


# --- what the devserver answers, and to whom ---------------------------------------------------
# One devserver (idle connections closed after 2 s) for the tests that only read from it.

IDLE_TIMEOUT = 2


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    base = tmp_path_factory.mktemp("served")
    server = Devserver(private_site(base), base, "--idle-timeout", str(IDLE_TIMEOUT))
    try:
        yield server
    finally:
        server.stop()


def shipped_headers():
    """The headers deploy/_headers sends with every file (its `/*` block), read here on its own."""
    headers, current = {}, None
    for line in (ROOT / "deploy" / "_headers").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = line.strip()
        elif current == "/*":
            name, _, value = line.strip().partition(":")
            headers[name.strip()] = value.strip()
    return headers


def fetch(server, path, host=None, method="GET"):
    """(status, headers, body) with the Host header of our choosing."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        connection.putrequest(method, path, skip_host=True)
        connection.putheader("Host", f"127.0.0.1:{server.port}" if host is None else host)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def stylesheet(server):
    page = fetch(server, "/")[2].decode("utf-8")
    return re.search(r'<link rel="stylesheet" href="(/theme/css/[^"]+)"', page).group(1)


def test_every_response_carries_the_production_security_headers(served):
    """Pages, assets, the livereload script, the 404 page and a refused host: deploy/_headers' set,
    the policy widened by the livereload socket of the address asked for and by nothing else."""
    shipped = shipped_headers()
    # The shipped policy leaves connect-src to `default-src 'self'`; the devserver names that
    # and the socket of the address asked for, and widens nothing else.
    assert "connect-src" not in shipped["Content-Security-Policy"]
    assert shipped["Content-Security-Policy"].startswith("default-src 'self';")
    for host in (f"127.0.0.1:{served.port}", f"localhost:{served.port}"):
        policy = f"{shipped['Content-Security-Policy']}; connect-src 'self' ws://{host}"
        for path, status in [("/", 200), ("/quiet-ruptures/", 200), (stylesheet(served), 200),
                             ("/theme/img/favicon.svg", 200), ("/livereload.js", 200), ("/no-such-page/", 404),
                             ("/robots.txt", 200)]:
            code, headers, _ = fetch(served, path, host=host)
            assert code == status, path
            for name, value in shipped.items():
                expected = policy if name == "Content-Security-Policy" else value
                assert headers.get_all(name) == [expected], f"{name} on {path} via {host}"
    code, headers, _ = fetch(served, "/", host=f"evil.example:{served.port}")
    assert code == 421
    for name, value in shipped.items():
        if name != "Content-Security-Policy":
            assert headers[name] == value, name
    assert f"ws://127.0.0.1:{served.port}" in headers["Content-Security-Policy"]


@pytest.mark.parametrize("host", ["evil.example:{port}", "evil.example", "127.0.0.1", "localhost",
                                  "127.0.0.1:{other}", "localhost.evil.example:{port}",
                                  "127.0.0.1.evil.example:{port}", "0.0.0.0:{port}", "[::2]:{port}", ""])
def test_other_hosts_get_421(served, host):
    """DNS rebinding: a page on another name that resolves to 127.0.0.1 is refused, livereload too."""
    host = host.format(port=served.port, other=served.port + 1)
    for path in ("/", "/quiet-ruptures/", "/livereload.js", "/no-such-page/", "/livereload"):
        code, headers, body = fetch(served, path, host=host)
        assert code == 421, f"{path} via {host!r}"
        assert headers["Content-Type"].startswith("text/plain")
        assert b"<html" not in body and b"livereload.js" not in body


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LOCALHOST:{port}", "[::1]:{port}"])
def test_the_devserver_answers_its_own_addresses(served, host):
    code, _, body = fetch(served, "/", host=host.format(port=served.port))
    assert code == 200 and b'<script src="/livereload.js"></script></head>' in body


def test_bound_to_every_address_it_also_answers_the_machine_s_own_names():
    from tools.devserver.server import allowed_hosts

    local = allowed_hosts("127.0.0.1", 8000)
    assert local == {"127.0.0.1:8000", "localhost:8000", "[::1]:8000"}
    everywhere = allowed_hosts("0.0.0.0", 8000)
    assert local | {"0.0.0.0:8000", f"{socket.gethostname().lower()}:8000"} <= everywhere
    assert not any(host.startswith(("evil", "example")) or not host.endswith(":8000") for host in everywhere)
    assert allowed_hosts("192.0.2.7", 8000) == local | {"192.0.2.7:8000"}
    names = {"127.0.0.1", "localhost", "[::1]"}
    assert allowed_hosts("127.0.0.1", 80) == names | {f"{name}:80" for name in names}  # browsers drop :80


def livereload_handshake(server, origin, host=None, fetch_site=None):
    """'hello' when the livereload socket accepts us and answers livereload.js' greeting, else the status."""
    from tornado.httpclient import HTTPClientError, HTTPRequest
    from tornado.websocket import websocket_connect

    headers = {"Host": host or f"127.0.0.1:{server.port}"}
    if origin is not None:
        headers["Origin"] = origin
    if fetch_site:
        headers["Sec-Fetch-Site"] = fetch_site

    async def attempt():
        try:
            socket_ = await websocket_connect(HTTPRequest(f"ws://127.0.0.1:{server.port}/livereload",
                                                          headers=headers, request_timeout=10))
        except HTTPClientError as error:
            return error.code
        try:
            await socket_.write_message(json.dumps({"command": "hello", "protocols": []}))
            return json.loads(await asyncio.wait_for(socket_.read_message(), 10))["command"]
        finally:
            socket_.close()

    return run_in_own_loop(attempt())


def test_the_livereload_socket_accepts_only_the_devserver_s_own_origin(served):
    port = served.port
    assert livereload_handshake(served, f"http://127.0.0.1:{port}") == "hello"
    assert livereload_handshake(served, f"http://localhost:{port}", host=f"localhost:{port}") == "hello"
    assert livereload_handshake(served, f"http://127.0.0.1:{port}", fetch_site="same-origin") == "hello"
    for origin, fetch_site in [("http://evil.example", None), (f"http://evil.example:{port}", None),
                               (f"http://localhost:{port}", None),  # not the origin this page came from
                               (f"http://127.0.0.1:{port + 1}", "same-site"), ("null", None),
                               ("http://evil.example", "cross-site"), (f"http://127.0.0.1:{port}.evil.example", None)]:
        assert livereload_handshake(served, origin, fetch_site=fetch_site) == 403, origin
    # A rebound name is refused before its origin is even looked at.
    assert livereload_handshake(served, f"http://evil.example:{port}", host=f"evil.example:{port}") == 421


def closed_after(connection):
    """Seconds until the server closes the connection (reading and dropping what it sends)."""
    started = time.monotonic()
    connection.settimeout(IDLE_TIMEOUT + 20)
    while connection.recv(65536):
        pass
    return time.monotonic() - started


@pytest.mark.parametrize("sent", [b"", b"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n",
                                  b"POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 100\r\n\r\nabc",
                                  b"GET /livereload.js HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"],
                         ids=["silent", "half-sent headers", "half-sent body", "idle keep-alive"])
def test_idle_and_half_open_connections_are_closed(served, sent):
    with socket.create_connection(("127.0.0.1", served.port), timeout=10) as connection:
        connection.sendall(sent.replace(b"{port}", str(served.port).encode()))
        assert IDLE_TIMEOUT - 0.5 < closed_after(connection) < IDLE_TIMEOUT + 10


def test_an_open_livereload_socket_outlives_the_idle_timeout(served):
    """The idle timeout is for HTTP; the livereload socket stays (pings close it if the browser goes)."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    async def talk():
        socket_ = await websocket_connect(HTTPRequest(
            f"ws://127.0.0.1:{served.port}/livereload", headers={"Origin": f"http://127.0.0.1:{served.port}"}))
        await asyncio.sleep(IDLE_TIMEOUT + 1.5)
        await socket_.write_message(json.dumps({"command": "hello", "protocols": []}))
        answer = json.loads(await asyncio.wait_for(socket_.read_message(), 10))
        socket_.close()
        return answer["command"]

    assert run_in_own_loop(talk()) == "hello"


@pytest.mark.parametrize("path", ["/no-such-page/", "/no-such-page", "/no-such.html", "/theme/css/no-such.css",
                                  "/quiet-ruptures/no-such/"])
def test_a_missing_page_gets_the_site_s_404_page(served, path):
    code, headers, body = fetch(served, path)
    assert code == 404
    assert headers["Content-Type"] == "text/html; charset=UTF-8"
    page = (served.output / "404.html").read_bytes()
    assert body == page.replace(b"</head>", b'<script src="/livereload.js"></script></head>', 1)
    assert body.count(b"livereload.js") == 1
    code, headers, body = fetch(served, path, method="HEAD")
    assert (code, body) == (404, b"")


def test_nothing_outside_the_output_folder_is_served(served):
    for path in ("/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/../../../../etc/passwd", "/..%2f..%2f..%2fetc/passwd"):
        code, headers, body = fetch(served, path)
        assert code in (403, 404) and b"root:" not in body, path
        assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.browser
def test_livereload_reloads_the_page_under_the_production_policy(devserver, page):
    """In Chromium: the page's own <meta> policy and the header both let livereload.js connect,
    nothing breaks a rule, and a save reloads the page."""
    problems, sockets, requests = [], [], []
    page.on("console", lambda message: problems.append(message.text) if message.type in ("error", "warning")
            else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("websocket", lambda socket_: sockets.append(socket_.url))
    page.context.on("request", lambda request: requests.append(request.url))
    page.add_init_script("document.addEventListener('securitypolicyviolation', event => "
                         "console.error('CSP violation: ' + event.violatedDirective + ' ' + event.blockedURI))")
    page.goto(devserver.url + "quiet-ruptures/?LR-verbose")
    with page.expect_console_message(lambda message: "LiveReload is connected" in message.text, timeout=20_000):
        pass
    article = devserver.site / "content" / "articles" / EDITED
    article.write_text(article.read_text(encoding="utf-8") + "\nA sentence the browser sees by itself.\n",
                       encoding="utf-8")
    # (wait_for_function would evaluate a string, which the policy forbids: a locator does not.)
    expect(page.locator("main")).to_contain_text("A sentence the browser sees by itself.", timeout=120_000)
    assert sockets and set(sockets) == {f"ws://127.0.0.1:{devserver.port}/livereload"}
    assert problems == []
    assert all(url.startswith(devserver.url) for url in requests), requests
