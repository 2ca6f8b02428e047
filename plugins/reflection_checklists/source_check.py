"""Structural checks on the raw Markdown, before pymdown Blocks sees it.

pymdown Blocks leaves a misspelled block, a header with broken YAML or an
unclosed block as literal text (or swallows the rest of the page). Those
mistakes can only be seen in the raw lines, so this preprocessor finds them,
with their line numbers, and records where each of our blocks starts so the
block classes can name the line of any later mistake.
"""

import difflib
import re

import yaml
from markdown.preprocessors import Preprocessor

from .errors import AuthoringError

# The same shapes pymdown Blocks uses for a block's first and last line.
RE_START = re.compile(r"^[ ]{0,3}(/{3,})[ ]*([\w-]+)[ ]*(?:\|[ ]*(.*?)[ ]*)?$")
RE_END = re.compile(r"^[ ]{0,3}(/{3,})[ ]*$")
RE_OPTION_LINE = re.compile(r"^[ ]{4,}\S")
RE_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")

# libyaml's loader when PyYAML has it: the same YAML, several times faster on a big site.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def find_option_lines(lines, start):
    """Return the indented option lines directly under a block's first line."""
    options = []
    for text in lines[start:]:
        if not RE_OPTION_LINE.match(text):
            break
        options.append(text)
    return options


def parse_options(option_lines, header_line):
    """Parse a block's indented YAML options; report broken YAML on its own line."""
    if not option_lines:
        return {}
    source = "\n".join(line[4:] for line in option_lines)
    try:
        options = yaml.load(source, Loader=SafeLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = header_line + 1 + (mark.line if mark else 0)
        problem = getattr(error, "problem", None) or "it could not be read"
        raise AuthoringError(
            line,
            f"the options under this block are not valid YAML ({problem}). "
            "Write one option per line as `name: value`, indented four spaces; "
            "put text that contains a colon in double quotes.",
        ) from None
    if not isinstance(options, dict):
        raise AuthoringError(
            header_line + 1,
            "the indented lines under this block must be options written as "
            "`name: value`, one per line.",
        )
    return options


class BlockSourceCheck(Preprocessor):
    """Fail on block mistakes that pymdown Blocks would silently keep as text."""

    def __init__(self, md):
        super().__init__(md)
        self.parents = {}  # {block name we check: the block it must sit inside, or None}

    @property
    def names(self):
        return set(self.parents)

    @property
    def block_lines(self):
        return self.md.block_lines

    def known_block_names(self):
        blocks = self.md.parser.blockprocessors["blocks"]
        return sorted(blocks.blocks)

    def run(self, lines):
        self.md.source_lines = list(lines)
        for name in self.block_lines:
            self.block_lines[name] = []
        open_blocks = []  # (slashes, name, line)
        fence = None
        for index, text in enumerate(lines):
            number = index + 1
            fence_match = RE_FENCE.match(text)
            if fence:
                if fence_match and fence_match.group(1)[0] == fence[0] and len(fence_match.group(1)) >= len(fence):
                    fence = None
                continue
            if fence_match:
                fence = fence_match.group(1)
                continue

            end = RE_END.match(text)
            if end:
                slashes = len(end.group(1))
                if any(block[0] == slashes for block in open_blocks):
                    while open_blocks and open_blocks[-1][0] != slashes:
                        self.report_unclosed(open_blocks.pop())
                    open_blocks.pop()
                elif any(block[1] in self.names for block in open_blocks) or slashes == 3:
                    raise AuthoringError(
                        number,
                        f"this `{end.group(1)}` closes nothing: no block above it was opened with "
                        f"{slashes} slashes. A block closes with the same number of slashes it "
                        "opened with (a reflection inside a checklist uses `////`).",
                    )
                continue

            start = RE_START.match(text)
            if not start:
                continue
            slashes, name, argument = len(start.group(1)), start.group(2).lower(), start.group(3)
            self.check_name(name, number)
            if name in self.names:
                parent = next((block[1] for block in reversed(open_blocks)), None)
                self.check_parent(name, parent, slashes, open_blocks, number)
                parse_options(find_option_lines(lines, index + 1), number)
                self.block_lines[name].append(number)
            if any(block[0] == slashes for block in open_blocks):
                raise AuthoringError(
                    number,
                    f"this `{name}` block opens with {slashes} slashes, the same number as the "
                    "block it sits inside, so it would close that block too early. Use one more "
                    "slash for each level of nesting (for example `////` inside a `///` block).",
                )
            open_blocks.append((slashes, name, number))
        if open_blocks:
            self.report_unclosed(open_blocks[0])
        return lines

    def check_name(self, name, number):
        known = self.known_block_names()
        if name in known:
            return
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = f"Did you mean `{close[0]}`? " if close else ""
        raise AuthoringError(
            number,
            f"there is no block called `{name}`. {hint}The blocks you can use are: "
            + ", ".join(f"`{known_name}`" for known_name in known)
            + ".",
        )

    def check_parent(self, name, parent, slashes, open_blocks, number):
        wanted = self.parents.get(name)
        if wanted and parent != wanted:
            raise AuthoringError(
                number,
                f"a `{name}` block only works inside a `{wanted}` block. Move it between the "
                f"`/// {wanted}` line and that block's closing `///`, opened with `////`.",
            )
        if not wanted and parent in self.names:
            raise AuthoringError(
                number,
                f"a `{name}` block cannot go inside a `{parent}` block. Close the "
                f"`{parent}` block first.",
            )

    @staticmethod
    def report_unclosed(block):
        slashes, name, line = block
        raise AuthoringError(
            line,
            f"the `{name}` block that starts here is never closed. Add a line with just "
            f"`{'/' * slashes}` after its last line.",
        )


def track_block_lines(md, parents):
    """Have the source check validate these blocks and record their first lines.

    `parents` maps each block name to the block it must sit inside (or None).
    Several extensions share one check; it runs before Meta (priority 27)
    removes the header, so its line numbers match the file.
    """
    if "block_source_check" not in md.preprocessors:
        md.block_lines = {}
        md.preprocessors.register(BlockSourceCheck(md), "block_source_check", 40)
    check = md.preprocessors["block_source_check"]
    check.parents.update(parents)
    for name in parents:
        md.block_lines.setdefault(name, [])
