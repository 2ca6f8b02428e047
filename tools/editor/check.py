"""After a save: what the site's own build says about the saved file, in its own words.

The build is `make html`'s (tools.build, the same settings and plugins, less the search index),
run on the site's content into a folder that is thrown away, so a check never touches output/ or
the preview.
Its messages name files relative to the site folder (`content/articles/x.md:12: ...`); the
ones that name a saved file are that file's problems, the rest are counted.
"""

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RECORD = re.compile(r"^(ERROR|WARNING|CRITICAL)\s+(.*)$")


@dataclass
class Check:
    paths: list
    ok: bool = True              # the build accepts the saved files (no error names them)
    messages: list = field(default_factory=list)  # [{"level": "error", "text": ...}] naming them
    other_problems: int = 0      # errors and warnings about other files
    failed: bool = False         # the whole build failed (other files, or the settings)

    def as_json(self):
        return asdict(self)


def records(output):
    """(level, text) of each logged problem; a line without a level continues the one above."""
    found = []
    for line in output.splitlines():
        match = RECORD.match(line)
        if match:
            found.append([match.group(1).lower(), match.group(2).strip()])
        elif found and line.strip() and not line.startswith("Done:") and not line.startswith("The build failed"):
            found[-1][1] += " " + line.strip()
    return [tuple(record) for record in found]


def names(record_text, path):
    """Whether a message is about `path` (relative to the site): `content/x.md`, or as Pelican
    names a file it could not process, relative to content/ (`x.md`)."""
    candidates = {path}
    if path.startswith("content/"):
        candidates.add(path[len("content/"):])
    return any(re.search(rf"(?<![\w/.-]){re.escape(name)}(?![\w/.-])", record_text) for name in candidates)


def check(settings_file, site, paths, python=sys.executable):
    """Build the site in `site` once and sort its messages by the saved `paths`."""
    site, settings_file = Path(site).resolve(), Path(settings_file).resolve()
    paths = [os.path.normpath(path).replace(os.sep, "/") for path in paths]
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "PRACTICE_FILE": str(site / "practice.toml")}
    with tempfile.TemporaryDirectory(prefix="editor-check-") as output:
        result = subprocess.run(
            [python, "-m", "tools.build", "--settings", str(settings_file), "--content", str(site / "content"),
             "--output", output, "-e", "SEARCH_INDEX=false"],  # Pagefind's index names no author's mistake
            cwd=site, env=environment, capture_output=True, text=True)
    outcome = Check(paths, failed=result.returncode != 0)
    for level, text in records(result.stdout + result.stderr):
        if any(names(text, path) for path in paths):
            outcome.messages.append({"level": level, "text": text})
            outcome.ok = outcome.ok and level == "warning"
        else:
            outcome.other_problems += 1
    if outcome.failed and not outcome.messages and not outcome.other_problems:
        # It stopped without naming a problem (a crash): show its last words rather than "accepted".
        last = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()][-5:]
        outcome.messages.append({"level": "error", "text": "The build stopped: " + " ".join(last)})
        outcome.ok = False
    return outcome
