"""Read a Markdown file line by line the way Python-Markdown will, to find blocks.

pymdown Blocks only sees text after Markdown has taken blockquotes, list items
and raw HTML apart, by then without line numbers. So this scanner walks the
raw lines once, keeping track of the containers Markdown will see (quote
markers `>`, list items and admonitions indented four spaces, indented code,
fenced code, HTML comments), and records every `/// name` block with its first
line, its options and the lines of its body. `source_check` turns those
records into markers that travel with each block through Markdown, so a block
always knows its own line, wherever it sits.

No Markdown imports: this is plain text in, records (or an AuthoringError) out.
"""

import difflib
import re
from dataclasses import dataclass, field

import yaml

from .errors import AuthoringError

# pymdown Blocks' header and end lines, once the container prefix is removed.
RE_START = re.compile(r"^(/{3,})[ ]*([\w-]+)[ ]*(?:\|[ ]*(.*?)[ ]*)?$")
RE_END = re.compile(r"^(/{3,})[ ]*$")
RE_QUOTE = re.compile(r"[ ]{0,3}>[ ]?")
# Python-Markdown's fenced_code: a fence at the very start of a line, closed by the same fence.
RE_FENCE = re.compile(r"^(`{3,}|~{3,})")
RE_LIST_MARKER = re.compile(r"^(?:[-*+]|\d+[.)])(?:[ ]+|$)")
RE_ADMONITION = re.compile(r"^(?:!!!|\?\?\?\+?)[ ]+\S")
RE_CODE_SPAN = re.compile(r"`+[^`]*`+")

# libyaml's parser when PyYAML has it: the same YAML, several times faster on a big site.
BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DuplicateOption(Exception):
    def __init__(self, key, first, again):
        super().__init__(key)
        self.key, self.first, self.again = key, first, again


class OptionLoader(BaseLoader):
    """YAML that refuses a key given twice (PyYAML would silently keep the last one)."""


def _mapping_without_repeats(loader, node, deep=False):
    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise DuplicateOption(key, seen[key], key_node.start_mark.line)
        seen[key] = key_node.start_mark.line
    return yaml.constructor.SafeConstructor.construct_mapping(loader, node, deep)


OptionLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_repeats)


@dataclass
class BlockSource:
    """One `/// name` block as written in the file."""

    name: str
    line: int
    slashes: int
    depth: int  # how many `>` quote levels it sits in
    level: int  # how many four-space indents (list items, admonitions) it sits in
    prefix: str  # the quote markers written before it, reused for its marker line
    parent: "BlockSource | None" = None
    options: dict = field(default_factory=dict)  # {key: (line, value as written)}
    body: list = field(default_factory=list)  # [(line, text without the block's indent)]
    end: int | None = None

    @property
    def indent(self):
        return self.level * 4


def first_alias(source):
    """The first YAML alias (`*name`) in `source`, as a parser event, or None. Read from the event
    stream, before anything is built: a few nested aliases can expand to billions of values."""
    if "*" not in source:
        return None
    try:
        return next((event for event in yaml.parse(source, Loader=BaseLoader)
                     if isinstance(event, yaml.AliasEvent)), None)
    except yaml.YAMLError:
        return None  # not YAML at all: the loader says so in its own words


def refuse_aliases(source, header_line):
    alias = first_alias(source)
    if alias is not None:
        raise AuthoringError(
            header_line + 1 + alias.start_mark.line,
            f"the options under this block repeat a value with a YAML alias (`*{alias.anchor}`). "
            "Write each value out in full instead.",
        )


def parse_options(option_lines, header_line):
    """Parse a block's indented YAML options, reporting a mistake on its own line."""
    if not option_lines:
        return {}
    source = "\n".join(text for _, text in option_lines)
    try:
        refuse_aliases(source, header_line)
        options = yaml.load(source, Loader=OptionLoader)  # noqa: S506 - a safe loader
    except DuplicateOption as repeat:
        raise AuthoringError(
            header_line + 1 + repeat.again,
            f"the option `{repeat.key}` is given twice (lines {header_line + 1 + repeat.first} and "
            f"{header_line + 1 + repeat.again}). Keep the one you want and delete the other.",
        ) from None
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


