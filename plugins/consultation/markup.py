"""Markup for booking prompts and safety panels (etree only; no Pelican imports).

Booking links carry `data-cta="<placement>"`; the Pelican glue adds the
article's campaign parameters to them once the article's slug is known.
"""

import xml.etree.ElementTree as etree

from pymdownx.blocks import BlocksExtension

from pelican.plugins.reflection_checklists.checklist import NOT_SEARCHED, chrome
from pelican.plugins.reflection_checklists.markdown_blocks import LineTrackedBlock, track_block_lines, type_text
from site_i18n import _

# The help pages a safety panel links to, when the site gives no address (`help_url` and
# `safer_online_url` in the config: the plugin sets them to the page's own language).
HELP_PAGE = "{filename}/pages/getting-help-now.md"
SAFER_ONLINE_PAGE = "{filename}/pages/staying-safer-online.md"


def booking_link(parent, config, placement, label=None):
    link = etree.SubElement(parent, "a", {"class": "button cta__button", "href": config["url"], "data-cta": placement})
    link.text = chrome(label or config["label"])
    return link


GROUPS = ("emergency", "violence", "more")


def in_order_of_need(resources):
    """Emergency first, then violence lines open 24/7, then the others; within each group as
    listed. Entries with no number to call or text come last of all."""
    reachable = [entry for entry in resources if entry.get("call") or entry.get("text")]
    website_only = [entry for entry in resources if not (entry.get("call") or entry.get("text"))]
    ordered = sorted(reachable, key=lambda entry: GROUPS.index(entry.get("group", "more")))
    return ordered + website_only


def group_title(group, website_only):
    if website_only:
        return _("Websites (no number to call from this list)")
    return {"emergency": _("In danger right now"),
            "violence": _("Violence or abuse at home: open day and night"),
            "more": _("More support")}[group]


def sms_href(entry):
    body = entry.get("text_body")
    # `?&body=` is the form both Android and iOS read.
    return f"sms:{entry['text']}" + (f"?&body={body}" if body else "")


def resource_card(listing, entry, sources=True):
    """One service: its name, then the buttons to call or text (what a person in danger needs
    first), then who it serves and when, what happens, and where the number was checked."""
    card = etree.SubElement(listing, "li", {"class": f"help-card help-card--{entry.get('group', 'more')}"})
    name = etree.SubElement(card, "p", {"class": "help-card__name"})
    etree.SubElement(name, "strong").text = chrome(entry["name"])
    actions = etree.SubElement(card, "p", {"class": "help-card__actions"})
    if entry.get("call"):
        call = etree.SubElement(actions, "a", {"href": "tel:" + entry["call"], "class": "help-card__action"})
        call.text = chrome(_("Call %(number)s") % {"number": entry["call_label"]})
    if entry.get("text"):
        text = etree.SubElement(actions, "a", {"href": sms_href(entry), "class": "help-card__action"})
        text.text = chrome(_("Text %(word)s to %(number)s") % {"word": entry["text_body"], "number": entry["text_label"]}
                           if entry.get("text_body") else _("Text %(number)s") % {"number": entry["text_label"]})
    if entry.get("url"):
        site = etree.SubElement(actions, "a", {"href": entry["url"], "class": "help-card__site",
                                               "aria-label": _("%(name)s website") % {"name": entry["name"]}})
        site.text = chrome(_("Website"))
    if not len(actions):
        card.remove(actions)
    facts = [entry[key] for key in ("serves", "hours") if entry.get(key)]
    if facts:
        line = etree.SubElement(card, "p", {"class": "help-card__facts"})
        for fact in facts:  # the stylesheet puts a dot between them
            etree.SubElement(line, "span").text = chrome(fact)
    if sources:  # the help page says what happens when you call; the panel keeps to who, when, how
        etree.SubElement(card, "p", {"class": "help-card__how"}).text = chrome(entry["how"])
    if sources and entry.get("source"):
        source = etree.SubElement(card, "p", {"class": "help-card__source"})
        source.text = chrome(_("Checked on: "))
        link = etree.SubElement(source, "a", {"href": entry["source"]})
        link.text = chrome(entry["source"].split("//", 1)[-1].split("/", 1)[0])
    return card


def resource_list(parent, resources, heading="p", sources=False):
    """Help entries as cards in order of need, under a short title for each group. The help
    page (`sources`) also says what each service does and where its number was checked; a
    checklist's panel keeps to name, buttons, who and when, and links to the help page."""
    wrapper = etree.SubElement(parent, "div", {"class": "help-list"})
    previous, listing = None, None
    for entry in in_order_of_need(resources):
        website_only = not (entry.get("call") or entry.get("text"))
        group = "website" if website_only else entry.get("group", "more")
        if group != previous:
            title = etree.SubElement(wrapper, heading, {"class": "help-list__group"})
            title.text = chrome(group_title(entry.get("group", "more"), website_only))
            listing = etree.SubElement(wrapper, "ul", {"class": "help-list__entries"})
            previous = group
        resource_card(listing, entry, sources)
    return wrapper


