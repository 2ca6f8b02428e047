"""Consultation and safety settings: defaults in one place, checked at start-up."""

import logging
from urllib.parse import urlsplit

import site_errors
import site_i18n

from .help_resources import DEFAULT_HELP_RESOURCES

logger = logging.getLogger(__name__)

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
    # Where the reader lives: a province or state where help services are run locally ("CA-ON").
    "HELP_REGION": "CA-ON",
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


ENTRY_EXAMPLE = ('{"name": "Assaulted Women\'s Helpline", "group": "violence", "serves": "Women in Ontario", '
                 '"hours": "24/7", "how": "...", "call": "+18668630511", "call_label": "1-866-863-0511", '
                 '"source": "https://www.awhl.org/"}')


def resources_for(resources, region, language):
    """The help list for `region` in `language`, or raise SettingsError saying what to set."""
    if region == "CA" and (not isinstance(resources, dict) or "CA" not in resources):
        raise SettingsError(
            "consultation: HELP_REGION is 'CA', but help services in Canada are run by each province. "
            "Set HELP_REGION to your province, e.g. HELP_REGION = \"CA-ON\" for Ontario (the Canadian "
            "list this site comes with), or add your province's own list to HELP_RESOURCES "
            "(README: \"Help resources\")."
        )
    if not isinstance(resources, dict) or region not in resources:
        known = ", ".join(sorted(resources)) if isinstance(resources, dict) else "none"
        raise SettingsError(
            f"consultation: HELP_REGION is {region!r} but there is no checked help list for it "
            f"(lists: {known}). Set HELP_REGION to one of those, or add a list for {region!r} to "
            "HELP_RESOURCES with every number checked on the service's own page (README: \"Help resources\")."
        )
    lists = resources[region]
    entries = lists.get(language) if isinstance(lists, dict) else lists
    if not entries:
        raise SettingsError(
            f"consultation: HELP_RESOURCES[{region!r}] has no list in {language!r}. Add one "
            f"(HELP_RESOURCES[{region!r}][{language!r}] = [...]) so readers of that language see help too."
        )
    for number, entry in enumerate(entries, start=1):
        check_entry(entry, f"HELP_RESOURCES[{region!r}][{language!r}] entry {number}")
    return entries


def check_entry(entry, where):
    if not isinstance(entry, dict) or not entry.get("name") or not entry.get("how"):
        raise SettingsError(f"consultation: {where} needs a `name` and a `how` (one sentence on what the "
                            f"service does), e.g. {ENTRY_EXAMPLE}.")
    name = entry["name"]
    if entry.get("group", "more") not in ("emergency", "violence", "more"):
        raise SettingsError(f"consultation: {where} ({name}): `group` is {entry['group']!r}; write \"emergency\" "
                            "(911), \"violence\" (a violence line open 24/7) or \"more\".")
    for key in ("name", "how", "serves", "hours", "call", "call_label", "text", "text_label", "text_body", "url",
                "source"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            raise SettingsError(f"consultation: {where} ({name}): `{key}` must be text in quotes.")
    for number, label in (("call", "call_label"), ("text", "text_label")):
        if entry.get(number) and not entry.get(label):
            raise SettingsError(f"consultation: {where} ({name}): `{number}` needs `{label}`, the number as "
                                "readers write it, e.g. \"1-866-863-0511\".")
        if entry.get(number) and not all(char.isdigit() or char == "+" for char in entry[number]):
            raise SettingsError(f"consultation: {where} ({name}): `{number}` is {entry[number]!r}; write digits "
                                "only, e.g. \"+18668630511\" or \"911\".")
    if entry.get("url") and not (entry["url"].startswith("https://") and is_clean_url(entry["url"])):
        raise SettingsError(f"consultation: {where} ({name}): `url` must start with https:// and hold no "
                            "spaces or quotes.")
    # The page the number was read on, as it was found (some are only kept at http:// addresses).
    if entry.get("source") and not (entry["source"].startswith(("https://", "http://")) and is_clean_url(entry["source"])):
        raise SettingsError(f"consultation: {where} ({name}): `source` must be the web address (https://...) "
                            "of the page where you read the number.")
    if not entry.get("source"):
        raise SettingsError(f"consultation: {where} ({name}) has no `source`: give the address of the "
                            "service's own page where you read its number and hours.")


def checked_settings(settings):
    """Return the consultation settings with defaults filled in, or raise SettingsError."""
    values = {name: settings.get(name, default) for name, default in DEFAULTS.items()}
    if "CONSULTATION_SHORT_LABEL" not in settings:
        _ = site_i18n.gettext_for(settings)
        values["CONSULTATION_SHORT_LABEL"] = _("Book a call")
    check_booking_url(values["CONSULTATION_URL"])
    if values["INDIVIDUAL_CONSULTATION_URL"]:
        check_booking_url(values["INDIVIDUAL_CONSULTATION_URL"], "INDIVIDUAL_CONSULTATION_URL")
    if values["INDIVIDUAL_CONSULTATION_URL"].strip() in ("", values["CONSULTATION_URL"].strip()):
        # A warning, so a first `make html` still builds; `make publish` stops on any warning.
        logger.warning(
            "consultation: INDIVIDUAL_CONSULTATION_URL %s. \"Book a call just for me\" is what a reader who "
            "ticked something about fear or harm is offered, so it must not lead to the couples booking. "
            "Set it to a booking page for one person: in practice.toml, under [booking], "
            "individual = \"https://your-booking-site/call-for-one\".",
            f"is not set, so it would be CONSULTATION_URL (`{values['CONSULTATION_URL']}`)"
            if not values["INDIVIDUAL_CONSULTATION_URL"].strip()
            else f"is the same as CONSULTATION_URL (`{values['CONSULTATION_URL']}`)")
        values["INDIVIDUAL_CONSULTATION_URL"] = values["INDIVIDUAL_CONSULTATION_URL"] or values["CONSULTATION_URL"]
    for name in ("CONSULTATION_LABEL", "CONSULTATION_SHORT_LABEL", "CONSULTATION_BLURB"):
        if not isinstance(values[name], str) or not values[name].strip():
            raise SettingsError(f"consultation: {name} must be a short, non-empty text.")
    if not isinstance(values["CONSULTATION_CAMPAIGN_PARAMETERS"], bool):
        raise SettingsError("consultation: CONSULTATION_CAMPAIGN_PARAMETERS must be True or False.")
    values["HELP_RESOURCES_FOR_REGION"] = resources_for(values["HELP_RESOURCES"], values["HELP_REGION"],
                                                        settings.get("DEFAULT_LANG", "en"))
    exit_url = urlsplit(values["EXIT_URL"] if is_clean_url(values["EXIT_URL"]) else "")
    if exit_url.scheme != "https" or not exit_url.netloc:
        raise SettingsError(f"consultation: EXIT_URL must be a neutral https:// page with no spaces or quotes, "
                            f"e.g. \"https://weather.gc.ca/\" (exit_url in practice.toml); it is {values['EXIT_URL']!r}.")
    return values
