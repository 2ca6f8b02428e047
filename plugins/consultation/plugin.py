"""Pelican glue: checked settings, the consultation block, campaign links."""

import html
import re

from pelican import signals
from pelican.contents import Article

from .campaign import campaign_url
from markupsafe import Markup

from .markup import ChecklistFollowUp, SafetyPanel, resource_list_html
from .settings import checked_settings

CHECKLIST_EXTENSION = "pelican.plugins.reflection_checklists.checklist"
CONSULTATION_EXTENSION = "consultation.markup"
RE_CTA_LINK = re.compile(r'<a\b[^>]*\bdata-cta="([a-z-]+)"[^>]*>')
RE_HREF = re.compile(r'\bhref="([^"]*)"')


class BookingUrl:
    """Jinja filter: the booking URL with campaign parameters (a class, so settings pickle)."""

    def __init__(self, enabled):
        self.enabled = enabled

    def __call__(self, url, campaign, placement):
        return campaign_url(url, campaign, placement, self.enabled)


def is_safety_content(item):
    """Safety pages and articles (`Safety: yes`) carry no couples prompt and no campaign."""
    return str(getattr(item, "safety", "") or "").strip().lower() in ("yes", "true", "on", "1")


def booking_campaign(item):
    """Jinja filter: the campaign a booking link may name: an ordinary article's slug, else "site".

    Never a tag, category, listing or help page: those say something about the reader.
    """
    if not isinstance(item, Article) or is_safety_content(item):
        return "site"
    return getattr(item, "slug", None) or "site"  # no slug: a file without a title, which the build names


def first_safety_article(articles):
    """The safety article that comes first in the learning path, or None."""
    found = [article for article in articles or [] if is_safety_content(article)]
    return min(found, key=lambda article: (getattr(article, "step", 0) or 0, article.slug), default=None)


def help_resource_list(resources):
    return Markup(resource_list_html(resources))


def configure(pelican):
    values = checked_settings(pelican.settings)
    pelican.settings.update(values)
    config = {
        "url": values["CONSULTATION_URL"],
        "label": values["CONSULTATION_LABEL"],
        "blurb": values["CONSULTATION_BLURB"],
        "resources": values["HELP_RESOURCES_FOR_REGION"],
        "individual_url": values["INDIVIDUAL_CONSULTATION_URL"],
    }
    markdown = dict(pelican.settings.get("MARKDOWN") or {})
    configs = dict(markdown.get("extension_configs") or {})
    configs[CONSULTATION_EXTENSION] = config
    checklist = dict(configs.get(CHECKLIST_EXTENSION) or {})
    checklist["after_reflections"] = ChecklistFollowUp({**config, "checklist_prompt": values["CONSULTATION_BLURB"]})
    # The help pages in the language being built (SITEURL is /fr for the French site), as the
    # templates' safety bar links them.
    siteurl = pelican.settings.get("SITEURL", "")
    checklist["safety_panel"] = SafetyPanel({**config, "help_url": f"{siteurl}/getting-help-now/",
                                             "safer_online_url": f"{siteurl}/staying-safer-online/"})
    configs[CHECKLIST_EXTENSION] = checklist
    markdown["extension_configs"] = configs
    pelican.settings["MARKDOWN"] = markdown

    enabled = values["CONSULTATION_CAMPAIGN_PARAMETERS"]
    filters = dict(pelican.settings.get("JINJA_FILTERS") or {})
    filters["booking_url"] = BookingUrl(enabled)
    filters["booking_campaign"] = booking_campaign
    filters["is_safety_content"] = is_safety_content
    # The help page lists resources with the same markup as a checklist's safety panel.
    filters["help_resource_list"] = help_resource_list
    pelican.settings["JINJA_FILTERS"] = filters


def tag_booking_links(content):
    """Give booking links inside an article its slug as campaign (known only now).

    Pelican has no public way to change a page's HTML before it is rendered: plugins change
    `Content._content` at `content_object_init`, as Pelican's docs tell them to (the `content`
    property is memoized and resolves links). Upstream: https://github.com/getpelican/pelican/issues/3329
    asks for a public accessor."""
    if 'data-cta="' not in (content._content or ""):
        return
    enabled = content.settings["CONSULTATION_CAMPAIGN_PARAMETERS"] and not is_safety_content(content)
    campaign = booking_campaign(content)

    def add_campaign(link):
        placement = link.group(1)

        def new_href(href):
            url = campaign_url(html.unescape(href.group(1)), campaign, placement, enabled)
            return f'href="{html.escape(url)}"'

        return RE_HREF.sub(new_href, link.group(0), count=1)

    tagged = RE_CTA_LINK.sub(add_campaign, content._content)
    if tagged != content._content:  # else keep the one string (the reader's, shared with other runs)
        content._content = tagged


def name_safety_article(generator):
    """`SAFETY_ARTICLE` for the templates, found once the articles are final (asking on every
    page went through every article for every page: a second per 1,000 articles)."""
    generator.context["SAFETY_ARTICLE"] = first_safety_article(generator.articles)


def register():
    signals.initialized.connect(configure)
    signals.article_generator_finalized.connect(name_safety_article)
    signals.content_object_init.connect(tag_booking_links)
