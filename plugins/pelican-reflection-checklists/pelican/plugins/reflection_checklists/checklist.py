"""Reflection checklists: a pymdown Blocks extension (no Pelican imports).

    /// checklist | How is broken trust showing up for us?
        id: everyday-signs
        hint: Tick anything that has happened in the last month.

    - [ ] One of us looks through the other's phone or messages.
    - [ ] I feel afraid of my partner. {.safety}

    //// reflection | 0
    Markdown shown when nothing is ticked.
    ////
    //// reflection | 1+
    Markdown shown when one or more are ticked.
    ////
    ///

becomes a <fieldset> of real checkboxes with labels that works without
JavaScript; static/checklist.js enhances it. Mistakes raise
AuthoringError with the source line.
"""

import hashlib
import re
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER, AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import type_boolean

from .i18n import N_, gettext_for
from .markdown_blocks import AuthoringError, LineTrackedBlock, track_block_lines, type_text

RE_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
RE_ITEM = re.compile(r"^\[( |x|X)\][ \t]+(?P<text>.+?)[ \t]*(?:\{(?P<marks>[^{}]*)\})?[ \t]*$", re.S)
RE_MARK = re.compile(r"^(?:#(?P<id>[a-z][a-z0-9-]*)|\.(?P<cls>safety))$")
RE_RANGE = re.compile(r"^(?P<low>\d+)(?:(?P<dash>-)(?P<high>\d+)|(?P<plus>\+))?$")
RE_ITEM_LINE = re.compile(r"^[ ]{0,3}(?:[-*+]|\d+[.)])(?:[ ]|$)")
RE_SQUASHED_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\[")
RE_ITEM_START = re.compile(r"^\[[ xX]?\][ ]")
RE_ONLY_MARKS = re.compile(r"^\{[^{}]*\}$")
RE_MARKUP = re.compile(r"[*_`~\[\]()]")
RE_TAG = re.compile(r"<[^>]*>")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
RE_COMMENT = re.compile(r"<!--.*?-->", re.S)
# An item's box after a list marker (`- [ ]`, `-[x]`, `1. [ ]`), not a link such as `- [x](url)`:
# outside a checklist readers would see it as text (the source scan names it).
RE_ITEM_MARK = re.compile(r"(?:[-*+]|\d+[.)])[ ]*\[[ xX]?\](?!\()")
RE_PLACEHOLDER = re.compile(re.escape(HTML_PLACEHOLDER).replace("%s", r"(\d+)"))
RE_OPTION_LIKE = re.compile(r"^(?P<key>[A-Za-z_]+)[ ]*:")
# What an element that cannot go inside a checklist is, in an author's words.
ELEMENT_NAMES = {"table": "a table", "hr": "a horizontal line (`---`)", "blockquote": "a `>` quote",
                 "h1": "a heading", "h2": "a heading", "h3": "a heading", "h4": "a heading", "h5": "a heading",
                 "h6": "a heading", "dl": "a definition list", "img": "an image"}

CHECKLIST_OPTIONS = ("id", "hint", "notes", "safety_message")
# The summary script's texts, each from the `summary_<name>_text` config.
SUMMARY_TEXTS = ("help", "ticked", "nothing", "meaning", "notes", "copied", "not_copied")
# Config values that are not words for readers.
UNTRANSLATED = ("language", "locale_dir", "storage_namespace", "help_url", "assets_url")
# The script's texts, each from the `<name>_text` config (CHECKLIST_<NAME>_TEXT setting).
I18N_TEXTS = ("count", "not_saved", "full", "unreadable", "cleared", "safety_announcement")


def type_checklist_id(value):
    if value is None:
        raise ValueError("it is empty. Write a short name after `id:`, e.g. `id: everyday-signs`")
    if not isinstance(value, str) or not RE_ID.match(value):
        suggestion = "-".join(re.findall(r"[a-z0-9]+", str(value).lower()))
        example = f"`id: {suggestion}`" if RE_ID.match(suggestion) else "`id: everyday-signs`"
        raise ValueError(f"use lowercase letters, digits and single hyphens, starting with a letter, e.g. {example}")
    return value


def type_yes_no(value):
    try:
        return type_boolean(value)
    except ValueError:
        raise ValueError("write `true` or `false`") from None


def words(element):
    return len(" ".join(element.itertext()).split())


def item_key(text):
    """A short key from the item's words, so inserting or reordering items keeps saved answers."""
    words = " ".join(RE_MARKUP.sub("", text).lower().split())
    return hashlib.sha1(words.encode("utf-8")).hexdigest()[:6]


def safety_label(_):
    return _("If you ticked a statement about fear, threats or harm")


# On the checklist's own controls, panels and prompts: a site search (Pagefind) finds an
# article by its words and its items, not by words every checklist repeats. Inert elsewhere.
NOT_SEARCHED = {"data-pagefind-ignore": ""}


def chrome(text):
    """A control's or panel's own words: plain text from a setting or a translation, never an
    author's Markdown, so Python-Markdown's inline patterns skip them (AtomicString). On an
    article with a checklist, these are most of the text the inline patterns would look at."""
    return AtomicString(text)


def range_label(_, low, high):
    if high == 0:
        return _("If you ticked none")
    if high is None:
        return _("If you ticked %(low)s or more") % {"low": low}
    if low == 0:
        return _("If you ticked %(high)s or fewer") % {"high": high}
    if low == high:
        return _("If you ticked %(low)s") % {"low": low}
    return _("If you ticked %(low)s to %(high)s") % {"low": low, "high": high}


class Reflection(LineTrackedBlock):
    """What the reader's answers might mean for a range of ticked counts."""

    NAME = "reflection"
    ARGUMENT = True
    ARGUMENT_HELP = "range of ticked counts, such as `0`, `1-3` or `4+`"

    def on_validate(self, parent):
        match = RE_RANGE.match(self.argument.replace(" ", ""))
        if not match:
            self.fail(
                f"`{self.argument}` is not a range of ticked counts. Write `0` (one count), "
                "`1-3` (from 1 to 3) or `4+` (4 or more)."
            )
        self.low = int(match.group("low"))
        self.high = None if match.group("plus") else int(match.group("high") or self.low)
        if self.high is not None and self.high < self.low:
            self.fail(f"in `{self.argument}` the first number must not be larger than the second.")
        return True

    def on_create(self, parent):
        el = etree.SubElement(
            parent,
            "div",
            {"class": "checklist__reflection", "data-min": str(self.low),
             "data-max": "" if self.high is None else str(self.high)},
        )
        label = etree.SubElement(el, "p", {"class": "checklist__range"})
        label.text = chrome(range_label(self.config["gettext"], self.low, self.high))
        el.set("data-line", str(self.line))
        return el

    def on_end(self, block):
        if len(block) <= 1 and not (block[0].tail or "").strip():
            self.fail(f"the reflection `{self.argument}` is empty. Write what ticking that many might "
                      f"mean on the lines between `//// reflection | {self.argument}` and its `////`.")


class Checklist(LineTrackedBlock):
    """A self-reflection checklist made of real, labelled checkboxes."""

    NAME = "checklist"
    ARGUMENT = True
    ARGUMENT_HELP = "title (the question readers answer)"
    OPTIONS = {
        "id": ("", type_checklist_id),
        "hint": ("", type_text),
        "notes": (False, type_yes_no),
        # Shown in place of the count-based reflection once a safety item is ticked.
        "safety_message": ("", type_text),
        # The id of an item that must be ticked before any count means anything (`{#hurt-stopped}`):
        # until it is, `gate_message` takes the place of the count-based reflection.
        "gate": ("", type_text),
        "gate_message": ("", type_text),
    }

    def on_validate(self, parent):
        if self.argument.startswith("|") or self.argument.endswith("|"):
            self.fail(f"the title `{self.argument}` starts or ends with `|`. The title is everything "
                      "after the first `|`; remove the extra one.")
        if not self.options["id"]:
            self.option_left_unindented()
            self.fail(
                "it needs an `id`, a short name that keeps readers' answers when you edit the "
                "list. Add a line under the header, indented four spaces: `id: everyday-signs`."
            )
        used = self.tracker.setdefault("ids", {})
        if self.options["id"] in used:
            self.fail(
                f"the id `{self.options['id']}` is already used by the checklist on line "
                f"{used[self.options['id']]}. Give each checklist on a page its own id."
            )
        used[self.options["id"]] = self.line
        return True

    def option_left_unindented(self):
        """Fail on an option written under the header without its four spaces, if there is one."""
        for number, text in (self.source.body if self.source else [])[:len(self.option_spec)]:
            option = RE_OPTION_LIKE.match(text.strip())
            if option and option.group("key") in self.option_spec and not text.startswith(" "):
                self.fail(f"`{' '.join(text.split())[:40]}` is not indented, so it is not read as an option of "
                          "the block. Indent each option four spaces under the `/// checklist` line.", number)

    def on_create(self, parent):
        return etree.SubElement(parent, "section", {"class": "checklist"})

    def on_end(self, block):
        checklist_id = self.options["id"]
        items, reflections = self.collect(block)
        # Safety items are not part of any count: ranges cover the ordinary items only.
        ordinary = [item for item in items if not item[2]]
        has_safety_items = len(ordinary) != len(items)
        self.check_reflections(reflections, len(ordinary), len(items) - len(ordinary))
        gate = self.check_gate(ordinary)

        block.clear()
        block.set("class", "checklist")
        block.set("id", f"checklist-{checklist_id}")
        block.set("data-module", "checklist")
        block.set("data-checklist", checklist_id)
        block.set("aria-labelledby", f"{checklist_id}-title")
        # The script reads its storage namespace from the checklist itself, so any theme works.
        block.set("data-storage-namespace", self.config["storage_namespace"])
        for key in I18N_TEXTS:
            block.set(f"data-i18n-{key.replace('_', '-')}", self.config[f"{key}_text"])

        fieldset = etree.SubElement(block, "fieldset", {"class": "checklist__fieldset"})
        legend = etree.SubElement(fieldset, "legend", {"class": "checklist__legend", "id": f"{checklist_id}-title"})
        legend.text = self.argument
        if self.options["hint"]:
            fieldset.set("aria-describedby", f"{checklist_id}-hint")
            hint = etree.SubElement(fieldset, "p", {"class": "checklist__hint", "id": f"{checklist_id}-hint"})
            hint.text = self.options["hint"]
        listing = etree.SubElement(fieldset, "ul", {"class": "checklist__items"})
        for key, text, safety in items:
            # "--" cannot occur in a checklist id, so no item id can equal the id of the
            # checklist's own parts (`-title`, `-remember`...), whatever key an author picks.
            # No `name`: answers are never part of any form data.
            input_id = f"{checklist_id}--{key}"
            item = etree.SubElement(listing, "li", {"class": "checklist__item"})
            attributes = {"class": "checklist__input", "type": "checkbox", "id": input_id,
                          "data-item": key}
            if safety:
                item.set("class", "checklist__item checklist__item--safety")
                attributes["data-safety"] = ""
            if key == gate:
                attributes["data-gate"] = ""
            etree.SubElement(item, "input", attributes)
            label = etree.SubElement(item, "label", {"class": "checklist__label", "for": input_id})
            label.text = text

        if self.options["notes"]:
            notes = etree.SubElement(fieldset, "div", {"class": "checklist__notes"})
            label = etree.SubElement(notes, "label", {"for": f"{checklist_id}-notes"})
            label.text = chrome(self.config["notes_label"])
            hint = etree.SubElement(notes, "p", {"class": "checklist__hint", "id": f"{checklist_id}-notes-hint"})
            hint.text = chrome(self.config["notes_hint"])
            area = etree.SubElement(notes, "textarea", {
                "id": f"{checklist_id}-notes", "rows": "5",
                "aria-describedby": f"{checklist_id}-notes-hint", "data-notes": ""})
            area.text = ""

        # Help comes straight after the items, where the reader is looking when they tick one.
        if has_safety_items:
            if self.config["safety_panel"] is add_nothing:
                self.help_panel(block)
            else:
                self.config["safety_panel"](block, self.options)

        status = etree.SubElement(block, "p", {"class": "checklist__count", "data-count": "", "hidden": "", **NOT_SEARCHED})
        status.text = chrome(self.config["count_text"].replace("{ticked}", "0").replace("{total}", str(len(ordinary))))

        meaning = etree.SubElement(block, "div", {"class": "checklist__reflections", "data-reflections": ""})
        if not reflections:
            # Only the safety message: the area shows only once a safety item is ticked.
            meaning.set("class", "checklist__reflections checklist__reflections--safety-only")
        title = etree.SubElement(meaning, "p", {"class": "checklist__reflections-title", **NOT_SEARCHED})
        title.text = chrome(self.config["reflections_heading"])
        for reflection in reflections:
            reflection.attrib.pop("data-line", None)
            meaning.append(reflection)
        if gate:
            gated = etree.SubElement(meaning, "div", {
                "class": "checklist__reflection checklist__reflection--gate", "data-gate-reflection": ""})
            etree.SubElement(gated, "p").text = self.options["gate_message"]
        # Every checklist carries the safety message: a safety tick anywhere on the page
        # replaces every count-based reflection on it.
        safety = etree.SubElement(meaning, "div", {
            "class": "checklist__reflection checklist__reflection--safety", "data-safety-reflection": "", **NOT_SEARCHED})
        label = etree.SubElement(safety, "p", {"class": "checklist__range"})
        label.text = chrome(safety_label(self.config["gettext"]))
        message = etree.SubElement(safety, "p")
        message.text = self.options["safety_message"] or self.config["safety_message"]
        disclaimer = etree.SubElement(block, "p", {"class": "checklist__disclaimer", **NOT_SEARCHED})
        disclaimer.text = chrome(self.config["disclaimer"])

        self.config["after_reflections"](block, self.options, has_safety_items)

        self.add_controls(block, checklist_id)
        self.claim_ids(block)
        self.tracker.setdefault("checklists", []).append(checklist_id)
        # For a page that gathers a reader's answers from every checklist (never safety items).
        self.tracker.setdefault("outline", []).append({
            "id": checklist_id, "title": self.argument, "notes": self.options["notes"],
            "items": [(key, " ".join(RE_MARKUP.sub("", text).split())) for key, text, safety in items if not safety]})
        # Words a reader does not read as the article (controls, hints, help list, prompts),
        # so the reading time can leave them out: everything but the question, the items
        # and the count-based reflections.
        read = [legend, *(listing.iter("label")), *reflections]
        if self.options["hint"]:
            read.append(hint)
        self.tracker["chrome_words"] = self.tracker.get("chrome_words", 0) + words(block) - sum(map(words, read))

    def claim_ids(self, block):
        """Note each id this checklist gives the page; one another checklist gave already fails
        (`a` with notes and `a-notes` with a hint both make `a-notes-hint`). UniqueIds checks them
        against the rest of the page once it is whole."""
        owners = self.tracker.setdefault("id_owners", {})
        for element in block.iter():
            dom_id = element.get("id")
            if dom_id in owners:
                line, other, _ = owners[dom_id]
                self.fail(f"the checklists on lines {line} and {self.line} both give the page the id `{dom_id}` "
                          f"(from `id: {other}` and `id: {self.options['id']}`). Choose another `id` for one "
                          "of them.")
            if dom_id:
                owners[dom_id] = (self.line, self.options["id"], element)

    def check_gate(self, ordinary):
        """The gate item's key, checked, or "" when the checklist has none."""
        gate = self.options["gate"].strip().lstrip("#")
        if not gate:
            if self.options["gate_message"]:
                self.fail("it has a `gate_message` but no `gate`. Add `gate: ` and the id of the item that "
                          "must be ticked first, e.g. `gate: hurt-stopped`.")
            return ""
        if gate not in [key for key, _, _ in ordinary]:
            self.fail(f"`gate: {gate}` names no item of this checklist. Put `{{#{gate}}}` at the end of the "
                      "item that must be ticked first (not a `{.safety}` one), or correct the name after `gate:`.")
        if not self.options["gate_message"]:
            self.fail(f"`gate: {gate}` needs a `gate_message`: what the reader reads while that item is "
                      "not ticked, e.g. `gate_message: Repair starts once the hurt has stopped.`")
        return gate

    def item_lines(self):
        """The line of each list item written directly in this block, in order."""
        body = self.source.body if self.source else []
        return [number for number, text in body if RE_ITEM_LINE.match(text)]

    def raw_html(self, text):
        """The HTML blocks Markdown set aside in `text`, as written (`<p>hi</p>`), comments included."""
        stash = self.md.htmlStash.rawHtmlBlocks
        return [str(stash[int(index)]) for index in RE_PLACEHOLDER.findall(text or "") if int(index) < len(stash)]

    def without_comments(self, text):
        """`text` without HTML comments: an author's note, never part of what readers see or of a key."""
        def kept(found):
            html = self.raw_html(found.group(0))
            return "" if html and RE_COMMENT.fullmatch(html[0].strip()) else found.group(0)
        return RE_COMMENT.sub("", RE_PLACEHOLDER.sub(kept, text or ""))

    def collect(self, block):
        """Split the block's parsed content into items and reflections."""
        items, reflections, keys = [], [], {}
        lines = iter(self.item_lines())
        for child in list(block):
            if child.tag == "div" and "checklist__reflection" in child.get("class", ""):
                reflections.append(child)
            elif child.tag in ("ul", "ol"):
                for entry in child:
                    line = next(lines, self.line)
                    if child.tag == "ol":
                        self.fail("write each item with a dash, `- [ ] ...`, not with a number: readers "
                                  "tick items in any order.", line)
                    items.append(self.parse_item(entry, keys, line))
            elif child.tag == "p" and not self.without_comments(child.text).strip() and not len(child):
                continue  # only an HTML comment: the author's note
            else:
                self.stray(child)
        if not items:
            self.fail("it has no items. Add one line per item, like `- [ ] One of us checks the other's phone.`")
        return items, reflections

    def stray(self, child):
        """Fail on something that is neither an item nor a reflection, in the author's words."""
        if child.tag == "pre":
            words = " ".join("".join(child.itertext()).split())
            self.fail(f"`{words[:40]}` is indented four spaces after a blank line, so Markdown shows "
                      "it as code. Start items and reflections at the left edge of the block.",
                      self.line_of(words[:40]))
        html = self.raw_html(child.text) if child.tag == "p" else []
        if html and html[0].lstrip().startswith("<pre"):
            self.fail("a code sample cannot go inside a checklist: only `- [ ]` items and `//// reflection` "
                      "blocks can. Move it above the `/// checklist` line, or after its closing `///`.",
                      self.first_stray_line(""))
        if html:
            first = " ".join(self.without_comments(html[0]).split()) or " ".join(html[0].split())
            self.fail(f"the HTML `{first[:60]}` cannot go inside a checklist: only `- [ ]` items and "
                      "`//// reflection` blocks can. Move it above the `/// checklist` line, or after its "
                      "closing `///`.", self.line_of(html[0].strip().splitlines()[0][:40]))
        text = self.without_comments("".join(child.itertext())).strip()
        first = " ".join(text.split("\n", 1)[0].split())
        if child.tag != "p":
            what = ELEMENT_NAMES.get(child.tag) or f"an HTML `<{child.tag}>` element"
            shown = f" (`{' '.join(text.split())[:40]}`)" if text else ""
            line = self.line_of(f"<{child.tag}") if what.startswith("an HTML") else self.first_stray_line(text)
            self.fail(f"{what}{shown} cannot go inside a checklist: only `- [ ]` items and `//// reflection` "
                      "blocks can. Move it above the `/// checklist` line, or into a reflection.", line)
        if RE_SQUASHED_ITEM.match(first):
            self.fail(f"`{first[:40]}` needs a space after the dash: write `- [ ] ...`.",
                      self.line_of(first[:40]))
        if RE_ITEM_START.match(first):
            self.fail(f"`{first[:40]}` needs a dash before the box: write `- {first[:40]}`.",
                      self.line_of(first[:40]))
        if (option := RE_OPTION_LIKE.match(first)) and option.group("key") in self.option_spec:
            self.fail(f"`{first[:40]}` looks like the option `{option.group('key')}`, but it is not indented "
                      "under the block's first line, so it would be text inside the checklist. Write options "
                      "straight under `/// checklist | ...`, indented four spaces, before the blank line.",
                      self.line_of(first[:40]))
        self.fail(
            f"the text `{' '.join(text.split())[:60]}` cannot go inside a checklist: only `- [ ]` "
            "items and `//// reflection` blocks can. Move it above the `/// checklist` line, or into a "
            "reflection.",
            self.first_stray_line(text),
        )

    def first_stray_line(self, text):
        """The line holding `text`, or else the block's first body line that is not an item."""
        first = " ".join(text.split())[:40]
        found = self.line_of(first) if first else self.line
        if found != self.line:
            return found
        body = self.source.body if self.source else []
        return next((number for number, line in body if line.strip() and not RE_ITEM_LINE.match(line)), self.line)

    def parse_item(self, entry, keys, line):
        paragraphs = [child for child in entry if child.tag == "p"]
        if len(entry) != len(paragraphs) or len(paragraphs) > 1:
            nested = next((child for child in entry if child.tag != "p"), None) or paragraphs[1]
            words = " ".join("".join(nested.itertext()).split())
            self.fail("each item must be a single line; a nested list or a second paragraph under an "
                      "item is not allowed. Make it an item of its own, starting at the left edge.",
                      self.line_of(words[:40]) if words else line)
        text = self.without_comments((paragraphs[0].text if paragraphs else entry.text) or "").strip()
        if text in ("[ ]", "[x]", "[X]", ""):
            self.fail("this item is empty. Write the statement after the box: "
                      "`- [ ] One of us checks the other's phone.`", line)
        if "\n" in text:
            self.check_wrapped(text, line)
            text = " ".join(text.split())
        match = RE_ITEM.match(text)
        if not match:
            self.fail(
                f"the item `{text[:60]}` must start with `[ ] ` after the dash, "
                "like `- [ ] One of us checks the other's phone.`",
                line,
            )
        if match.group(1) != " ":
            self.fail(f"write `- [ ]`, not `- [{match.group(1)}]`: readers tick the boxes themselves, and "
                      "a box cannot start ticked.", line)
        words = match.group("text")
        if RE_ONLY_MARKS.match(words):
            self.fail(f"this item has no words, only `{words}`. Write the statement first, then the mark: "
                      "`- [ ] I feel afraid of my partner. {.safety}`.", line)
        key, safety = item_key(words), False
        for mark in (match.group("marks") or "").split():
            found = RE_MARK.match(mark)
            if not found:
                self.fail(
                    f"`{{{match.group('marks')}}}` after the item `{words[:50]}` is not "
                    "understood. Write `{.safety}` to mark a safety item, `{#short-name}` to fix "
                    "its saved-answer key, or both.",
                    line,
                )
            if found.group("id"):
                key = found.group("id")
            if found.group("cls"):
                safety = True
        if key in keys:
            first_text, first_line = keys[key]
            self.fail(
                f"the item `{words[:50]}` says the same as the item on line {first_line} "
                f"(`{first_text[:50]}`), so readers' answers to the two would be mixed up. Remove the "
                "repeat, or reword it, or give one of them its own key with `{#short-name}` at the end.",
                line,
            )
        keys[key] = (words, line)
        return key, words, safety

    def check_wrapped(self, text, line):
        """An item may go on over several lines when each further line is indented (as an editor
        that wraps long lines writes it); a further line at the left edge may be a new item whose
        `- [ ]` was forgotten, so it is named."""
        first, rest = text.split("\n", 1)
        following = rest.splitlines()[0].strip()
        where = line + 1
        if RE_SQUASHED_ITEM.match(following):
            self.fail(f"`{following[:40]}` needs a space after the dash: write `- [ ] ...`. Without it, it "
                      "joins the item above.", where)
        if RE_ITEM_START.match(following):
            self.fail(f"`{following[:40]}` needs a dash before the box: write `- [ ] ...`. Without it, it joins "
                      "the item above.", where)
        body = dict(self.source.body) if self.source else {}
        for number in range(line + 1, line + 1 + len(rest.splitlines())):
            if number in body and body[number][:1] not in (" ", ""):
                self.fail(f"the item `{first[:50]}` goes on at the left edge of the next line. If that line is "
                          "part of the item, indent it two spaces (or join the two lines); if it is a new "
                          "item, start it with `- [ ] `.", number)

    def check_reflections(self, reflections, count, safety_count=0):
        """Ranges must cover 0..count ordinary items; `{.safety}` items are never counted."""
        items = f"{count} items" if not safety_count else (
            f"{count} items that are counted ({safety_count} safety "
            f"{'item is' if safety_count == 1 else 'items are'} never counted)")
        spans = sorted(
            (int(r.get("data-min")), int(r.get("data-max")) if r.get("data-max") else None, int(r.get("data-line")))
            for r in reflections
        )
        expected = 0
        for low, high, line in spans:
            shown = f"{low}+" if high is None else (f"{low}" if low == high else f"{low}-{high}")
            if low < expected:
                self.fail(f"the reflection `{shown}` overlaps the one before it; each ticked count "
                          "must match exactly one reflection.", line)
            if low > expected:
                missing = f"{expected}" if low - 1 == expected else f"{expected}-{low - 1}"
                self.fail(f"no reflection covers {missing} ticked; add `//// reflection | {missing}` "
                          "or widen a neighbouring range.", line)
            if high is not None and high > count:
                self.fail(f"the reflection `{shown}` goes past the {items} in this checklist; "
                          f"end it at {count} or write `{low}+`.", line)
            expected = count + 1 if high is None else high + 1
        if spans and expected <= count:
            last = f"{expected}" if expected == count else f"{expected}-{count}"
            self.fail(f"no reflection covers {last} ticked (the checklist has {items}); "
                      f"add `//// reflection | {expected}+` or end the last range with `+`.",
                      spans[-1][2])

    def add_controls(self, block, checklist_id):
        """Controls that only work with JavaScript; the script reveals them."""
        controls = etree.SubElement(block, "div", {"class": "checklist__controls", "data-controls": "", "hidden": "",
                                                    **NOT_SEARCHED})
        remember = etree.SubElement(controls, "div", {"class": "checklist__remember"})
        box = etree.SubElement(remember, "input", {
            "type": "checkbox", "id": f"{checklist_id}-remember", "data-remember": "",
            "aria-describedby": f"{checklist_id}-remember-hint"})
        box.tail = ""
        label = etree.SubElement(remember, "label", {"for": f"{checklist_id}-remember"})
        label.text = chrome(self.config["remember_label"])
        hint = etree.SubElement(remember, "p", {"class": "checklist__hint", "id": f"{checklist_id}-remember-hint"})
        hint.text = chrome(self.config["remember_hint"])
        clear = etree.SubElement(controls, "button", {"type": "button", "class": "button button--secondary", "data-clear": ""})
        clear.text = chrome(self.config["clear_label"])
        message = etree.SubElement(controls, "p", {"class": "checklist__storage", "data-storage-message": "", "role": "status"})
        message.text = ""


    def help_panel(self, block):
        """The default safety panel: a way to help, shown once a safety item is ticked.

        A site with its own list of services passes a `safety_panel` hook instead.
        """
        if not self.config["help_url"]:
            self.fail("this checklist has a statement about fear, threats or harm, but the site has "
                      "no help page to send a reader to: set CHECKLIST_HELP_URL in your settings, e.g. "
                      "CHECKLIST_HELP_URL = \"{filename}/pages/getting-help.md\"")
        checklist_id = self.options["id"]
        panel = etree.SubElement(block, "div", {"class": "checklist__safety", "data-safety-panel": "",
                                                "role": "region", "aria-labelledby": f"{checklist_id}-safety-title",
                                                **NOT_SEARCHED})
        title = etree.SubElement(panel, "p", {"class": "checklist__safety-title", "id": f"{checklist_id}-safety-title"})
        title.text = chrome(self.config["safety_title"])
        note = etree.SubElement(panel, "p")
        note.text = chrome(self.config["safety_panel_text"])
        more = etree.SubElement(panel, "p", {"class": "checklist__safety-links"})
        link = etree.SubElement(more, "a", {"href": self.config["help_url"]})
        link.text = chrome(self.config["help_label"])


class MyReflections(Treeprocessor):
    """Add one 'My reflections' summary to a page that has checklists (shown by the script)."""

    def __init__(self, md, blocks, config):
        super().__init__(md)
        self.blocks = blocks
        self.config = config

    def run(self, root):
        # Published for plugins/markdown_reader, which records `has_checklist` and the words
        # of checklist controls (left out of the reading time) from them.
        tracker = self.blocks.trackers.get("checklist", {})
        self.md.checklists = list(tracker.get("checklists") or [])
        self.md.checklist_chrome_words = tracker.get("chrome_words", 0)
        self.md.checklist_outline = list(tracker.get("outline") or [])
        if not self.md.checklists:
            return
        _ = self.config["gettext"]
        self.add_assets(root)
        section = etree.SubElement(root, "section", {
            "class": "my-reflections", "data-module": "my-reflections",
            "aria-labelledby": "my-reflections-title", "hidden": "", **NOT_SEARCHED})
        for key in SUMMARY_TEXTS:
            section.set(f"data-i18n-{key.replace('_', '-')}", self.config[f"summary_{key}_text"])
        heading = etree.SubElement(section, "h2", {"id": "my-reflections-title"})
        heading.text = _("My reflections")
        intro = etree.SubElement(section, "p", {"class": "my-reflections__intro"})
        intro.text = _("A summary of what you ticked on this page. It is only on your screen: "
                       "print it or copy it if you want to keep it.")
        etree.SubElement(section, "div", {"class": "my-reflections__summary", "data-summary": ""})
        caution = etree.SubElement(section, "p", {"class": "my-reflections__caution", "id": "my-reflections-caution"})
        caution.text = self.config["record_caution"]
        actions = etree.SubElement(section, "div", {"class": "my-reflections__actions"})
        for action, label in (("print", _("Print my reflections")), ("copy", _("Copy my reflections"))):
            button = etree.SubElement(actions, "button", {"type": "button", "class": "button button--secondary",
                                                          "aria-describedby": "my-reflections-caution",
                                                          f"data-{action}": ""})
            button.text = label
        status = etree.SubElement(section, "p", {"class": "my-reflections__status", "role": "status",
                                                 "data-copy-status": ""})
        status.text = ""
        self.md.checklist_chrome_words += words(section)


    def add_assets(self, root):
        """In a theme that does not bundle them: the plugin's stylesheet before the first
        checklist and its script at the end, both from `assets_url` (a same-origin folder)."""
        base = self.config["assets_url"]
        if not base:
            return
        sheet = etree.Element("link", {"rel": "stylesheet", "href": f"{base}/reflection-checklists.css"})
        first = next((index for index, child in enumerate(root) if child.get("data-module") == "checklist"
                      or child.find(".//*[@data-module='checklist']") is not None), 0)
        root.insert(first, sheet)
        # An ES module (deferred by itself): it imports the component modules beside it.
        etree.SubElement(root, "script", {"type": "module", "src": f"{base}/reflection-checklists.js"})


class UniqueIds(Treeprocessor):
    """No id a checklist gives the page is used by another element of it: a label or a hint
    that shares its id with a heading would point a screen reader at the wrong one. Runs once
    the page is whole (after `toc`, which gives its headings ids no element has yet), and
    reads the ids of HTML written in the page too."""

    RE_HTML_ID = re.compile(r"""\bid\s*=\s*["']?([^"'\s>]+)""")

    def __init__(self, md, blocks, page_ids=()):
        super().__init__(md)
        self.blocks = blocks
        self.page_ids = page_ids

    def run(self, root):
        owners = self.blocks.trackers.get("checklist", {}).get("id_owners")
        if not owners:
            return
        for dom_id in self.page_ids:
            if dom_id in owners:
                self.refuse(owners[dom_id], dom_id, "the theme gives every page an element with that id "
                                                    "(CHECKLIST_PAGE_IDS). Choose another `id` for the checklist.")
        for element in root.iter():
            owner = owners.get(element.get("id"))
            if owner and owner[2] is not element:
                text = " ".join("".join(element.itertext()).split())[:40]
                what = "heading" if element.tag in HEADINGS else f"<{element.tag}>"
                self.refuse(owner, element.get("id"), f"the {what}{f' `{text}`' if text else ''} on this page has "
                                                      "that id too. " + self.CHOOSE)
        for html in self.md.htmlStash.rawHtmlBlocks:
            for dom_id in self.RE_HTML_ID.findall(str(html)):
                if dom_id in owners:
                    self.refuse(owners[dom_id], dom_id, f"the HTML `{' '.join(str(html).split())[:50]}` on this "
                                                        "page has that id too. " + self.CHOOSE)

    CHOOSE = "Choose another `id` for the checklist, or change the other one's."

    @staticmethod
    def refuse(owner, dom_id, clash):
        line, checklist_id, _ = owner
        raise AuthoringError(line, f"checklist block: with `id: {checklist_id}` it gives the page the id `{dom_id}`, "
                                   f"but an id must be used once on a page, and {clash}")


def add_nothing(block, options, has_safety_items=False):
    """The default `after_reflections` and `safety_panel` hook."""


class ReflectionChecklistExtension(BlocksExtension):
    """Register the checklist and reflection blocks and their source check."""

    def __init__(self, *args, **kwargs):
        self.config = {
            "language": ["en", "The language of the built pages (Pelican's DEFAULT_LANG): the plugin's "
                         "texts come from its catalog for it, unless the site set them."],
            "locale_dir": ["", "A folder with the site's own <lang>/LC_MESSAGES/reflection_checklists.mo, "
                           "tried before the plugin's catalog."],
            "disclaimer": [N_(
                "These reflections are here to help you think, not to diagnose you, your partner "
                "or your relationship."), "Note shown under every checklist."],
            "reflections_heading": [N_("What your answers might mean"), "Heading above the reflections."],
            "notes_label": [N_("My private notes (optional)"), "Label of the notes box."],
            "notes_hint": [N_(
                "Never sent anywhere. Kept for this tab only, unless you tick \"Remember my answers\" "
                "below; printed with your reflections. Anyone who uses this device could read them."),
                           "Hint under the notes label."],
            "remember_label": [N_("Remember my answers on this device"), "Label of the opt-in."],
            "remember_hint": [N_(
                "Without this, your answers are forgotten when you close this tab. With it, they stay "
                "in this browser until you clear them. A tick on a statement about fear, threats or "
                "harm is never kept, even with this on. Nothing is ever sent anywhere."),
                "Hint under the opt-in."],
            "clear_label": [N_("Clear my answers"), "Label of the clear button."],
            # What the script says, passed to it as data-i18n-* attributes (as GOV.UK Frontend
            # does), so a site can reword or translate them without touching JavaScript.
            "count_text": [N_("{ticked} of {total} ticked"), "The live count; keep {ticked} and {total}."],
            "not_saved_text": [N_("Your answers can't be saved in this browser, so they will be gone when you "
                               "leave this page."), "Said when this browser's storage cannot be used."],
            "full_text": [N_("This browser's storage is full, so your latest changes are not saved. Answers "
                          "saved before are kept."), "Said when storage is full."],
            "unreadable_text": [N_("Some of your saved answers could not be read, so they have been left out."),
                                "Said when a saved record is damaged."],
            "cleared_text": [N_("All your answers on this site have been cleared."), "Said after Clear."],
            "safety_announcement_text": [N_("Help you can reach now is shown just below the list."),
                                         "Announced once to screen readers when the help panel opens."],
            # What "My reflections" writes (its summary, and Copy's answer), as data-i18n-* too.
            "summary_help_text": [N_("Help you can reach now"), "Heading of the help part of the summary."],
            "summary_ticked_text": [N_("What I ticked:"), "Before the ticked items in the summary."],
            "summary_nothing_text": [N_("Nothing ticked"), "The summary of a checklist with no tick."],
            "summary_meaning_text": [N_("What my answers might mean:"), "Before the reflection in the summary."],
            "summary_notes_text": [N_("My notes:"), "Before the reader's notes in the summary."],
            "summary_copied_text": [N_("Copied."), "Said when Copy worked."],
            "summary_not_copied_text": [N_("Copying did not work here; you can select the text and copy it."),
                                        "Said when Copy did not work."],
            "storage_namespace": ["reflection-checklists", "Browser storage keys start with this, "
                                  "then a version: \"<namespace>:v1:<page>:<checklist>\"."],
            "safety_title": [N_("Your safety comes first"), "Title of the help panel a safety tick opens."],
            "safety_panel_text": [N_(
                "You ticked something about fear, threats or harm. You deserve to be safe, and you do "
                "not have to sort this out alone. The page below lists people who can listen and help."),
                "Text of the default help panel (sites with a `safety_panel` hook write their own)."],
            "help_url": ["", "The help page the default help panel links to; required once a checklist "
                         "has a safety item. Pelican links such as {filename}/pages/help.md work."],
            "help_label": [N_("Find help you can reach now"), "Text of the link to the help page."],
            "assets_url": ["", "Folder URL of reflection-checklists.css and .js to link from each page "
                           "with a checklist; empty when the theme bundles them itself."],
            "record_caution": [N_(
                "Before you print or copy, think about who else could see the paper, or this "
                "device's clipboard."), "Shown next to Print and Copy in My reflections."],
            "safety_message": [N_(
                "You ticked something about fear, threats or harm. That matters more than any "
                "count on this list. The help shown right under the statements can put you in touch with "
                "people who listen and can help you think about what to do next."),
                "Shown in place of the count-based reflection once a safety item is ticked."],
            # Not None: Markdown would turn a None default into a boolean.
            "after_reflections": [add_nothing, "Callable(block, options, has_safety_items) adding more markup."],
            "safety_panel": [add_nothing, "Callable(block, options) adding help after the items of a "
                             "checklist with safety items."],
            "page_ids": [[], "Ids the theme gives the page around the article (`main`, a heading's id...), "
                         "which no checklist may give it again."],
        }
        # The English defaults, to tell a text the site left alone (translated) from its own.
        self.source_texts = {key: value for key, (value, _help) in self.config.items()
                             if isinstance(value, str) and key not in UNTRANSLATED}
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md, block_mgr):
        config = self.getConfigs()
        _ = gettext_for(config["language"], config["locale_dir"])
        for key, english in self.source_texts.items():
            if config[key] == english:
                config[key] = _(english)
        config["gettext"] = _
        block_mgr.register(Checklist, config)
        block_mgr.register(Reflection, config)
        track_block_lines(md, {"checklist": None, "reflection": "checklist"}, items={"checklist": RE_ITEM_MARK})
        md.treeprocessors.register(MyReflections(md, block_mgr, config), "my_reflections", 5)
        md.treeprocessors.register(UniqueIds(md, block_mgr, config["page_ids"]), "checklist_ids", 1)


def makeExtension(**kwargs):
    return ReflectionChecklistExtension(**kwargs)
