"""`make publish` refuses the example practice: its name, booking address, phone, email and
example pages.

This repository ships a fictional practice so the site builds and can be tried
at once. A practice that forks it must not publish that by mistake: readers
would call a made-up number or book on a made-up address. publishconf.py
turns this check on (`REFUSE_EXAMPLE_DETAILS`); `make publish
PUBLISH_EXAMPLE_SITE=yes` turns it off for a demo, and the test suite's own
publish does that.
"""

import re
from urllib.parse import urlsplit

# The fictional practice of this repository (pelicanconf.py).
EXAMPLE_NAMES = ("Kestrel & Fern", "Ines Marlow")
# Domains reserved for examples (RFC 2606, RFC 6761): never a real practice's.
RESERVED_SUFFIXES = ("example.org", "example.com", "example.net", ".example", ".test", ".invalid", ".localhost")
EXAMPLE_PHONE = "+1 555 0142 0199"
# What the example's About pages say about themselves: left in, a reader is told the practice
# is made up, even once `Example: yes` is gone.
EXAMPLE_SENTENCES = ("made up for this site", "inventés pour ce site")
HOW = ("Write your own in practice.toml, or run `make publish PUBLISH_EXAMPLE_SITE=yes` to publish the "
       "demo on purpose.")
# Where each checked setting is written in practice.toml.
WHERE = {"PRACTICE_NAME": "[practice] name", "SITENAME": "[practice] name", "PRACTICE_CLINICIAN": "[clinician] name",
         "AUTHOR": "[clinician] name", "CONSULTATION_URL": "[booking] couples",
         "INDIVIDUAL_CONSULTATION_URL": "[booking] individual", "PRACTICE_EMAIL": "[practice] email",
         "PRACTICE_PHONE": "[practice] phone", 'CLINICIAN_DETAILS["registration"]': "[clinician] registration"}


def is_reserved_host(host):
    host = (host or "").lower().rstrip(".")
    return any(host == suffix.lstrip(".") or host.endswith("." + suffix.lstrip(".")) for suffix in RESERVED_SUFFIXES)


def is_fictional_phone(phone):
    """The shipped example, or a North American number kept for fiction: area code 555, or
    555-0100 to 555-0199."""
    digits = re.sub(r"\D", "", phone)
    last_ten = digits[-10:]
    return (digits == re.sub(r"\D", "", EXAMPLE_PHONE) or last_ten.startswith("555")
            or (last_ten[3:6] == "555" and last_ten[6:8] == "01"))


def example_settings(settings):
    """(setting, value, why it looks like an example) for every setting that still does, in the
    order practice.toml holds them, so an owner fixes the file from top to bottom."""
    found = []
    name = str(settings.get("PRACTICE_NAME") or "")
    if any(example in name for example in EXAMPLE_NAMES):
        found.append(("PRACTICE_NAME", name, "the made-up example practice's"))
    phone = str(settings.get("PRACTICE_PHONE") or "")
    if phone and is_fictional_phone(phone):
        found.append(("PRACTICE_PHONE", phone, "a 555 number, kept for fiction, which no reader can call"))
    email = str(settings.get("PRACTICE_EMAIL") or "")
    if email and is_reserved_host(email.partition("@")[2]):
        found.append(("PRACTICE_EMAIL", email, "an address reserved for examples, which no reader can reach"))
    for key in ("CONSULTATION_URL", "INDIVIDUAL_CONSULTATION_URL"):
        value = str(settings.get(key) or "")
        parts = urlsplit(value)
        host = parts.hostname if parts.scheme in ("http", "https") else value.partition("@")[2]
        if value and is_reserved_host(host):
            found.append((key, value, "an address reserved for examples (it ends in .example, example.org…), "
                                      "which no reader can reach"))
    clinician = str(settings.get("PRACTICE_CLINICIAN") or "")
    if any(example in clinician for example in EXAMPLE_NAMES):
        found.append(("PRACTICE_CLINICIAN", clinician, "the made-up example practice's"))
    registration = str((settings.get("CLINICIAN_DETAILS") or {}).get("registration") or "")
    if "(example)" in registration or "(exemple)" in registration or "000000" in registration:
        found.append(('CLINICIAN_DETAILS["registration"]', registration, "the example's made-up number"))
    return found


def where(key, settings):
    """The practice.toml line that holds a setting, for the site's language (the French site's
    own texts are under [french])."""
    if key == 'CLINICIAN_DETAILS["registration"]' and settings.get("DEFAULT_LANG") != settings.get(
            "I18N_TEMPLATES_LANG", settings.get("DEFAULT_LANG")):
        return "[french] registration"
    return WHERE.get(key, key)


def header_line(source_path, wanted, accept=lambda value: True):
    """The number of the header line `Wanted: value` in a content file, or None."""
    with open(source_path, encoding="utf-8-sig", errors="replace") as source:
        for number, line in enumerate(source, start=1):
            if not line.strip():
                return None
            key, _, value = line.partition(":")
            if key.strip().lower() == wanted and accept(value.strip()):
                return number
    return None


def example_page_line(source_path):
    """The header line of `Example: yes` in a content file, or None."""
    return header_line(source_path, "example", lambda value: value.lower() in ("yes", "true"))


def example_sentence_line(source_path):
    """(line number, words) of the first line that still says the practice is made up, or None."""
    with open(source_path, encoding="utf-8-sig", errors="replace") as source:
        for number, line in enumerate(source, start=1):
            found = next((words for words in EXAMPLE_SENTENCES if words in line.lower()), None)
            if found:
                return number, found
    return None
