"""What our pymdown Blocks share: a block that knows its source line and reports its options loudly."""

import datetime
import difflib

from pymdownx.blocks.block import Block

from .errors import AuthoringError
from .source_check import MARKER_KEY


def read_as(value):
    """What YAML made of a value that is not text, in an author's words."""
    if isinstance(value, bool):
        return "a yes/no"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "a date"
    return "a list" if isinstance(value, list) else "a set of options"


def type_text(value):
    """A text option. YAML reads `No`, `yes`, `12` or `2026-01-01` as a yes/no, a number or a date."""
    if value is None:
        raise ValueError("it is empty. Write the text after the colon, or delete the line")
    if not isinstance(value, str):
        raise ValueError(f"it is read as {read_as(value)}, not as text. Put the text in double quotes, "
                         "e.g. `{key}: \"{value}\"`")
    return value


class LineTrackedBlock(Block):
    """A block that knows its first line and reports option mistakes loudly.

    pymdown's own _validate returns False on a bad option, which leaves the
    block as literal text; an author needs to hear about it instead.
    """

    ARGUMENT_HELP = ""

    def on_init(self):
        self.line, self.source = 0, None

    def fail(self, message, line=None):
        raise AuthoringError(line or self.line, f"{self.NAME} block: {message}")

    def take_source(self, options):
        """The `source-line` marker the source check wrote under the header (see source_check)."""
        marker = options.pop(MARKER_KEY, None)
        self.source = self.md.block_sources.get(marker)
        self.line = self.source.line if self.source else 0

    def line_of(self, text, occurrence=0):
        """The body line of this block holding `text` (its `occurrence`-th copy), or the first line."""
        needle = " ".join(text.split())
        found = [number for number, line in (self.source.body if self.source else [])
                 if needle and needle in " ".join(line.split())]
        return found[min(occurrence, len(found) - 1)] if found else self.line

    def _validate(self, parent, arg, **options):
        self.take_source(options)
        if self.arg_spec and not (arg or "").strip():
            self.fail(f"it has no {self.ARGUMENT_HELP}. Write it after a bar: `/// {self.NAME} | ...`.")
        if self.arg_spec is False and arg:
            self.fail(f"it takes nothing after `{self.NAME}`; remove `| {arg}`.")
        self.argument = (arg or "").strip()
        parsed = {key: spec[0] for key, spec in self.option_spec.items()}
        allowed = [key for key in self.option_spec if key != "attrs"]
        written = self.source.options if self.source else {}
        for key, value in options.items():
            line, as_written = written.get(key, (self.line, value))
            if key not in allowed:
                listing = ", ".join(f"`{name}`" for name in allowed) or "none"
                close = difflib.get_close_matches(str(key).lower().replace(" ", "_"), allowed, n=1, cutoff=0.6)
                hint = f"Did you mean `{close[0]}`? " if close else ""
                self.fail(f"unknown option `{key}`. {hint}The options it takes are: {listing}.", line)
            try:
                parsed[key] = self.option_spec[key][1](value)
            except ValueError as error:
                reason = str(error).replace("{key}", key).replace("{value}", str(as_written).strip("\"'"))
                self.fail(f"option `{key}: {as_written}` is not valid: {reason}.", line)
        self.options = parsed
        return self.on_validate(parent)
