"""Pelican glue: checked settings, the consultation block, campaign links."""

import html
import re

from pelican import signals

from .campaign import campaign_url
from markupsafe import Markup

from .markup import ChecklistFollowUp, resource_list_html
from .settings import checked_settings

CHECKLIST_EXTENSION = "reflection_checklists.checklist"
CONSULTATION_EXTENSION = "consultation.markup"
RE_CTA_LINK = re.compile(r'<a\b[^>]*\bdata-cta="([a-z-]+)"[^>]*>')
RE_HREF = re.compile(r'\bhref="([^"]*)"')


class BookingUrl:
    """Jinja filter: the booking URL with campaign parameters (a class, so settings pickle)."""

    def __init__(self, enabled):
        self.enabled = enabled

    def __call__(self, url, campaign, placement):
        return campaign_url(url, campaign, placement, self.enabled)


def help_resource_list(resources):
    return Markup(resource_list_html(resources))


def configure(pelican):
    values = checked_settings(pelican.settings)
    pelican.settings.update(values)
    region = values["HELP_REGION"]
    pelican.settings["HELP_RESOURCES_FOR_REGION"] = values["HELP_RESOURCES"][region]
    config = {
        "url": values["CONSULTATION_URL"],
        "label": values["CONSULTATION_LABEL"],
        "blurb": values["CONSULTATION_BLURB"],
        "resources": values["HELP_RESOURCES"][region],
    }
    markdown = dict(pelican.settings.get("MARKDOWN") or {})
    configs = dict(markdown.get("extension_configs") or {})
    configs[CONSULTATION_EXTENSION] = config
    checklist = dict(configs.get(CHECKLIST_EXTENSION) or {})
    checklist["after_reflections"] = ChecklistFollowUp({**config, "checklist_prompt": values["CONSULTATION_BLURB"]})
    configs[CHECKLIST_EXTENSION] = checklist
    markdown["extension_configs"] = configs
    pelican.settings["MARKDOWN"] = markdown

    enabled = values["CONSULTATION_CAMPAIGN_PARAMETERS"]
    filters = dict(pelican.settings.get("JINJA_FILTERS") or {})
    filters["booking_url"] = BookingUrl(enabled)
    # The help page lists resources with the same markup as a checklist's safety panel.
    filters["help_resource_list"] = help_resource_list
    pelican.settings["JINJA_FILTERS"] = filters


def tag_booking_links(content):
    """Give booking links inside an article its slug as campaign (known only now)."""
    if 'data-cta="' not in (content._content or ""):
        return
    enabled = content.settings["CONSULTATION_CAMPAIGN_PARAMETERS"]
    campaign = getattr(content, "slug", "") or "site"

    def add_campaign(link):
        placement = link.group(1)

        def new_href(href):
            url = campaign_url(html.unescape(href.group(1)), campaign, placement, enabled)
            return f'href="{html.escape(url)}"'

        return RE_HREF.sub(new_href, link.group(0), count=1)

    content._content = RE_CTA_LINK.sub(add_campaign, content._content)


def register():
    signals.initialized.connect(configure)
    signals.content_object_init.connect(tag_booking_links)
