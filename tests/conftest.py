"""Shared fixtures: real Pelican builds, served over HTTP on 127.0.0.1.

Two sites are built once per test run (tests/README.md):
- `site`: the product's own test site, tests/site (a frozen part of the example library and
  the example practice). The tests of the plugins and the theme run on it, so they pass
  whatever a practice puts in content/.
- `practice_site`: whatever content/ and practice.toml hold now. The checks in tests/content
  run on it; they hold for any practice's content.
"""

import functools
import http.server
import os
import runpy
import sys
import threading
import tomllib
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "plugins"))

from tools.build import build  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/lib/chromium/chromium")

TEST_SITE = ROOT / "tests" / "site"
TEST_CONTENT = TEST_SITE / "content"
TEST_PRACTICE = TEST_SITE / "practice.toml"
# What the practice's own content promises (tests/example_library); absent once a practice
# has replaced the example library and deleted it.
LIBRARY_FILE = ROOT / "content" / "library.toml"
# The practice's own details, as `make html` reads them.
PRACTICE = Path(os.environ.get("PRACTICE_FILE") or ROOT / "practice.toml")


def practice_languages():
    """The languages practice.toml builds the site in (["en"] or ["en", "fr"])."""
    with open(PRACTICE, "rb") as source:
        return tomllib.load(source).get("practice", {}).get("languages", ["en"])


def pytest_ignore_collect(collection_path):
    """Checks that do not apply to this practice's content are not collected (never skipped):
    the example library's promises once content/library.toml is gone, and the French site's
    checks when practice.toml builds English only."""
    path = Path(collection_path)
    if path == ROOT / "tests" / "example_library" and not LIBRARY_FILE.is_file():
        return True
    if path == ROOT / "tests" / "content" / "test_french.py" and "fr" not in practice_languages():
        return True
    return None


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


def pytest_collection_finish(session):
    """The adopter's end-to-end run (tests/test_adopter.py) starts as soon as it is selected, so
    its own `make test-fast` runs beside the other tests instead of after them (in one process;
    with pytest-xdist's workers it already runs beside them)."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return  # with workers, each collects every test: the test starts its own run where it lands
    if any(item.nodeid.startswith("tests/test_adopter.py::") for item in session.items):
        from tests.test_adopter import AdopterRun

        session.config.adopter_run = AdopterRun()


def pytest_sessionfinish(session):
    run = getattr(session.config, "adopter_run", None)
    if run is not None:
        run.stop()


def pytest_addoption(parser):
    parser.addoption(
        "--update-fixtures", action="store_true",
        help="rewrite expected .html/.error fixture files from the current output (review the diff!)",
    )


@contextmanager
def practice_file(path):
    """Build with this practice.toml (pelicanconf.py reads PRACTICE_FILE). publishconf.py
    imports pelicanconf, and Pelican keeps the settings module it last read under that name:
    it is dropped, so the next import reads this practice."""
    before = os.environ.get("PRACTICE_FILE")
    os.environ["PRACTICE_FILE"] = str(path)
    sys.modules.pop("pelicanconf", None)
    try:
        yield
    finally:
        sys.modules.pop("pelicanconf", None)
        if before is None:
            os.environ.pop("PRACTICE_FILE", None)
        else:
            os.environ["PRACTICE_FILE"] = before


def site_make_env(**extra):
    """The environment for a `make` run on the test site (the Makefile reads INPUTDIR from the
    environment, pelicanconf.py PRACTICE_FILE), without an outer `make test`'s flags."""
    env = {key: value for key, value in os.environ.items() if key not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    return {**env, "INPUTDIR": str(TEST_CONTENT), "PRACTICE_FILE": str(TEST_PRACTICE), **extra}


def build_site(output, settings="pelicanconf.py", content=TEST_CONTENT, overrides=None, practice=TEST_PRACTICE):
    """Build with Pelican for real (the test site unless told otherwise); fail the test with
    the log if anything went wrong."""
    with practice_file(practice):
        problems = build(
            str(ROOT / settings),
            content=str(content),
            output=str(output),
            overrides={"CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False, **(overrides or {})},
        )
    assert problems == 0, f"the build reported {problems} problem(s); see the log above"
    return Path(output)


def site_settings(practice=TEST_PRACTICE):
    """pelicanconf.py's values for a practice file, as a dictionary."""
    with practice_file(practice):
        return runpy.run_path(str(ROOT / "pelicanconf.py"))


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The product's test site (tests/site), built once per test run."""
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_config():
    """pelicanconf.py's values for the test site (tests/site/practice.toml)."""
    return site_settings(TEST_PRACTICE)


@pytest.fixture(scope="session")
def practice_site(tmp_path_factory):
    """content/ with practice.toml, as `make html` builds it, once per test run."""
    return build_site(tmp_path_factory.mktemp("practice-site"), content=ROOT / "content",
                      practice=PRACTICE)


@pytest.fixture(scope="session")
def practice_settings():
    """pelicanconf.py's values for this practice (practice.toml)."""
    return site_settings(PRACTICE)


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
