"""One Markdown set-up for the extension tests, close to what Pelican uses."""

import markdown

from consultation.markup import ChecklistFollowUp, SafetyPanel
from pelican.plugins.reflection_checklists.checklist import makeExtension as checklist_extension
from consultation.markup import makeExtension as consultation_extension

BOOKING = {
    "url": "https://booking.example.org/test",
    "label": "Book a free 15-minute consultation",
    "blurb": "A short free call.",
    "checklist_prompt": "A short free call.",
    "resources": [{"name": "Test Helpline", "group": "violence", "serves": "Anyone", "hours": "24/7",
                   "how": "Someone listens and helps you plan.", "call": "0000", "call_label": "0000",
                   "url": "https://help.example.org/", "source": "https://help.example.org/contact"}],
    "individual_url": "https://booking.example.org/individual",
}


def make_markdown():
    return markdown.Markdown(
        extensions=[
            "markdown.extensions.extra",
            "markdown.extensions.meta",
            checklist_extension(after_reflections=ChecklistFollowUp(BOOKING), safety_panel=SafetyPanel(BOOKING)),
            consultation_extension(**{key: BOOKING[key] for key in ("url", "label", "blurb", "resources", "individual_url")}),
        ],
        output_format="html5",
    )


def render(source):
    return make_markdown().convert(source)
