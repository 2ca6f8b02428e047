"""The editor as `make edit` starts it, on a private copy of the site (content/ and practice.toml
in a temporary folder), on free ports, with its live preview: the real content/ is never touched."""

import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, TEST_CONTENT, TEST_PRACTICE

READY = re.compile(r"^Editor: (http://127\.0\.0\.1:\d+/)", re.M)
BACKEND = re.compile(r"^backend ready on 127\.0\.0\.1:(\d+)", re.M)


class RunningEditor:
    def __init__(self, base):
        self.site = base / "site"
        self.site.mkdir()
        shutil.copytree(TEST_CONTENT, self.site / "content")
        shutil.copy(TEST_PRACTICE, self.site / "practice.toml")
        self.log = base / "editor.log"
        with open(self.log, "w", encoding="utf-8") as handle:
            self.process = subprocess.Popen(
                ["make", "-s", "edit", f"EDIT_SITE={self.site}", "EDIT_PORT=0", "PORT=0",
                 f"OUTPUTDIR={base / 'preview'}", f"EDITOPTS=--preview-cache {base / 'cache'}"],
                cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 120
        while not READY.search(self.output()):
            assert self.process.poll() is None and time.monotonic() < deadline, self.output()
            time.sleep(0.2)
        self.url = READY.search(self.output()).group(1)
        self.origin = self.url.rstrip("/")
        self.backend_port = int(BACKEND.search(self.output()).group(1))

    def output(self):
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # make, the launcher and what it started
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


@pytest.fixture(scope="session")
def editor(tmp_path_factory):
    running = RunningEditor(Path(tmp_path_factory.mktemp("editor")))
    yield running
    running.stop()
