"""Shared pieces for this project's pymdown Blocks (checklist, reflection, consultation).

Not a Pelican plugin: a small library the Markdown extensions import.

- `source_scan`: one pass over the raw lines, as Python-Markdown will read them,
  recording every `/// name` block with its line, options and body.
- `source_check`: the preprocessor that runs the scan and marks each block with
  its line, and the postprocessor that fails when block syntax would reach a
  reader as text.
- `blocks.LineTrackedBlock`: a Block that knows its own line and source, and
  reports option mistakes with the value as written.
- `errors.AuthoringError`: the one exception an author's mistake raises.

See docs/checklist-source-lines.md.
"""

from .blocks import LineTrackedBlock, type_text
from .errors import AuthoringError
from .source_check import track_block_lines

__all__ = ["AuthoringError", "LineTrackedBlock", "track_block_lines", "type_text"]
