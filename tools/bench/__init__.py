"""Benchmarks: build speed against vanilla Pelican, fast rebuilds, page weight.

    python -m tools.bench [--sizes 100 1000] [--runs 5] [--results bench/results/latest.md]

Generates a seeded corpus of articles (headings, lists, links and one
checklist each) into bench/corpus/, with a copy whose checklists are plain
Markdown for vanilla Pelican (default theme, no plugins, default MARKDOWN,
the same pages written). Builds both alternately, each build in its own
Python process so imports and peak memory are measured fairly, then times a
cached rebuild after editing one article (Pelican's own `-r` path, and our
devserver's edit-to-refreshed path) and weighs each kind of page of the real
site. Prints one line per build and a table, and writes the table to
bench/results/latest.md. See bench/README.md.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = ROOT / "pelicanconf.py"
CONTENT = ROOT / "content"
CORPUS = ROOT / "bench" / "corpus"
RESULTS = ROOT / "bench" / "results" / "latest.md"

# The pieces, one per concern:
#   corpus.py    the seeded corpus of articles (ours, and a vanilla copy)
#   children.py  one measurement per child process (build, rebuild, devserver, weight)
#   weight.py    the page crawler: bytes, gzipped bytes and requests of a page
#   report.py    the Markdown table
#   __main__.py  the whole run and its command line
