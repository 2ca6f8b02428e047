"""An outsider's site: the checklist plugin's wheel installed into a fresh venv that holds
only Pelican, and a small site on one of Pelican's own themes (no template edits).

What an outsider runs, in order (each step is done here for real):

    make dist                                         # dist/pelican_reflection_checklists-*.whl
    python3 -m venv venv && venv/bin/pip install pelican dist/pelican_reflection_checklists-*.whl
    # pelicanconf.py: THEME = "notmyidea"; PLUGINS = ["reflection_checklists"];
    #                 CHECKLIST_HELP_URL = "{filename}/pages/help.md"
    venv/bin/pelican content -s pelicanconf.py -o output
"""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT, serve

PACKAGE = ROOT / "plugins" / "pelican-reflection-checklists"

ARTICLE = """\
Title: Noticing how we talk
Date: 2026-11-02
Slug: noticing

A short article with two checklists.

/// checklist | How do our talks go?
    id: talks
    hint: Tick what happened this week.

- [ ] We talked about our day.
- [ ] One of us walked away from a hard talk.
- [ ] We made up after a quarrel.
- [ ] I feel afraid of what my partner might do. {.safety}

//// reflection | 0
Nothing ticked: a calm week, or one you have not thought about yet.
////
//// reflection | 1+
You ticked at least one. Notice what helped.
////
///

Some words between the two lists.

/// checklist | What would help?
    id: helps
    notes: true

- [ ] More time together.
- [ ] Fewer screens at dinner.

//// reflection | 0-2
Any answer is fine.
////
///
"""

HELP_PAGE = """\
Title: Help you can reach now
Slug: help

If you are in danger, call your local emergency number.
"""


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{' '.join(map(str, command))} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="session")
def wheel(tmp_path_factory):
    """`make dist`, as an outsider would run it (it builds the wheel with the repo's venv)."""
    run(["make", "-s", "dist"], cwd=ROOT)
    wheels = sorted((ROOT / "dist").glob("pelican_reflection_checklists-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="session")
def outsider_venv(tmp_path_factory, wheel):
    """A fresh venv with only Pelican and the wheel (and what they depend on)."""
    venv = tmp_path_factory.mktemp("outsider") / "venv"
    run([sys.executable, "-m", "venv", str(venv)])
    run([str(venv / "bin" / "pip"), "install", "--disable-pip-version-check", "-q",
         "-c", str(ROOT / "constraints.txt"), "pelican", str(wheel)])
    installed = run([str(venv / "bin" / "pip"), "list", "--format=freeze"]).stdout
    assert "pelican-reflection-checklists==" in installed and "pelican-webassets" not in installed, installed
    return venv


def outsider_site(base, venv, theme):
    site = base / theme
    (site / "content" / "pages").mkdir(parents=True)
    (site / "content" / "noticing.md").write_text(ARTICLE, encoding="utf-8")
    (site / "content" / "pages" / "help.md").write_text(HELP_PAGE, encoding="utf-8")
    (site / "pelicanconf.py").write_text(textwrap.dedent(f"""\
        SITENAME = "An outsider's site"
        SITEURL = ""
        PATH = "content"
        THEME = "{theme}"
        TIMEZONE = "UTC"
        DEFAULT_LANG = "en"
        FEED_ALL_ATOM = None
        CATEGORY_FEED_ATOM = None
        PLUGINS = ["reflection_checklists"]
        CHECKLIST_HELP_URL = "{{filename}}/pages/help.md"
        CHECKLIST_STORAGE_NAMESPACE = "outsider"
        """), encoding="utf-8")
    # Run from the site's folder with a clean environment: nothing of this repo on the path.
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
    run([str(venv / "bin" / "pelican"), "content", "-s", "pelicanconf.py", "-o", "output"], cwd=site, env=env)
    return site / "output"


@pytest.fixture(scope="session")
def outsider_output(tmp_path_factory, outsider_venv):
    return outsider_site(tmp_path_factory.mktemp("sites"), outsider_venv, "notmyidea")


@pytest.fixture(scope="session")
def simple_output(tmp_path_factory, outsider_venv):
    return outsider_site(tmp_path_factory.mktemp("sites"), outsider_venv, "simple")


@pytest.fixture(scope="session")
def outsider_url(outsider_output):
    server = serve(outsider_output)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
