"""`make devserver`: a save rewrites the pages it affects, leaves the others alone, and matches a full build.

The devserver runs as `make devserver` runs it (its own process, file watcher
and HTTP server) on a copy of the real content. No timings are judged here;
`make bench` measures them.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import build_site

ROOT = Path(__file__).resolve().parent.parent
EDITED = "03-quiet-ruptures.md"
EDITED_PAGE = "quiet-ruptures/index.html"


def wait_for(condition, timeout=90, message="the devserver"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {message}")


def html_files(output):
    return {path.relative_to(output).as_posix(): path for path in output.rglob("*.html")
            if "pagefind" not in path.relative_to(output).parts}


@pytest.fixture
def devserver(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    output, log = tmp_path / "output", tmp_path / "devserver.log"
    with open(log, "w", encoding="utf-8") as handle:
        process = subprocess.Popen(
            [sys.executable, "-m", "tools.devserver", "--content", str(content), "--output", str(output),
             "--settings", str(ROOT / "pelicanconf.py"), "--port", "0", "--bind", "127.0.0.1",
             "--cache", str(tmp_path / "cache")],
            cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        found = wait_for(lambda: re.search(r"Serving on (http://127\.0\.0\.1:\d+/)", log.read_text(encoding="utf-8"))
                         or process.poll() is not None, message="the first build")
        assert process.poll() is None, log.read_text(encoding="utf-8")
        time.sleep(1.0)  # let the watcher start
        yield {"content": content, "output": output, "url": found.group(1), "log": log}
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def rebuilds(log):
    return re.findall(r"Rebuilt in [\d.]+ s \((.*?)\): wrote (\d+) page", log.read_text(encoding="utf-8"))


def test_a_saved_article_rewrites_its_page_and_leaves_the_others_alone(devserver):
    content, output, log = devserver["content"], devserver["output"], devserver["log"]
    before = {name: path.stat().st_mtime_ns for name, path in html_files(output).items()}
    assert EDITED_PAGE in before and "what-trust-is/index.html" in before
    done = len(rebuilds(log))

    article = content / "articles" / EDITED
    article.write_text(article.read_text(encoding="utf-8") + "\nA sentence added while the devserver runs.\n",
                       encoding="utf-8")
    page = output / EDITED_PAGE
    wait_for(lambda: "A sentence added while the devserver runs." in page.read_text(encoding="utf-8"),
             message="the edited article's page")
    wait_for(lambda: len(rebuilds(log)) > done, message="the rebuild to finish")
    assert rebuilds(log)[-1] == ("content changed", "1")

    after = {name: path.stat().st_mtime_ns for name, path in html_files(output).items()}
    changed = sorted(name for name in before if after[name] != before[name])
    assert changed == [EDITED_PAGE]
    assert after["what-trust-is/index.html"] == before["what-trust-is/index.html"]

    served = urllib.request.urlopen(devserver["url"] + "quiet-ruptures/", timeout=10).read().decode("utf-8")
    assert "A sentence added while the devserver runs." in served
    assert '<script src="/livereload.js"></script></head>' in served


def test_a_new_title_reaches_every_list_and_the_site_matches_a_full_build(devserver, tmp_path):
    content, output, log = devserver["content"], devserver["output"], devserver["log"]
    done = len(rebuilds(log))
    article = content / "articles" / EDITED
    article.write_text(article.read_text(encoding="utf-8").replace("Title: ", "Title: Renamed: ", 1),
                       encoding="utf-8")
    wait_for(lambda: "Renamed: " in (output / "index.html").read_text(encoding="utf-8"),
             message="the home page to show the new title")
    wait_for(lambda: len(rebuilds(log)) > done, message="the rebuild to finish")
    kind, written = rebuilds(log)[-1]
    assert kind == "content changed" and 1 < int(written) < len(html_files(output))

    full = build_site(tmp_path / "full", content=content)
    ours, theirs = html_files(output), html_files(full)
    assert set(theirs) <= set(ours)
    different = [name for name in theirs if ours[name].read_bytes() != theirs[name].read_bytes()]
    assert different == []
