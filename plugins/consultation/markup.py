"""Markup for booking prompts and safety panels (etree only; no Pelican imports).

Booking links carry `data-cta="<placement>"`; the Pelican glue adds the
article's campaign parameters to them once the article's slug is known.
"""

import xml.etree.ElementTree as etree

from pymdownx.blocks import BlocksExtension

from pelican.plugins.reflection_checklists.checklist import NOT_SEARCHED, chrome
from pelican.plugins.reflection_checklists.markdown_blocks import LineTrackedBlock, track_block_lines, type_text
from site_i18n import _

HELP_PAGE = "{filename}/pages/getting-help-now.md"
SAFER_ONLINE_PAGE = "{filename}/pages/staying-safer-online.md"


def booking_link(parent, config, placement, label=None):
    link = etree.SubElement(parent, "a", {"class": "button cta__button", "href": config["url"], "data-cta": placement})
    link.text = chrome(label or config["label"])
    return link


def resource_list(parent, resources):
    listing = etree.SubElement(parent, "ul", {"class": "help-list"})
    for resource in resources:
        item = etree.SubElement(listing, "li")
        name = etree.SubElement(item, "strong")
        name.text = chrome(resource["name"])
        name.tail = chrome(" ")
        how = etree.SubElement(item, "span")
        how.text = chrome(resource["how"])
        if resource.get("tel"):
            how.tail = chrome(" ")
            call = etree.SubElement(item, "a", {"href": "tel:" + resource["tel"], "class": "help-list__link",
                                                "aria-label": _("Call %(name)s") % {"name": resource["name"]}})
            call.text = chrome(_("Call"))
            how = call
        if resource.get("url"):
            how.tail = chrome(" ")
            site = etree.SubElement(item, "a", {"href": resource["url"], "class": "help-list__link",
                                                "aria-label": _("%(name)s website") % {"name": resource["name"]}})
            site.text = chrome(_("Website"))
    return listing


def resource_list_html(resources):
    return etree.tostring(resource_list(etree.Element("div"), resources), encoding="unicode", method="html")


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
            "You ticked something about fear, threats or harm. You deserve to be safe, and you do "
            "not have to sort this out alone. These services are free, and they can listen and "
            "help, day or night:"
        ))
        resource_list(panel, config["resources"])
        more = etree.SubElement(panel, "p", {"class": "checklist__safety-links"})
        link = etree.SubElement(more, "a", {"href": HELP_PAGE})
        link.text = chrome(_("More ways to get help now"))
        # A character reference: one character outside ASCII would make Python hold the whole
        # article's HTML at two bytes a character (15 MB more at 1,000 articles).
        link.tail = chrome(" &middot; ")
        safer = etree.SubElement(more, "a", {"href": SAFER_ONLINE_PAGE})
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
