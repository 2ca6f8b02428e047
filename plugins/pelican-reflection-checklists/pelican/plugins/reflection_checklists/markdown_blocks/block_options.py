"""Read the options under a block's first line, and say what is wrong with one in plain words.

    /// checklist | How do our talks go?
        id: talks
        hint: Tick what happened this week.

The indented lines are YAML. An author writes them as `name: value` and should never meet
YAML's own words ("mapping values are not allowed in this context"): each mistake is named
with its line, the line as written and what to write instead. Some lines YAML reads without
complaint but not as the author meant (`#` starts a comment that drops the rest of the text,
`&name` is a label YAML removes), so those are refused too.

No Markdown imports: text in, a dict (or an AuthoringError) out.
"""

import re

import yaml

from .errors import AuthoringError

# libyaml's parser when PyYAML has it: the same YAML, several times faster on a big site.
BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

RE_OPTION = re.compile(r"^(?P<key>[^\s:#'\"][^:]*?)[ ]*:(?P<space>[ ]*)(?P<value>.*?)[ ]*$")
RE_KEY = re.compile(r"^[A-Za-z_][\w-]*$")
# A value YAML reads as something other than text when it is not in quotes: what it does with it.
NOT_TEXT_STARTS = {
    "[": "is read as a list", "{": "is read as a set of options", "&": "loses that word (YAML takes it as a label)",
    "!": "is read as a type name", "|": "starts a longer text on the lines below", ">": "starts a longer text on the "
    "lines below", "- ": "is read as a list", "? ": "cannot be read", "@": "cannot be read", "`": "cannot be read",
    "%": "cannot be read",
}
RE_COMMENT = re.compile(r"(?:^|[ \t])#")
QUOTE_HOW = "put the whole text in double quotes, e.g. `{key}: \"{example}\"`"


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


def first_alias(source):
    """The first YAML alias (`*name`) in `source`, as a parser event, or None. Read from the event
    stream, before anything is built: a few nested aliases can expand to billions of values."""
    if "*" not in source:
        return None
    try:
        return next((event for event in yaml.parse(source, Loader=BaseLoader)
                     if isinstance(event, yaml.AliasEvent)), None)
    except yaml.YAMLError:
        return None  # not YAML at all: the line is explained in plain words instead


def requoted(text):
    """`text` in quotes YAML reads as exactly that text."""
    if "'" not in text:
        return f"'{text}'"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def quoted_text_problem(key, value):
    """What is wrong with a value that starts with a quote, or None."""
    quote = value[0]
    closed = len(value) > 1 and value.endswith(quote)
    inner = value[1:-1] if closed else value
    stray = closed and ("'" in inner.replace("''", "") if quote == "'" else re.search(r'(?<!\\)"', inner))
    mark = "an apostrophe" if quote == "'" else "a double quote"
    if not closed and quote not in value[1:]:
        return (f"the text starts with {mark} but does not end with one. Add it at the end, "
                f"`{key}: {value}{quote}`, or delete the first one")
    if not closed or stray:
        return (f"the text starts with {mark}, so it is read as quoted text that must end with one and hold no "
                f"other. Write it as `{key}: {requoted(inner)}`")
    if quote == '"' and re.search(r'\\(?!["\\])', inner.replace("\\\\", "")):
        return (f"inside double quotes a backslash starts a special character, so the text would not show as "
                f"written. Write it as `{key}: {requoted(inner)}`")
    return None


