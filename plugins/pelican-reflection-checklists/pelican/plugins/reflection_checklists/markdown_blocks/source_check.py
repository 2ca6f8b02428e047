"""Give every block its source line, and never let block syntax reach a reader as text.

pymdown Blocks leaves a misspelled block, a header with broken YAML or an
unclosed block as literal text, and Markdown keeps no line numbers. So:

- `BlockSourceCheck` (a preprocessor) scans the raw lines with `SourceScan`,
  fails on mistakes only the raw lines show, and writes one extra option line,
  `source-line: N`, under the header of each block this project owns. The
  marker travels with the block through blockquotes, list items and
  admonitions; `LineTrackedBlock` takes it out and so knows its own line and
  its `BlockSource` (options and body lines), whatever came before it.
- `LeftoverBlockCheck` (a postprocessor) fails when a marker is still in the
  finished HTML: Markdown did not read that block (it sat in raw HTML, or in
  text Markdown shows as it is), so a reader would see `/// checklist` as text.
  In a code sample the marker is removed and the sample shown as written.
"""

import re

from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from .errors import AuthoringError
from .source_scan import SourceScan

# The option this check writes under each block header: the block's line in the file.
MARKER_KEY = "source-line"
RE_LEFTOVER = re.compile(rf"\n?[ \t]*(?:&gt;[ ]?)*[ \t]*{MARKER_KEY}: (\d+)[ ]*(?=\n|$|<)")
RE_PRE = re.compile(r"<pre[\s>]|</pre>")
BOM = "\ufeff"


class BlockSourceCheck(Preprocessor):
    """Scan the raw lines, fail on block mistakes, and mark each block with its line."""

    def __init__(self, md):
        super().__init__(md)
        self.parents = {}  # {block name we check: the block it must sit inside, or None}
        self.items = {}  # {block name: the pattern of an item that only works directly inside it}

    def known_block_names(self):
        return set(self.md.parser.blockprocessors["blocks"].blocks)

    def run(self, lines):
        lines = as_markdown_reads(lines)
        scan = SourceScan(
            lines,
            checked=self.parents,
            known=self.known_block_names(),
            tab_length=self.md.tab_length,
            indented_containers="admonition" in self.md.parser.blockprocessors,
            items=self.items,
        )
        blocks = [block for block in scan.run() if block.name in self.parents]
        self.md.block_sources = {block.line: block for block in blocks}
        marked = list(lines)
        for block in reversed(blocks):
            marker = f"{block.prefix}{' ' * (block.indent + 4)}{MARKER_KEY}: {block.line}"
            marked.insert(block.line, marker)
        return marked


def as_markdown_reads(lines):
    """The lines with Windows (CRLF) and old Mac (CR) line ends made plain, as Python-Markdown's
    own whitespace step will, and without a byte-order mark, as Pelican's reader drops it: the
    scan must see the lines Markdown reads, and an editor counts lines the same way."""
    text = "\n".join(lines)
    if "\r" not in text and not text.startswith(BOM):
        return lines
    return text.removeprefix(BOM).replace("\r\n", "\n").replace("\r", "\n").split("\n")


class LeftoverBlockCheck(Postprocessor):
    """A marker in the finished page is a block Markdown did not read."""

    def run(self, text):
        if MARKER_KEY not in text:
            return text
        for match in RE_LEFTOVER.finditer(text):
            if not self.in_code_sample(text, match.start()):
                line = int(match.group(1))
                block = self.md.block_sources.get(line)
                name = block.name if block else "block"
                raise AuthoringError(
                    line,
                    f"this `{name}` block is not read as a block, so readers would see its "
                    "lines as plain text. Markdown reads a block at the start of a line: in the page "
                    "itself, in a `>` quote, in a list item indented four spaces, or in HTML whose "
                    "opening tag, and that of every HTML element around it, says `markdown=\"1\"` "
                    "(`<div markdown=\"1\">`); not inside a paragraph, or a `!!!` note this site does "
                    "not turn on. Move the block to a line of its own, with a blank line before it.",
                )
        return RE_LEFTOVER.sub(lambda match: "" if self.in_code_sample(text, match.start()) else match.group(0),
                               text)

    @staticmethod
    def in_code_sample(text, position):
        tags = RE_PRE.findall(text, 0, position)
        return bool(tags) and tags[-1] != "</pre>"


def track_block_lines(md, parents, items=None):
    """Have the source check validate these blocks and mark them with their lines.

    `parents` maps each block name to the block it must sit inside (or None); `items`
    maps a block name to the pattern of an item that only works directly inside it.
    Several extensions share one check; it runs before Python-Markdown expands
    tabs and before Meta (priority 27) removes the header, so its line numbers
    match the file.
    """
    if "block_source_check" not in md.preprocessors:
        md.block_sources = {}
        md.preprocessors.register(BlockSourceCheck(md), "block_source_check", 40)
        md.postprocessors.register(LeftoverBlockCheck(md), "leftover_block_check", 1)
    md.preprocessors["block_source_check"].parents.update(parents)
    md.preprocessors["block_source_check"].items.update(items or {})
