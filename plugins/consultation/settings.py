"""Consultation and safety settings: defaults in one place, checked at start-up."""

from urllib.parse import urlsplit

import site_errors
import site_i18n

from .help_resources import DEFAULT_HELP_RESOURCES

DEFAULTS = {
    "CONSULTATION_URL": "",
    "CONSULTATION_LABEL": "Book a free 15-minute consultation",
    # The same link in the phone header's navigation row, where the long label does not fit.
    # Default "Book a call", in the site's language: filled in by checked_settings at build time.
    "CONSULTATION_SHORT_LABEL": None,
    "CONSULTATION_BLURB": "A short, free call with a therapist to see whether working together could help.",
    # Off by default: a campaign tells the booking provider which page the reader was on.
    "CONSULTATION_CAMPAIGN_PARAMETERS": False,
    # "Talk to a therapist on your own" (safety panel, help pages); empty means CONSULTATION_URL.
    "INDIVIDUAL_CONSULTATION_URL": "",
    "PRACTICE_PHONE": "",
    "PRACTICE_EMAIL": "",
    "HELP_REGION": "CA",
    "HELP_RESOURCES": DEFAULT_HELP_RESOURCES,
    # A neutral page to leave to in a hurry ("Exit this page").
    "EXIT_URL": "https://www.bbc.co.uk/weather",
}


class SettingsError(site_errors.SettingsError):
    """A setting the site owner must fix; the message says how."""


def is_clean_url(url):
    """No spaces, quotes or angle brackets: they would break the page's markup or the link."""
    return isinstance(url, str) and not any(char.isspace() or char in "\"'<>`" for char in url)


def check_booking_url(url, name="CONSULTATION_URL"):
    parts = urlsplit(url if is_clean_url(url) else "")
    if parts.scheme == "https" and parts.netloc:
        return
    if parts.scheme in ("mailto", "tel") and parts.path:
        return
    raise SettingsError(
        f"consultation: {name} must be the practice's booking address starting with "
        f"https://, or a mailto: or tel: link; it is {url!r}. Set it in pelicanconf.py, e.g. "
        f'{name} = "https://booking.example.org/your-practice".'
    )


def check_resources(resources, region):
    if not isinstance(resources, dict) or region not in resources:
        known = ", ".join(sorted(resources)) if isinstance(resources, dict) else "none"
        raise SettingsError(
            f"consultation: HELP_REGION is {region!r} but HELP_RESOURCES has no list for it "
            f"(it has: {known}). Set HELP_REGION to one of those, or add a list for {region!r}."
        )
    for number, entry in enumerate(resources[region], start=1):
        if not isinstance(entry, dict) or not entry.get("name") or not entry.get("how"):
            raise SettingsError(
                f"consultation: HELP_RESOURCES[{region!r}] entry {number} needs a `name` and a `how` "
                "(one sentence on how to reach it)."
            )
        for key in ("url", "tel"):
            if entry.get(key) and not isinstance(entry[key], str):
                raise SettingsError(f"consultation: HELP_RESOURCES[{region!r}] entry {number}: `{key}` must be text.")
        if entry.get("url") and not (entry["url"].startswith("https://") and is_clean_url(entry["url"])):
            raise SettingsError(
                f"consultation: HELP_RESOURCES[{region!r}] entry {number}: `url` must start with https:// "
                "and hold no spaces or quotes."
            )


def checked_settings(settings):
    """Return the consultation settings with defaults filled in, or raise SettingsError."""
    values = {name: settings.get(name, default) for name, default in DEFAULTS.items()}
    if "CONSULTATION_SHORT_LABEL" not in settings:
        _ = site_i18n.gettext_for(settings)
        values["CONSULTATION_SHORT_LABEL"] = _("Book a call")
    check_booking_url(values["CONSULTATION_URL"])
    if values["INDIVIDUAL_CONSULTATION_URL"]:
        check_booking_url(values["INDIVIDUAL_CONSULTATION_URL"], "INDIVIDUAL_CONSULTATION_URL")
    else:
        values["INDIVIDUAL_CONSULTATION_URL"] = values["CONSULTATION_URL"]
    for name in ("CONSULTATION_LABEL", "CONSULTATION_SHORT_LABEL", "CONSULTATION_BLURB"):
        if not isinstance(values[name], str) or not values[name].strip():
            raise SettingsError(f"consultation: {name} must be a short, non-empty text.")
    if not isinstance(values["CONSULTATION_CAMPAIGN_PARAMETERS"], bool):
        raise SettingsError("consultation: CONSULTATION_CAMPAIGN_PARAMETERS must be True or False.")
    check_resources(values["HELP_RESOURCES"], values["HELP_REGION"])
    exit_url = urlsplit(values["EXIT_URL"] if is_clean_url(values["EXIT_URL"]) else "")
    if exit_url.scheme != "https" or not exit_url.netloc:
        raise SettingsError(f"consultation: EXIT_URL must be a neutral https:// page with no spaces or quotes, "
                            f"e.g. EXIT_URL = \"https://weather.gc.ca/\"; it is {values['EXIT_URL']!r}.")
    return values
