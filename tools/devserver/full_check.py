"""The full check: once saves pause, build the whole site exactly as `make html` does, and
make the served folder equal to it.

The build runs `tools.build` in its own Python process (the same command,
settings, plugins, sitemap, written-page checks and search index as `make html`),
into a staging folder beside the output. Then every file whose bytes differ
is copied into the output, and every file the full build no longer writes is
removed. So whatever the fast path left out, the served site ends as a clean
build would write it. If a save arrives while the check builds, that result
is dropped and the check starts again; if the build reports a problem, the
served site is left as it is and the problem is printed.
"""

import filecmp
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DELAY = 1.0  # seconds without a save before the check starts (the site is whole again within 5 s at 100 articles)


@dataclass
class Check:
    ok: bool
    seconds: float = 0.0
    updated: list = field(default_factory=list)  # written or removed, relative to the output
    output: str = ""

    def summary(self):
        if not self.ok:
            return "The full build found a problem (above); the pages you see were not changed by it."
        if not self.updated:
            return f"Checked against a full build in {self.seconds:.1f} s: every page was up to date."
        shown = ", ".join(self.updated[:3]) + (f" and {len(self.updated) - 3} more" if len(self.updated) > 3 else "")
        return (f"Checked against a full build in {self.seconds:.1f} s: updated {len(self.updated)} "
                f"file{'s' if len(self.updated) != 1 else ''} ({shown}).")


def sync(staging, output):
    """Make `output` hold exactly the files of `staging`; return what changed (sorted)."""
    staging, output = Path(staging), Path(output)
    updated = []
    wanted = set()
    for source in sorted(staging.rglob("*")):
        relative = source.relative_to(staging)
        wanted.add(relative)
        target = output / relative
        if source.is_dir():
            if target.exists() and not target.is_dir():
                target.unlink()
            target.mkdir(parents=True, exist_ok=True)
        elif not target.is_file() or not filecmp.cmp(source, target, shallow=False):
            if target.is_dir():
                shutil.rmtree(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.devserver")
            shutil.copy2(source, temporary)
            os.replace(temporary, target)  # a reader never sees half a file
            updated.append(relative.as_posix())
    for existing in sorted(output.rglob("*"), reverse=True):
        relative = existing.relative_to(output)
        if relative not in wanted:
            if existing.is_dir():
                shutil.rmtree(existing, ignore_errors=True)
            else:
                existing.unlink(missing_ok=True)
            updated.append(relative.as_posix())
    return sorted(updated)


class FullCheck:
    """Runs the full build after each pause in saving; `on_checked(Check)` hears the result."""

    def __init__(self, settings_file, content, output, lock, on_checked=None, delay=DELAY):
        self.settings_file, self.content, self.output = settings_file, content, Path(output)
        self.staging = self.output.parent / f".{self.output.name}.full-check"
        self.lock = lock  # the fast path's lock: one writer of the output at a time
        self.on_checked = on_checked
        self.delay = delay
        self.generation = 0  # one more for every save the fast path has seen
        self._due = None
        self._closed = False
        self._thread = None

    def schedule(self):
        """A save happened: check once saves have paused for `delay` seconds."""
        self.generation += 1
        self._due = time.monotonic() + self.delay
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="full-check", daemon=True)
            self._thread.start()

    def run(self):
        """Build, then sync unless a save arrived meanwhile; returns the Check, or None if dropped."""
        generation = self.generation
        start = time.perf_counter()
        shutil.rmtree(self.staging, ignore_errors=True)
        command = [sys.executable, "-m", "tools.build", "--settings", str(self.settings_file),
                   "--content", str(self.content), "--output", str(self.staging)]
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        if generation != self.generation:
            return None
        if result.returncode != 0:
            check = Check(False, time.perf_counter() - start, output=result.stdout + result.stderr)
        else:
            with self.lock:
                if generation != self.generation:
                    return None
                updated = sync(self.staging, self.output)
            check = Check(True, time.perf_counter() - start, updated, result.stdout + result.stderr)
        shutil.rmtree(self.staging, ignore_errors=True)
        if self.on_checked:
            self.on_checked(check)
        return check

    def _loop(self):
        while not self._closed:
            due = self._due
            if due is None or time.monotonic() < due:
                time.sleep(0.1)
                continue
            self._due = None
            if self.run() is None and self._due is None:
                self._due = time.monotonic()  # dropped for a save that was already handled: go again

    def close(self):
        self._closed = True
        shutil.rmtree(self.staging, ignore_errors=True)