def first_needed(resources):
    """What a checklist's safety panel lists itself: 911 and the violence lines open day and night,
    the help a reader who has just said they are afraid needs first. Every other line (men,
    LGBTQ+, young people, crisis lines, websites) is on the help page, which the panel links
    first: a page does not carry the region's whole list once per checklist. A list with no
    such violence line is shown whole."""
    needed = [entry for entry in resources
              if entry.get("group") in ("emergency", "violence") and (entry.get("call") or entry.get("text"))]
    return needed if any(entry.get("group") == "violence" for entry in needed) else resources


def resource_list_html(resources, heading="h3"):
    return etree.tostring(resource_list(etree.Element("div"), resources, heading, sources=True),
                          encoding="unicode", method="html")


class ChecklistFollowUp:
    """The checklist's `after_reflections` hook: a booking prompt for the couple.

    A class rather than a closure, so Pelican's content cache can pickle the settings.
    The script hides it once a safety item is ticked (and so does the stylesheet, without JS).
    """

    def __init__(self, config):
        self.config = config

    def __call__(self, block, options, has_safety_items):
        prompt = etree.SubElement(block, "div", {"class": "checklist__next cta cta--checklist", "data-next": "",
                                                  **NOT_SEARCHED})
        text = etree.SubElement(prompt, "p")
        text.text = chrome(self.config["checklist_prompt"])
        booking_link(prompt, self.config, "checklist")


class SafetyPanel:
    """The checklist's `safety_panel` hook: help to reach now, shown once a safety item is ticked.

    Its words never point to couples work, and its links carry nothing: no campaign
    parameter (no `data-cta`), so a click tells no one which page or answer it came from.
    """

    def __init__(self, config):
        self.config = config

    def __call__(self, block, options):
        config = self.config
        panel = etree.SubElement(block, "div", {"class": "checklist__safety", "data-safety-panel": "",
                                                "role": "region", "aria-labelledby": f"{options['id']}-safety-title",
                                                **NOT_SEARCHED})
        title = etree.SubElement(panel, "p", {"class": "checklist__safety-title", "id": f"{options['id']}-safety-title"})
        title.text = chrome(_("Your safety comes first"))
        note = etree.SubElement(panel, "p")
        note.text = chrome(_(
            "You deserve to be safe, and you do not have to sort this out alone. These services "
            "are free and private. Each one says when it is open."
        ))
        resource_list(panel, first_needed(config["resources"]))
        more = etree.SubElement(panel, "p", {"class": "checklist__safety-links"})
        link = etree.SubElement(more, "a", {"href": config.get("help_url") or HELP_PAGE})
        link.text = chrome(_("More ways to get help now"))
        # A character reference: one character outside ASCII would make Python hold the whole
        # article's HTML at two bytes a character (15 MB more at 1,000 articles).
        link.tail = chrome(" &middot; ")
        safer = etree.SubElement(more, "a", {"href": config.get("safer_online_url") or SAFER_ONLINE_PAGE})
        safer.text = chrome(_("Staying safer online"))
        solo = etree.SubElement(panel, "p", {"class": "checklist__safety-solo"})
        solo.text = chrome(_("You can also talk with a therapist on your own, in private. "))
        individual = etree.SubElement(solo, "a", {"href": config["individual_url"]})
        individual.text = chrome(_("Book a call just for me"))


class Consultation(LineTrackedBlock):
    """`/// consultation | Optional heading` places a booking prompt in an article."""

    NAME = "consultation"
    ARGUMENT = None
    OPTIONS = {"text": ("", type_text)}

    def on_create(self, parent):
        panel = etree.SubElement(parent, "aside", {"class": "cta cta--inline", "aria-label": _("Book a consultation"),
                                                 "data-couples-booking": "", **NOT_SEARCHED})
        if self.argument:
            heading = etree.SubElement(panel, "p", {"class": "cta__title"})
            heading.text = self.argument
        self.body = etree.SubElement(panel, "div", {"class": "cta__text"})
        self.panel = panel
        return panel

    def on_add(self, block):
        return self.body

    def on_end(self, block):
        if not len(self.body) and not (self.body.text or "").strip():
            paragraph = etree.SubElement(self.body, "p")
            paragraph.text = self.options["text"] or self.config["blurb"]
        booking_link(self.panel, self.config, "inline")


class ConsultationExtension(BlocksExtension):
    def __init__(self, *args, **kwargs):
        self.config = {
            "url": ["", "Booking URL."],
            "label": ["Book a free 15-minute consultation", "Button text."],
            "blurb": ["", "Default text of an inline prompt."],
            "resources": [[], "Help resources listed in a checklist's safety panel."],
            "individual_url": ["", "Where 'talk to a therapist on your own' leads (never tagged)."],
        }
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md, block_mgr):
        block_mgr.register(Consultation, self.getConfigs())
        track_block_lines(md, {"consultation": None})


def makeExtension(**kwargs):
    return ConsultationExtension(**kwargs)
