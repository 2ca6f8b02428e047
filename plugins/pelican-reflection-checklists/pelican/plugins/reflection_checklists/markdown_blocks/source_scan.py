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

from .block_options import parse_options
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
RE_HIDDEN_IN_LINE = re.compile(r"`+[^`]*`+|<!--.*?-->")  # a code span or a comment: never read as syntax
# A block's first line, or its closing `///`, written after other text on a line.
RE_START_ANYWHERE = re.compile(r"(/{3,})[ ]*([A-Za-z][\w-]*)[ ]*(\|[^<]*)?")
RE_END_AT_LINE_END = re.compile(r"\S[ ]+(/{3,})[ ]*$")
# An HTML element Python-Markdown keeps as it is, from its line to its closing tag (without
# `markdown="1"`): inside a block, one left open takes the block's closing line with it.
RE_HTML_START = re.compile(r"^<(address|article|aside|blockquote|details|dialog|div|dl|fieldset|figure|footer|form|"
                           r"header|main|nav|ol|pre|section|table|ul)(?=[\s>/])([^>]*)", re.I)

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


class SourceScan:
    """One pass over a file's lines; `blocks` holds every block found, in order.

    `checked` maps the block names this project owns to the block each must sit
    inside (or None); `known` lists every block name Markdown can read; with
    `indented_containers` (the admonition extension is on) `!!! note` opens an
    indented container as a list item does. `items` maps a block name to the
    pattern of an item that only means something directly inside that block
    (a checklist's `- [ ]`): anywhere else, readers would see it as text.

    A mistake does not end the scan when what the author meant is clear: a name
    close to a block's is read as that block, options or a line with block or item
    syntax in text are named and passed over, `/// end` closes the open block. So one
    run names each of a file's mistakes once, e.g. a block never closed and a
    misspelled name further down. A mistake that leaves the blocks' structure
    unclear (a line over-indented, a `///` that closes nothing, a block in the wrong
    place) ends the scan, so nothing that only follows from it is named.
    """

    def __init__(self, lines, *, checked, known, tab_length=4, indented_containers=False, items=None):
        self.written = lines
        self.lines = [line.expandtabs(tab_length) for line in lines]
        self.checked = checked
        self.known = sorted(known)
        self.indented_containers = indented_containers
        self.items = items or {}
        self.blocks = []
        self.mistakes = []
        self.open = []  # BlockSource, innermost last
        self.skip = set()  # option lines, already read
        self.comment = None  # line of an open `<!--`
        self.fence = None  # (fence, line) of an open fence
        self.html = None  # [tag, line, elements still open, the block it opened in] of open raw HTML
        self.code = False  # inside an indented code block
        self.containers = {}  # {quote depth: True while a list item or admonition is open}
        self.previous = None  # (depth, level) of the last non-blank line, None after a blank

    def run(self):
        for number, text in enumerate(self.lines, start=1):
            self.read_line(number, text)
        if self.comment:
            self.mistake(self.comment, "this `<!--` comment is never closed, so readers would see `<!--` and "
                                       "the text after it. Add `-->` where the comment ends.")
        if self.fence:
            fence, line = self.fence
            self.mistake(line, f"this code fence, {fence}, is never closed, so readers would see it as text and "
                               f"the lines after it would not be code. Add a line with just {fence} where the "
                               "code ends.")
        if not (self.fence or self.comment):  # else a block's end may be in the code or comment
            for block in self.open:
                self.unclosed(block)
        self.stop()
        return self.blocks

    def mistake(self, line, message, final=False):
        """Note a mistake; a `final` one leaves the file's structure unclear, so the scan stops
        there rather than name what may only follow from it."""
        if not any(known.line == line and known.message == message for known in self.mistakes):
            self.mistakes.append(AuthoringError(line, message))
        if final:
            self.stop()

    def stop(self):
        if self.mistakes:
            first, *rest = sorted(self.mistakes, key=lambda mistake: mistake.line)
            raise AuthoringError(first.line, first.message, also=rest)

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
        if fence := RE_FENCE.match(text):
            # Python-Markdown finds fences in the raw text, at the very left edge, before anything
            # else: a fence there ends any quote or list item, and the code runs to the same fence.
            self.at_left_edge(number, f"code fence, {fence.group(1)},")
            self.fence = (fence.group(1), number)
            if self.open:
                self.body_line(self.open[-1], number, text)
            self.previous, self.code, self.containers[0] = None, False, False
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
        if depth == 0 and spaces < 4 and content.startswith("<") and (
                content.startswith("<!--") or RE_HTML_START.match(content)):
            self.at_left_edge(number, "HTML comment" if content.startswith("<!--")
                              else f"`<{RE_HTML_START.match(content).group(1)}>`")
        if not after_blank and not marker:
            # A line straight after another one continues it ("lazy" in Markdown's terms).
            depth, level = max(depth, self.previous[0]), max(level, self.previous[1])
        if marker or self.opens_container(content):
            self.containers[depth] = True
        self.previous = (depth, level)

        self.close_left_containers(depth, level)
        if self.opens_comment(content):
            return

        # Most lines are prose: only one that starts with `///` can be a block's first or last line.
        end = start = None
        if content.startswith("///"):
            end = RE_END.match(content)
            start = None if end else RE_START.match(content)
        self.follow_html(number, content, end or start)
        if (end or start) and spaces - level * 4 >= 4:
            self.mistake(
                number,
                f"`{content.strip()[:40]}` is indented {spaces} spaces, more than the text around it, so "
                "Markdown reads it as part of the paragraph above, not as a block line. Start it at the "
                "left edge (inside a list item, four spaces in), with a blank line before the block.",
                final=True,
            )
        if end:
            self.read_end(number, len(end.group(1)))
        elif start:
            self.read_start(number, start, depth, level, prefix)
        else:
            self.check_syntax_in_text(number, content, depth, level, prefix)
            if self.open:
                block = self.open[-1]
                self.body_line(block, number, rest[min(block.indent, spaces):])

    def at_left_edge(self, number, what):
        """HTML (a comment too) or a code fence at the left edge ends any `>` quote or list item, as
        Markdown sets it apart from the text before anything else: a block inside one ends there."""
        inner = next((block for block in self.open if block.level > 0 or block.depth > 0), None)
        if inner:
            where = "`>` quote" if inner.depth else "list item"
            like = f"start it with `{inner.prefix.strip()}`" if inner.depth else f"indent it {inner.indent} spaces"
            self.mistake(number, f"this {what} starts at the left edge, so Markdown ends the {where} that the "
                                 f"`{inner.name}` block of line {inner.line} sits in, and the block with it: its "
                                 "closing line would show as text. "
                                 + ("Move it after the block." if "fence" in what else
                                    f"Write it like the block's own lines ({like}), or move it after the block."),
                                 final=True)

    def follow_html(self, number, content, block_line):
        """Follow an HTML element opened inside a block until it closes: if the block's own
        lines come first, Markdown reads them as part of the HTML and the block never ends."""
        if self.html:
            tag, line, count, inside = self.html
            if block_line and inside in self.open:
                self.mistake(line, f"this `<{tag}>` is not closed before line {number}, so Markdown reads "
                                   f"everything from here on as HTML, the `{inside.name}` block's own lines "
                                   f"included, and readers would see them as text. Close it with `</{tag}>` or "
                                   f"delete it (HTML cannot go inside a `{inside.name}` block).", final=True)
            count += len(re.findall(rf"<{tag}[\s>]", content, re.I)) - len(re.findall(rf"</{tag}\s*>", content, re.I))
            self.html = [tag, line, count, inside] if count > 0 else None
        elif content.startswith("<") and self.open and (opened := RE_HTML_START.match(content)) \
                and "markdown=" not in opened.group(2):
            tag = opened.group(1).lower()
            count = len(re.findall(rf"<{tag}[\s>]", content, re.I)) - len(re.findall(rf"</{tag}\s*>", content, re.I))
            if count > 0:
                self.html = [tag, number, count, self.open[-1]]

    def check_syntax_in_text(self, number, content, depth=0, level=0, prefix=""):
        """Block or item syntax where Markdown reads text: readers would see it as it is written."""
        if "[" in content:
            for name, pattern in self.items.items():
                inside = self.open and self.open[-1].name == name
                if not inside and pattern.match(content):
                    self.mistake(number, f"`{content.strip()[:40]}` is written as an item of a `{name}` block, but "
                                         f"it is not inside one, so readers would see it as plain text. Put it "
                                         f"between a `/// {name} | ...` line and its closing `///`, or write it "
                                         "in backticks to show the syntax itself.")
                    return
                if found := self.syntax_mid_line(content, pattern):
                    self.mistake(number, f"`{found}` in the middle of a line is not read as an item of a `{name}` "
                                         f"block, so readers would see it as text. Start each item on a line of its "
                                         f"own, inside the block, or write it in backticks to show the syntax itself.")
                    return
        if "///" in content:
            if found := self.syntax_mid_line(content, RE_START_ANYWHERE, self.is_block_start):
                self.mistake(number, f"`{found}` in the middle of a line does not start a block, so readers "
                                     "would see it as text. Start the block on a line of its own, with a blank line "
                                     "before it, or write it in backticks to show the syntax itself.")
                start = RE_START.match(found)
                if start and self.closes_later(number, len(start.group(1))):
                    self.read_start(number, start, depth, level, prefix)  # read on as meant: a block
            elif self.open and (closing := RE_END_AT_LINE_END.search(content)):
                block = self.open[-1]
                self.mistake(number, f"`///` at the end of this line does not close the `{block.name}` block: "
                                     f"Markdown reads it as text. Put `{'/' * len(closing.group(1))}` on a line "
                                     "of its own, after the block's last line.")
                self.read_end(number, len(closing.group(1)), quietly=True)  # read on as meant

    def closes_later(self, number, slashes):
        """True when a later line is a block's end with this many slashes."""
        return any((match := RE_END.match(line.lstrip(" >"))) and len(match.group(1)) == slashes
                   for line in self.lines[number:])

    def is_block_start(self, found):
        name = found.group(2).lower()
        return bool(found.group(3) is not None or name in self.known
                    or difflib.get_close_matches(name, self.known, n=1, cutoff=0.8))

    @staticmethod
    def syntax_mid_line(content, pattern, accept=None):
        """The text of the first `pattern` match after other text on the line, outside code spans
        and comments."""
        visible = RE_HIDDEN_IN_LINE.sub(lambda span: " " * len(span.group(0)), content)
        for found in pattern.finditer(visible):
            before = visible[:found.start()]
            if before.strip() and before[-1:] in " \t>" and (accept is None or accept(found)):
                return " ".join(found.group(0).split())[:40]
        return None

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
        left = [block for block in self.open if block.depth > depth or block.level > level]
        for block in left:
            self.unclosed(block)
        if left:
            self.open = [block for block in self.open if block not in left]

    def read_start(self, number, start, depth, level, prefix):
        slashes, name = len(start.group(1)), start.group(2).lower()
        if name not in self.known:
            name = self.unknown_name(number, name, slashes, start.group(3))
            if name is None:
                return
        parent = self.open[-1] if self.open else None
        block = BlockSource(name, number, slashes, depth, level, prefix, parent)
        if name in self.checked:
            self.check_parent(block)
            block.parent = self.open[-1] if self.open else None
            block.options = self.read_options(number, block)
        for outer in self.open:
            if outer.slashes == slashes:
                self.same_slashes(block, outer)
        self.blocks.append(block)
        self.open.append(block)

    def read_options(self, number, block):
        """{key: (line, value as written)} of the block's options; {} after a mistake in them."""
        option_lines = self.option_lines(number, block)
        tabbed = next((line for line, _, _ in option_lines if "\t" in self.indent_written(line)), None)
        if tabbed:
            self.mistake(tabbed, "this option line is indented with a tab. Indent each option with four spaces "
                                 "(a tab can look the same, but is read differently).")
            return {}
        try:
            values = parse_options([(line, text) for line, text, _ in option_lines], number)
        except AuthoringError as error:
            self.mistakes.append(error)
            return {}
        written = {}
        for line, text, _ in option_lines:
            key, colon, value = text.partition(":")
            if colon and key.strip() in values and key.strip() not in written:
                written[key.strip()] = (line, value.strip())
        return {key: written.get(key, (number + 1, str(value))) for key, value in values.items()}

    def indent_written(self, line):
        """What comes before the text on a line, as written (quote markers, spaces, tabs)."""
        written = self.written[line - 1]
        return written[:len(written) - len(written.lstrip(" \t>"))]

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

    def read_end(self, number, slashes, quietly=False):
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
        if quietly:
            return
        if any(block.name in self.checked for block in self.open) or slashes == 3:
            inside = next((block for block in reversed(self.open) if block.name in self.checked), None)
            hint = (f" The `{inside.name}` block above opened with {inside.slashes} slashes, so it closes "
                    f"with `{'/' * inside.slashes}`." if inside else "")
            self.mistake(
                number,
                f"this `{'/' * slashes}` closes nothing: no block above it was opened with "
                f"{slashes} slashes.{hint} A block closes with the same number of slashes it "
                "opened with.",
                final=True,
            )

    def unknown_name(self, number, name, slashes, argument):
        """Name a misspelled block, and read on as the author meant: the block it is closest to,
        or, for `/// end` while a block with as many slashes is open, that block's end."""
        close = difflib.get_close_matches(name, self.known, n=1, cutoff=0.6)
        listing = ", ".join(f"`{known_name}`" for known_name in self.known)
        closing = next((block for block in reversed(self.open) if block.slashes == slashes), None)
        if not close and closing and argument is None:
            self.mistake(number, f"there is no block called `{name}`. To close the `{closing.name}` block of line "
                                 f"{closing.line}, write `{'/' * slashes}` alone on the line. The blocks you can "
                                 f"use are: {listing}.")
            self.read_end(number, slashes)
            return None
        hint = f"Did you mean `{close[0]}`? " if close else ""
        self.mistake(number, f"there is no block called `{name}`. {hint}The blocks you can use are: {listing}.",
                     final=not close)
        return close[0]

    def check_parent(self, block):
        """A block in the wrong place is named, then read on as the message says to write it."""
        wanted = self.checked.get(block.name)
        parent = block.parent.name if block.parent else None
        if wanted and parent != wanted:
            self.mistake(
                block.line,
                f"a `{block.name}` block only works inside a `{wanted}` block. Move it between the "
                f"`/// {wanted}` line and that block's closing `///`, and open it with `////`.",
                final=True,
            )
        elif not wanted and parent in self.checked:
            still_open = self.open
            where = " and ".join(f"`{outer.name}` (line {outer.line})" for outer in still_open)
            closing = " then ".join(f"`{'/' * outer.slashes}`" for outer in reversed(still_open))
            self.mistake(
                block.line,
                f"a `{block.name}` block cannot go inside a `{parent}` block, and {where} "
                f"{'is' if len(still_open) == 1 else 'are'} still open here. Close "
                f"{'it' if len(still_open) == 1 else 'them'} before this one: {closing}, "
                f"{'on a line of its own' if len(still_open) == 1 else 'each on a line of its own'}.",
                final=True,
            )

    def same_slashes(self, block, outer):
        more = "/" * (outer.slashes + 1)
        self.mistake(
            block.line,
            f"this `{block.name}` block opens with {block.slashes} slashes, the same number as the "
            f"`{outer.name}` block it sits inside (line {outer.line}), so it would close that block "
            f"too early. Inside it, write `{more} {block.name}` and close it with `{more}`.",
            final=True,
        )

    def unclosed(self, block):
        self.mistake(
            block.line,
            f"the `{block.name}` block that starts here is never closed. Add a line with just "
            f"`{block.prefix}{' ' * block.indent}{'/' * block.slashes}` after its last line.",
        )
