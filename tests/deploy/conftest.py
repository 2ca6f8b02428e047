"""The production site as readers get it: published with publishconf.py, served by nginx.
The site is the product's test site (tests/site), so a practice's own content changes nothing here.

Two hosted copies, built once per test run: one under a subpath
(SITEURL=http://127.0.0.1:PORT/practice-site) and one at the domain root. nginx
runs in the foreground from a prefix folder in /tmp, on a free port picked first,
and includes the shipped deploy/nginx-security-headers.conf, so tests see the
real headers.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, TEST_CONTENT, TEST_PRACTICE, practice_file, site_make_env
from tools.publish import publish

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
NGINX_SNIPPET = ROOT / "deploy" / "nginx-security-headers.conf"
MIME_TYPES = "/etc/nginx/mime.types"
SUBPATH = "/practice-site"
NODE_BIN = ROOT / "node_modules" / ".bin"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def free_port():
    """nginx cannot listen on port 0: ask the kernel for a free port, then release it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def site_url_env(site_url, example_site=True):
    """publishconf.py reads SITEURL from the environment, and PUBLISH_EXAMPLE_SITE: the test
    suite publishes the example practice on purpose (test_publish checks the refusal)."""
    values = {"SITEURL": site_url, "PUBLISH_EXAMPLE_SITE": "yes" if example_site else ""}
    before = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in before.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def make_env(**extra):
    """The environment for a nested `make` on the test site: without the outer `make test`'s
    flags and variables, publishing the example practice on purpose."""
    return site_make_env(**{"PUBLISH_EXAMPLE_SITE": "yes", **extra})


def world_readable_dir(prefix):
    """A folder nginx's workers (user nobody) can read: not under pytest's private tmp."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    return folder


def publish_site(output, site_url, content=None, overrides=None):
    """`make publish` in-process: tools.publish with SITEURL set; fail the test on any problem."""
    with site_url_env(site_url), practice_file(TEST_PRACTICE):
        problems = publish(str(ROOT / "publishconf.py"), content=str(content or TEST_CONTENT),
                           output=str(output),
                           overrides={"CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False, **(overrides or {})})
    assert problems == 0, f"publishing reported {problems} problem(s); see the log above"
    return Path(output)


NGINX_CONF = """\
worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 128; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/temp/body;
    proxy_temp_path {prefix}/temp/proxy;
    fastcgi_temp_path {prefix}/temp/fastcgi;
    uwsgi_temp_path {prefix}/temp/uwsgi;
    scgi_temp_path {prefix}/temp/scgi;
    charset utf-8;
    server_tokens off;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        include {snippet};
{locations}
    }}
}}
"""
SUBPATH_LOCATIONS = """\
        error_page 404 {subpath}/404.html;
        location {subpath}/ {{ alias {site}/; }}
        location = {subpath} {{ return 301 {subpath}/; }}"""
ROOT_LOCATIONS = """\
        error_page 404 /404.html;
        location / {{ root {site}; }}"""


@dataclass
class Hosted:
    """A published site served by nginx."""

    url: str  # the SITEURL it was published with, without a trailing slash
    site: Path  # the published folder
    origin: str  # http://127.0.0.1:PORT
    prefix: Path  # nginx's prefix folder (config, logs)


class Nginx:
    def __init__(self, site, port, subpath=""):
        self.site, self.port, self.subpath = Path(site), port, subpath
        self.prefix = world_readable_dir("nginx-")
        (self.prefix / "temp").mkdir()
        locations = (SUBPATH_LOCATIONS if subpath else ROOT_LOCATIONS).format(subpath=subpath, site=self.site)
        self.conf = self.prefix / "nginx.conf"
        self.conf.write_text(NGINX_CONF.format(prefix=self.prefix, mime_types=MIME_TYPES, port=port,
                                               snippet=NGINX_SNIPPET, locations=locations))
        self.process = None

    def command(self, *extra):
        return [NGINX, "-p", str(self.prefix), "-c", str(self.conf), "-e", str(self.prefix / "error.log"), *extra]

    def start(self):
        check = subprocess.run(self.command("-t"), capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        self.process = subprocess.Popen(self.command(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"nginx stopped: {self.process.stderr.read().decode()}\n{self.log()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.05)
        raise AssertionError(f"nginx did not start listening on port {self.port}\n{self.log()}")

    def log(self):
        path = self.prefix / "error.log"
        return path.read_text() if path.exists() else ""

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()  # SIGTERM: fast shutdown of master and workers
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.prefix, ignore_errors=True)


@contextmanager
def hosted_site(subpath):
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    base = world_readable_dir("published-")
    site = publish_site(base / "site", origin + subpath)
    server = Nginx(site, port, subpath).start()
    try:
        yield Hosted(url=origin + subpath, site=site, origin=origin, prefix=server.prefix)
    finally:
        server.stop()
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def hosted_subpath():
    """The site published for, and served under, http://127.0.0.1:PORT/practice-site."""
    with hosted_site(SUBPATH) as hosted:
        yield hosted


@pytest.fixture(scope="session")
def hosted_root():
    """The site published for, and served at, http://127.0.0.1:PORT (domain root)."""
    with hosted_site("") as hosted:
        yield hosted


@pytest.fixture(params=["subpath", "root"])
def hosted(request):
    return request.getfixturevalue(f"hosted_{request.param}")


def fetch(url):
    """(status, headers, body) without following redirects; 4xx/5xx are returned, not raised."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()
