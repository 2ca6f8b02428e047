"""Shared fixtures: a real Pelican build of the site, served over HTTP on 127.0.0.1."""

import functools
import http.server
import os
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "plugins"))

from tools.build import build  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/lib/chromium/chromium")


MARKERS_BY_FOLDER = {"browser": "browser", "deploy": "deploy", "outsider": "browser"}


def pytest_collection_modifyitems(items):
    """Mark tests by the folder they live in, so `make test-fast` can leave the slow kinds out."""
    for item in items:
        path = Path(str(item.fspath))
        if not path.is_relative_to(ROOT / "tests"):
            continue  # the checklist package's own tests (plugins/pelican-reflection-checklists/tests)
        parts = path.relative_to(ROOT / "tests").parts
        if parts and parts[0] in MARKERS_BY_FOLDER:
            item.add_marker(getattr(pytest.mark, MARKERS_BY_FOLDER[parts[0]]))
        if parts and parts[-1] == "test_devserver.py":
            item.add_marker(pytest.mark.devserver)


def pytest_addoption(parser):
    parser.addoption(
        "--update-fixtures", action="store_true",
        help="rewrite expected .html/.error fixture files from the current output (review the diff!)",
    )


def build_site(output, settings="pelicanconf.py", content=None, overrides=None):
    """Build with Pelican for real; fail the test with the log if anything went wrong."""
    problems = build(
        str(ROOT / settings),
        content=str(content or ROOT / "content"),
        output=str(output),
        overrides={"CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False, **(overrides or {})},
    )
    assert problems == 0, f"the build reported {problems} problem(s); see the log above"
    return Path(output)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The whole site, built once per test run."""
    return build_site(tmp_path_factory.mktemp("site"))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory):
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="session")
def site_url(site):
    server = serve(site)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Drive Debian's Chromium; Playwright's own browser download does not work here."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [*browser_type_launch_args.get("args", []), "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"],
    }