class SourceScan:
    """One pass over a file's lines; `blocks` holds every block found, in order.

    `checked` maps the block names this project owns to the block each must sit
    inside (or None); `known` lists every block name Markdown can read; with
    `indented_containers` (the admonition extension is on) `!!! note` opens an
    indented container as a list item does.
    """

    def __init__(self, lines, *, checked, known, tab_length=4, indented_containers=False):
        self.lines = [line.expandtabs(tab_length) for line in lines]
        self.checked = checked
        self.known = sorted(known)
        self.indented_containers = indented_containers
        self.blocks = []
        self.open = []  # BlockSource, innermost last
        self.skip = set()  # option lines, already read
        self.comment = None  # line of an open `<!--`
        self.fence = None  # (fence, line) of an open fence
        self.code = False  # inside an indented code block
        self.containers = {}  # {quote depth: True while a list item or admonition is open}
        self.previous = None  # (depth, level) of the last non-blank line, None after a blank

    def run(self):
        for number, text in enumerate(self.lines, start=1):
            self.read_line(number, text)
        if self.comment:
            raise AuthoringError(self.comment, "this `<!--` comment is never closed, so readers would see "
                                 "`<!--` and the text after it. Add `-->` where the comment ends.")
        if self.fence:
            fence, line = self.fence
            raise AuthoringError(line, f"this code fence, {fence}, is never closed, so readers would see "
                                 f"it as text and the lines after it would not be code. Add a line with "
                                 f"just {fence} where the code ends.")
        if self.open:
            self.unclosed(self.open[0])
        return self.blocks

    def read_line(self, number, text):
        self.current_line = number
        if self.comment:
            if "-->" in text:
                self.comment = None
            return
        if self.fence:
            if text.rstrip() == self.fence[0]:
                self.fence = None
            return
        if number in self.skip:
            return

        depth, rest, prefix = 0, text, ""
        while match := RE_QUOTE.match(rest):
            depth, prefix, rest = depth + 1, prefix + match.group(0), rest[match.end():]
        content = rest.lstrip(" ")
        if not content:
            self.previous = None
            return
        spaces = len(rest) - len(content)
        after_blank = self.previous is None
        marker = RE_LIST_MARKER.match(content)

        if after_blank and spaces < 4 and not marker and not self.opens_container(content):
            self.containers[depth] = False
        if spaces < 4:
            self.code = False
        if spaces >= 4 and (after_blank or self.code) and not self.containers.get(depth):
            self.code = True  # Markdown shows this as code: a sample, not a block
            self.previous = (depth, 0)
            if self.open:
                self.body_line(self.open[-1], number, rest)
            return
        level = spaces // 4 if self.containers.get(depth) else 0
        if not after_blank and not marker:
            # A line straight after another one continues it ("lazy" in Markdown's terms).
            depth, level = max(depth, self.previous[0]), max(level, self.previous[1])
        if marker or self.opens_container(content):
            self.containers[depth] = True
        self.previous = (depth, level)

        self.close_left_containers(depth, level)
        if depth == 0 and spaces == 0 and (fence := RE_FENCE.match(content)):
            self.fence = (fence.group(1), number)
            return
        if self.opens_comment(content):
            return

        # Most lines are prose: only one that starts with `///` can be a block's first or last line.
        end = start = None
        if content.startswith("///"):
            end = RE_END.match(content)
            start = None if end else RE_START.match(content)
        if (end or start) and spaces - level * 4 >= 4:
            raise AuthoringError(
                number,
                f"`{content.strip()[:40]}` is indented {spaces} spaces, more than the text around it, so "
                "Markdown reads it as part of the paragraph above, not as a block line. Start it at the "
                "left edge (inside a list item, four spaces in), with a blank line before the block.",
            )
        if end:
            self.read_end(number, len(end.group(1)))
        elif start:
            self.read_start(number, start, depth, level, prefix)
        elif self.open:
            block = self.open[-1]
            self.body_line(block, number, rest[min(block.indent, spaces):])

    def opens_container(self, content):
        return self.indented_containers and RE_ADMONITION.match(content)

    def opens_comment(self, content):
        """Note an HTML comment left open on this line; True when the line starts one."""
        if "<" not in content:
            return False  # the usual line; removing code spans cannot make a `<!--` without a `<`
        visible = RE_CODE_SPAN.sub("", content)
        start = visible.rfind("<!--")
        if start < 0:
            return False
        if "-->" not in visible[start + 4:]:
            self.comment = self.current_line
        return visible.startswith("<!--")

    def body_line(self, block, number, text):
        block.body.append((number, text))

    def close_left_containers(self, depth, level):
        """A block still open in a quote or list item that has ended was never closed."""
        for block in self.open:
            if block.depth > depth or block.level > level:
                self.unclosed(block)

    def read_start(self, number, start, depth, level, prefix):
        slashes, name = len(start.group(1)), start.group(2).lower()
        self.check_name(name, number)
        parent = self.open[-1] if self.open else None
        block = BlockSource(name, number, slashes, depth, level, prefix, parent)
        if name in self.checked:
            self.check_parent(block)
            option_lines = self.option_lines(number, block)
            values = parse_options([(line, text) for line, text, _ in option_lines], number)
            written = {}
            for line, text, _ in option_lines:
                key, colon, value = text.partition(":")
                if colon and key.strip() in values and key.strip() not in written:
                    written[key.strip()] = (line, value.strip())
            block.options = {key: written.get(key, (number + 1, str(value))) for key, value in values.items()}
        for outer in self.open:
            if outer.slashes == slashes:
                self.same_slashes(block, outer)
        self.blocks.append(block)
        self.open.append(block)

    def option_lines(self, number, block):
        """The lines indented four spaces under a block's first line: (line, text, raw)."""
        found = []
        for line in range(number + 1, len(self.lines) + 1):
            rest = self.lines[line - 1]
            for _ in range(block.depth):
                match = RE_QUOTE.match(rest)
                rest = rest[match.end():] if match else rest
            inner = rest[block.indent:] if rest[:block.indent].strip() == "" else ""
            if not inner.startswith("    ") or not inner.strip():
                break
            found.append((line, inner[4:], rest))
            self.skip.add(line)
        return found

    def read_end(self, number, slashes):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index].slashes == slashes:
                for inner in self.open[index + 1:]:
                    self.unclosed(inner)
                closed = self.open[index]
                closed.end = number
                del self.open[index:]
                # The list inside the block ended with it.
                self.containers[closed.depth] = closed.level > 0
                return
        if any(block.name in self.checked for block in self.open) or slashes == 3:
            inside = next((block for block in reversed(self.open) if block.name in self.checked), None)
            hint = (f" The `{inside.name}` block above opened with {inside.slashes} slashes, so it closes "
                    f"with `{'/' * inside.slashes}`." if inside else "")
            raise AuthoringError(
                number,
                f"this `{'/' * slashes}` closes nothing: no block above it was opened with "
                f"{slashes} slashes.{hint} A block closes with the same number of slashes it "
                "opened with.",
            )

    def check_name(self, name, number):
        if name in self.known:
            return
        close = difflib.get_close_matches(name, self.known, n=1, cutoff=0.6)
        hint = f"Did you mean `{close[0]}`? " if close else ""
        raise AuthoringError(
            number,
            f"there is no block called `{name}`. {hint}The blocks you can use are: "
            + ", ".join(f"`{known_name}`" for known_name in self.known)
            + ".",
        )

    def check_parent(self, block):
        wanted = self.checked.get(block.name)
        parent = block.parent.name if block.parent else None
        if wanted and parent != wanted:
            raise AuthoringError(
                block.line,
                f"a `{block.name}` block only works inside a `{wanted}` block. Move it between the "
                f"`/// {wanted}` line and that block's closing `///`, and open it with `////`.",
            )
        if not wanted and parent in self.checked:
            raise AuthoringError(
                block.line,
                f"a `{block.name}` block cannot go inside a `{parent}` block. Close the "
                f"`{parent}` block (on its own line, `{'/' * block.parent.slashes}`) before this one.",
            )

    @staticmethod
    def same_slashes(block, outer):
        more = "/" * (outer.slashes + 1)
        raise AuthoringError(
            block.line,
            f"this `{block.name}` block opens with {block.slashes} slashes, the same number as the "
            f"`{outer.name}` block it sits inside (line {outer.line}), so it would close that block "
            f"too early. Inside it, write `{more} {block.name}` and close it with `{more}`.",
        )

    @staticmethod
    def unclosed(block):
        raise AuthoringError(
            block.line,
            f"the `{block.name}` block that starts here is never closed. Add a line with just "
            f"`{block.prefix}{' ' * block.indent}{'/' * block.slashes}` after its last line.",
        )
