"""The faster block-header reader gives what pymdown's own gives, for every kind of header."""

import markdown
import pymdownx.blocks
import pytest

from pelican.plugins.reflection_checklists.markdown_blocks import block_headers

HEADERS = [
    "source-line: 12\n",
    "source-line: 12",
    "source-line: 012\n",              # YAML 1.1 reads a leading zero as octal: left to YAML
    "source-line: 12 \n",
    "source-line: 12\nid: talks\n",
    "id: talks\nhint: Take your time.\nsource-line: 3\n",
    "open: yes\ncount: 12\nempty:\n",
    "title: \"No\"\nnote: 'quoted: colon'\n",
    "list: [a, b]\nnested: {a: 1}\n",
    "\n",
    "   \n",
    "# only a comment\n",
    "just words\n",
    "- a list\n- not a mapping\n",
    "key: [unclosed\n",
    "key: value\n  bad indent: x\n",
    "\tid: tab\n",
    "id: café ✓\n",
    "a: 1\na: 2\n",                      # a key given twice: the last one, as PyYAML keeps it
]


@pytest.mark.parametrize("header", HEADERS)
def test_the_same_options_as_pymdowns_reader(header):
    assert block_headers.read_header(header) == block_headers.PYMDOWN_READ_HEADER(header)


def test_the_extension_puts_it_in_place_of_pymdowns():
    markdown.markdown("/// checklist | Title\n    id: x\n\n- [ ] One.\n///\n", extensions=["reflection_checklists"])
    assert pymdownx.blocks.get_frontmatter is block_headers.read_header