def line_problem(text, first_indent=0):
    """What is wrong with one option line (as written, after the block's indent), or None.

    Only what an author can fix is named; a line YAML reads as meant gives None."""
    stripped = text.strip()
    indent = len(text) - len(text.lstrip(" "))
    if indent > first_indent:
        return ("this line is indented more than the option above it, so it is read as part of that "
                "option. Start every option at the same four spaces, and keep each one on a single line")
    option = RE_OPTION.match(stripped)
    if option and re.fullmatch(r"[A-Za-z_][\w-]*(?:[ ]+[\w-]+)+", option.group("key")):
        key = "_".join(option.group("key").lower().split())
        return f"an option's name is one word, with `_` between its parts: write `{key}:`"
    if not option or not RE_KEY.match(option.group("key")):
        if re.match(r"^[A-Za-z_][\w-]*:\S", stripped):
            key = stripped.split(":", 1)[0]
            return f"write a space after the colon: `{key}: {stripped.split(':', 1)[1]}`"
        return ("this indented line is read as an option, but it is not written `name: value`. If it is "
                "text or an item, leave a blank line between the options and it, and do not indent it")
    key, value = option.group("key"), option.group("value")
    if not value:
        return None
    if not option.group("space"):
        return f"write a space after the colon: `{key}: {value}`"
    if value[0] in "'\"":
        return quoted_text_problem(key, value)
    example = value.replace('"', "'")
    for start, meaning in NOT_TEXT_STARTS.items():
        if value.startswith(start) and not (start in "|>" and value.strip() in "|>"):
            shown = "a backtick" if start == "`" else f"`{start.strip()}`"
            return (f"a value that starts with {shown} {meaning} unless it is in quotes: "
                    + QUOTE_HOW.format(key=key, example=example))
    if RE_COMMENT.search(value):
        return ("a `#` after a space starts a comment, so the text after it would be dropped: "
                + QUOTE_HOW.format(key=key, example=example))
    if ": " in value or value.endswith(":"):
        return "the text holds a colon, which would start another option: " + QUOTE_HOW.format(key=key, example=example)
    return None


def parse_options(option_lines, header_line):
    """Parse a block's indented options [(line, text)], naming a mistake on its own line."""
    if not option_lines:
        return {}
    source = "\n".join(text for _, text in option_lines)
    alias = first_alias(source)
    if alias is not None:
        raise AuthoringError(
            header_line + 1 + alias.start_mark.line,
            f"the options under this block repeat a value with a YAML alias (`*{alias.anchor}`). Write each "
            "value out in full instead (a text that starts with `*` goes in double quotes).",
        )
    first_indent = len(option_lines[0][1]) - len(option_lines[0][1].lstrip(" "))
    try:
        options = yaml.load(source, Loader=OptionLoader)  # noqa: S506 - a safe loader
    except DuplicateOption as repeat:
        raise AuthoringError(
            header_line + 1 + repeat.again,
            f"the option `{repeat.key}` is given twice (lines {header_line + 1 + repeat.first} and "
            f"{header_line + 1 + repeat.again}). Keep the one you want and delete the other.",
        ) from None
    except yaml.YAMLError as error:
        raise plain_mistake(option_lines, first_indent, getattr(error, "problem_mark", None)) from None
    # YAML read it, but a `#` comment, a `&label` or a list may not be what the author meant.
    if not isinstance(options, dict) or any(problem_of(text, first_indent, read=True)
                                            for _, text in option_lines):
        raise plain_mistake(option_lines, first_indent, None, read=True)
    return options


def problem_of(text, first_indent, read=False):
    """`line_problem`, leaving out a more-indented line when YAML read the options (a `|` text)."""
    problem = line_problem(text, first_indent)
    return None if read and problem and problem.startswith("this line is indented more") else problem


def plain_mistake(option_lines, first_indent, mark, read=False):
    """The AuthoringError for the first line that is not as meant, in plain words (never YAML's)."""
    for line, text in option_lines:
        if problem := problem_of(text, first_indent, read):
            return AuthoringError(line, f"`{text.strip()[:60]}`: {problem}.")
    index = min(mark.line if mark else 0, len(option_lines) - 1)
    line, text = option_lines[index]
    return AuthoringError(line, f"`{text.strip()[:60]}` cannot be read as an option. Write one option per "
                                "line as `name: value`, indented four spaces under the block's first line, and "
                                "put a text that holds a colon, a `#` or quotes in double quotes.")
