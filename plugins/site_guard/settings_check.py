"""Every setting this project adds is known by name: a typo stops the build with a suggestion.

Pelican ignores a setting it does not know, so `HELP_REGOIN = "US"` would silently keep the
Canadian help lines. The names below are the project's own (the checklist plugin checks its
`CHECKLIST_*` names itself); a setting that starts with one of their prefixes, or that is
one letter or two away from one of them, must be one of them.
"""

import difflib

from consultation.settings import DEFAULTS as CONSULTATION_SETTINGS
from site_errors import SettingsError

PROJECT_SETTINGS = {
    *CONSULTATION_SETTINGS,
    "PRACTICE_NAME", "PRACTICE_CLINICIAN", "PRACTICE_REGION",
    "HELP_RESOURCES_FOR_REGION",  # written by the consultation plugin, not by the owner
    "SITE_DESCRIPTION", "LEARNING_PATH", "ARTICLE_TOC_MIN_SECTIONS", "SEARCH_INDEX",
    "CONTENT_SECURITY_POLICY",
    "REFUSE_EXAMPLE_DETAILS",  # set by publishconf.py (see placeholders.py)
    "CLINICIAN_DETAILS",
    "REVIEW_INTERVAL_MONTHS",
}
PROJECT_PREFIXES = ("PRACTICE_", "CONSULTATION_", "INDIVIDUAL_", "HELP_", "EXIT_", "LEARNING_", "ARTICLE_TOC_",
                    "CLINICIAN_", "REVIEW_")
CLINICIAN_KEYS = ("credentials", "registration", "approach", "languages", "formats", "location", "photo",
                  "photo_alt", "register_url")
REQUIRED_TEXTS = {
    "PRACTICE_NAME": 'PRACTICE_NAME = "Your Practice Name"',
    "SITE_DESCRIPTION": 'SITE_DESCRIPTION = "Plain-language articles about trust in couples."',
}


def unknown_setting_problems(settings):
    problems = []
    for name in sorted(settings):
        if name in PROJECT_SETTINGS or not name.isupper():
            continue
        close = difflib.get_close_matches(name, PROJECT_SETTINGS, n=1, cutoff=0.85)
        if name.startswith(PROJECT_PREFIXES) or close:
            hint = f" Did you mean {close[0]}?" if close else ""
            problems.append(f"`{name}` is not a setting this site knows, so it would do nothing.{hint}")
    return problems


def missing_text_problems(settings):
    return [f"`{name}` must be set to a short text, e.g. {example}."
            for name, example in REQUIRED_TEXTS.items()
            if not isinstance(settings.get(name), str) or not settings[name].strip()]


def clinician_problems(settings):
    details = settings.get("CLINICIAN_DETAILS", {})
    if not isinstance(details, dict):
        return [f"`CLINICIAN_DETAILS` must be a dictionary such as {{\"credentials\": \"Registered "
                f"Psychotherapist\", \"languages\": \"English\"}}; it is {details!r}."]
    problems = []
    for key, value in details.items():
        if key not in CLINICIAN_KEYS:
            close = difflib.get_close_matches(str(key), CLINICIAN_KEYS, n=1, cutoff=0.6)
            hint = f" Did you mean \"{close[0]}\"?" if close else ""
            problems.append(f"`CLINICIAN_DETAILS` has \"{key}\", which the site does not show.{hint} "
                            f"It can hold: {', '.join(CLINICIAN_KEYS)}.")
        elif not isinstance(value, str):
            problems.append(f"`CLINICIAN_DETAILS[\"{key}\"]` must be a text in quotes; it is {value!r}.")
    register = details.get("register_url")
    if register and not (isinstance(register, str) and register.startswith("https://") and " " not in register):
        problems.append(f"`CLINICIAN_DETAILS[\"register_url\"]` must be the regulator's public register as an "
                        f"https:// address, e.g. \"https://www.crpo.ca/\"; it is {register!r}.")
    if details.get("photo") and not details.get("photo_alt"):
        problems.append("`CLINICIAN_DETAILS` has a \"photo\" but no \"photo_alt\": describe the photo for "
                        "readers who cannot see it, e.g. \"photo_alt\": \"Ines smiling, in her office\".")
    return problems


def review_interval_problems(settings):
    months = settings.get("REVIEW_INTERVAL_MONTHS", 12)
    if isinstance(months, int) and not isinstance(months, bool) and months >= 1:
        return []
    return [f"`REVIEW_INTERVAL_MONTHS` must be a whole number of months, e.g. REVIEW_INTERVAL_MONTHS = 12; "
            f"it is {months!r}."]


def check_settings(pelican):
    problems = (unknown_setting_problems(pelican.settings) + missing_text_problems(pelican.settings)
                + clinician_problems(pelican.settings) + review_interval_problems(pelican.settings))
    if problems:
        raise SettingsError("settings: " + " ".join(problems) + " Fix it in your settings file (pelicanconf.py).")
