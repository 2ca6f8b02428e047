"""Make's variables do what the README says: PELICANOPTS reaches Pelican, `make regenerate` rebuilds.
Run on the product's test site (tests/site)."""

import os
import signal
import subprocess
import time

from bs4 import BeautifulSoup

from tests.conftest import ROOT, site_make_env


def make(*args, timeout=300):
    return subprocess.run(["make", "-s", *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                          env=site_make_env())


def test_pelicanopts_are_passed_to_pelican(tmp_path):
    result = make("html", f"OUTPUTDIR={tmp_path}", """PELICANOPTS=-e PRACTICE_REGION='"Nowhere Land"'""")
    assert result.returncode == 0, result.stdout + result.stderr
    footer = BeautifulSoup((tmp_path / "index.html").read_text(encoding="utf-8"), "html.parser").select_one("footer")
    assert "Nowhere Land" in footer.get_text()


def test_an_option_pelican_does_not_know_is_refused(tmp_path):
    result = make("html", f"OUTPUTDIR={tmp_path}", "PELICANOPTS=--no-such-option")
    assert result.returncode != 0
    assert "unrecognized arguments: --no-such-option" in result.stderr
    assert "Traceback" not in result.stderr


def test_make_regenerate_builds_and_keeps_watching(tmp_path):
    process = subprocess.Popen(["make", "-s", "regenerate", f"OUTPUTDIR={tmp_path}"], cwd=ROOT, env=site_make_env(),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not (tmp_path / "index.html").exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert (tmp_path / "index.html").exists()
        assert process.poll() is None, "make regenerate should keep watching for saves"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def test_a_setting_value_pelican_cannot_read_is_said_plainly(tmp_path):
    result = make("html", f"OUTPUTDIR={tmp_path}", "PELICANOPTS=-e X=None")
    assert result.returncode != 0
    assert "PELICANOPTS '-e X=None' cannot be read" in result.stderr and "KEY=null" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
