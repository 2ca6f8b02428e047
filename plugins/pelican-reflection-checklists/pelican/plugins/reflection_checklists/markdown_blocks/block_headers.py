"""Read pymdown Blocks' headers with libyaml, and a header holding only the source-line marker
without YAML at all.

pymdown-extensions reads the indented `key: value` lines under `/// name` with `yaml.safe_load`,
PyYAML's pure-Python loader. Every block this project owns has such a header (the source check
writes `source-line: N` there), so an article with a checklist and three reflections parsed four
small YAML documents: about an eighth of its Markdown conversion. The author's own options were
already read, and checked, by the source scan with libyaml (block_options.OptionLoader).

pymdownx.blocks offers no setting for this, so `use_fast_headers` replaces its module-level
`get_frontmatter`, the one function its `split_header` calls for a header. The replacement
returns what pymdown's returns (a dict, `{}` for an empty header, None for YAML that is not a
mapping or does not parse); plugins/pelican-reflection-checklists/tests/test_block_headers.py compares the two.
"""

import re

import pymdownx.blocks
import yaml

from .block_options import first_alias

# The option source_check writes under each block header.
MARKER_KEY = "source-line"
# That option alone (no leading zero: YAML 1.1 would read it as octal).
RE_MARKER_ONLY = re.compile(rf"{MARKER_KEY}: ([1-9][0-9]*)\n?")
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# pymdown's own, kept for the tests that compare the two.
PYMDOWN_READ_HEADER = pymdownx.blocks.get_frontmatter


def read_header(string):
    """pymdownx.blocks.get_frontmatter, faster."""
    if marker := RE_MARKER_ONLY.fullmatch(string):
        return {MARKER_KEY: int(marker.group(1))}
    try:
        if first_alias(string) is not None:
            return None  # never expanded (the source scan has already named the line)
        header = yaml.load(string, Loader=Loader)  # noqa: S506 - a safe loader
    except Exception:  # noqa: BLE001 - as pymdown's: a header that does not parse gives None
        return None
    if header is None:
        return {}
    return header if isinstance(header, dict) else None


def use_fast_headers():
    pymdownx.blocks.get_frontmatter = read_header
