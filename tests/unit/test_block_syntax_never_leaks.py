"""A seeded series of documents mixing block lines with quotes, lists, code, comments and
HTML: each one either renders with no block syntax left for a reader to see, or stops
with an AuthoringError that names a line of the document. Never a traceback."""

import random
import re

import pytest
from bs4 import BeautifulSoup, Comment

from pelican.plugins.reflection_checklists.markdown_blocks import AuthoringError
from tests.unit.markdown_setup import render

AROUND = ["A paragraph of text.", "> A quoted line.", "- A list point.", "    code sample /// checklist | x",
          "```\n/// checklist | In a fence\n```", "<!-- /// checklst | commented out -->",
          "<!--\n/// checklist | Draft\n-->", "<div>\nSome <b>HTML</b>.\n</div>", "# A heading"]
ITEMS = ["- [ ] One of us checks the phone.", "- [ ] I feel afraid. {.safety}", "- [ ] We talk less. {#less}",
         "- [ ] We argue about money.", "- [ ] Small things turn into fights."]
MUTATIONS = ["-[ ] Squashed.", "- [x] Ticked.", "1. [ ] Numbered.", "    - [ ] Nested.", "///", "////",
             "/// checklst | Typo", "Stray words.", "    id: again", "\thint: Note: a colon", "```", "<!--",
             "<div>", "//// reflection | 9", "- [ ] {.safety}", "/// consultation", "Words /// checklist | Inline",
             "- [ ] Loose item.", "  wrapped on.", "<!-- a note -->", "Words. - [ ] Two.", "- [ ] Last. ///",
             "/// end", "    hint: Note: a colon", "    hint: [a list]"]
# Block syntax a reader must never see: a block's first line anywhere, or an item's box.
SYNTAX = re.compile(r"/{3,}[ ]*(checklist|reflection|consultation)\b|\[[ xX]\]")


def checklist(chance, number):
    items = chance.sample(ITEMS, chance.randint(1, len(ITEMS)))
    ordinary = sum(".safety" not in item for item in items)
    lines = [f"/// checklist | Question {number}", f"    id: c{number}"]
    if chance.random() < 0.3:
        lines.append("    notes: true")
    lines += [""] + items + [""]
    if chance.random() < 0.6:
        cut = chance.randint(0, ordinary)
        lines += ["//// reflection | 0" + (f"-{cut}" if cut else ""), "Words for few.", "////", ""]
        lines += [f"//// reflection | {cut + 1}+", "Words for more.", "////"] if cut < ordinary else []
    return lines + ["///"]


def contained(chance, lines):
    where = chance.choice(["page", "quote", "list", "div"])
    if where == "quote":
        return [f"> {line}".rstrip() for line in lines]
    if where == "list":
        return ["- A point.", ""] + [f"    {line}".rstrip() for line in lines]
    if where == "div":
        return ['<div markdown="1">'] + lines + ["</div>"]
    return lines


def documents(count, seed=20261201):
    chance = random.Random(seed)
    for number in range(count):
        lines = []
        for part in range(chance.randint(1, 3)):
            lines += [chance.choice(AROUND), ""] if chance.random() < 0.7 else []
            lines += contained(chance, checklist(chance, f"{number}-{part}")) + [""]
        for _ in range(chance.choice([0, 0, 1, 2])):
            position = chance.randrange(len(lines) + 1)
            if chance.random() < 0.5:
                lines.insert(position, chance.choice(MUTATIONS))
            elif lines:
                del lines[min(position, len(lines) - 1)]
        yield "\n".join(lines) + "\n"


def visible_text(html):
    doc = BeautifulSoup(html, "html.parser")
    for hidden in doc.find_all(["pre", "code"]) + doc.find_all(string=lambda s: isinstance(s, Comment)):
        hidden.extract()
    return doc.get_text("\n")


@pytest.mark.parametrize("batch", range(4))
def test_random_documents_render_cleanly_or_name_a_line(batch):
    sources = list(documents(800))[batch::4]
    for source in sources:
        try:
            html = render(source)
        except AuthoringError as error:
            # Each line named is one the author wrote, never a blank one or a guess past the end.
            for mistake in error.mistakes:
                assert 1 <= mistake.line <= source.count("\n"), (source, error)
                assert source.splitlines()[mistake.line - 1].strip(), (source, error)
            continue
        assert "source-line" not in html, source
        assert not SYNTAX.search(visible_text(html)), (source, html)
