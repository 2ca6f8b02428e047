"""`make bench` runs end to end on a tiny corpus and writes its table (no timings are judged)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PAGE_KINDS = ["home", "article", "checklist article", "category", "tag", "archives", "page", "search", "404"]


def table(text, heading):
    """The rows (lists of cells) of the first Markdown table under a `## heading`."""
    section = text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]
    assert len(rows) >= 2 and set("".join(rows[1])) <= set("-:"), f"no table under {heading!r}"
    return rows[0], rows[2:]


NUMBER = re.compile(r"^[\d,]+(\.\d+)?$")
SPREAD = re.compile(r"^(\d+\.\d+) \((\d+\.\d+)–(\d+\.\d+)\)$")  # median (fastest–slowest)


def check_spread(cell):
    found = SPREAD.match(cell)
    assert found, cell
    middle, low, high = (float(value) for value in found.groups())
    assert low <= middle <= high, cell


@pytest.mark.slow
def test_bench_writes_its_table(tmp_path):
    results = tmp_path / "results" / "latest.md"
    run = subprocess.run(
        [sys.executable, "-m", "tools.bench", "--sizes", "3", "--runs", "1",
         "--results", str(results), "--corpus", str(tmp_path / "corpus")],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert re.search(r"^\[\s*1/\d+\] ", run.stdout, re.M), "no progress line per build"
    text = results.read_text(encoding="utf-8")
    assert text in run.stdout  # the table is printed too

    header, rows = table(text, "Build time: this site against vanilla Pelican")
    assert header[:4] == ["articles", "ours (s)", "vanilla (s)", "ratio (ours / vanilla)"]
    assert "ours peak memory (MB)" in header and "vanilla peak memory (MB)" in header
    assert [row[0] for row in rows] == ["3"]
    check_spread(rows[0][1])
    check_spread(rows[0][2])
    assert all(NUMBER.match(cell) for cell in rows[0][3:9]), rows[0]

    header, rows = table(text, "Targets (issue 27)")
    assert header == ["what", "articles", "measured", "goal", "met"]
    whats = [row[0] for row in rows]
    assert any(what.startswith("cold build CPU time") for what in whats), whats
    rebuild = [row for row in rows if row[0].startswith("`make html` after one edit")]
    # The cached rebuild writes exactly what a cold build of the same files writes.
    assert rebuild and "same bytes as a cold build" in rebuild[0][0], rows
    assert all(row[1] == "3" and NUMBER.match(row[2]) and row[4] in ("yes", "no") for row in rows), rows

    header, rows = table(text, "Search index")
    assert header == ["articles", "ours + search (s)", "our search step (s)", "vanilla + Pagefind (s)",
                      "vanilla's Pagefind step (s)", "our search step / vanilla build"]
    assert [row[0] for row in rows] == ["3"]
    check_spread(rows[0][1])
    check_spread(rows[0][3])
    assert re.match(r"^-?\d+\.\d+$", rows[0][2]) and re.match(r"^-?\d+\.\d+$", rows[0][4]), rows[0]

    header, rows = table(text, "Rebuild after editing one article (content caching on)")
    assert header[:5] == ["articles", "vanilla, every page (s)", "ours, every page (s)",
                          "devserver, text edit (s)", "devserver, title edit (s)"]
    assert [row[0] for row in rows] == ["3"]
    assert all(NUMBER.match(cell) for cell in rows[0][1:5]), rows[0]
    text_edit, title_edit = (int(count) for count in rows[0][5].split(" / "))
    # The fast path writes the saved article's page only; the full check does the lists.
    assert text_edit == title_edit == 1
    assert NUMBER.match(rows[0][-1]), rows[0]  # the full check's time

    header, rows = table(text, "Page weight (the real site)")
    assert header == ["page type", "file", "HTML (bytes)", "HTML gzipped (bytes)", "total (bytes)",
                      "total gzipped (bytes)", "requests"]
    assert [row[0] for row in rows] == PAGE_KINDS
    for row in rows:
        assert all(NUMBER.match(cell) for cell in row[2:]), row
        assert int(row[6]) >= 2, row  # the HTML and at least its stylesheet
