"""practice.toml: a practice's identity in one small file a therapist can edit.

Read by pelicanconf.py with Python's own TOML reader (tomllib). A mistake stops the build
with the file, the line and what to write instead: a missing quote, a misspelled key, a
missing required value, a language the site cannot build.
"""

import difflib
import re
import tomllib
from pathlib import Path

import site_errors

SECTIONS = {
    "practice": {"name", "region", "phone", "email", "help_region", "exit_url", "languages"},
    "booking": {"couples", "individual"},
    "clinician": {"name", "credentials", "registration", "register_url", "approach", "languages", "formats",
                  "location", "photo", "photo_alt"},
    # The French site's versions of the texts readers see.
    "french": {"region", "exit_url", "credentials", "registration", "register_url", "approach", "languages",
               "formats", "location", "photo_alt"},
}
REQUIRED = {("practice", "name"): 'name = "Your Practice Name"',
            ("booking", "couples"): 'couples = "https://your-booking-site.example/free-call"',
            ("clinician", "name"): 'name = "Your Name"'}
LANGUAGES = ("en", "fr")


class PracticeFileError(site_errors.SettingsError):
    """practice.toml cannot be used as written; the message names the line."""


def line_of(text, section, key=None):
    """The line number of `[section]` (or of `key = ` inside it), for messages."""
    lines = text.splitlines()
    start = next((number for number, line in enumerate(lines, start=1)
                  if line.strip() == f"[{section}]"), None)
    if start is None or key is None:
        return start
    for number in range(start, len(lines)):
        line = lines[number].strip()
        if line.startswith("["):
            break
        if re.match(rf"{re.escape(key)}\s*=", line):
            return number + 1
    return start


def read(path):
    """The practice's details as a dictionary, checked; or PracticeFileError."""
    path = Path(path)
    where = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PracticeFileError(f"{where} is missing. Copy it from the project you started from; it holds "
                                "your practice's name, clinician and booking addresses.") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        line = found.group(1) if found else "?"
        problem = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        raise PracticeFileError(
            f"{where}:{line}: this line cannot be read ({problem.lower()}). Write each value as "
            'key = "text in double quotes", one per line; a missing quote is the usual cause.') from None
    for section, value in data.items():
        if section not in SECTIONS:
            hint = difflib.get_close_matches(section, SECTIONS, n=1)
            raise PracticeFileError(f"{where}:{line_of(text, section)}: there is no [{section}] section"
                                    f"{f'; did you mean [{hint[0]}]?' if hint else '.'} The sections are "
                                    "[practice], [booking], [clinician] and [french].")
        for key in value:
            if key not in SECTIONS[section]:
                hint = difflib.get_close_matches(key, SECTIONS[section], n=1)
                raise PracticeFileError(f"{where}:{line_of(text, section, key)}: [{section}] has no `{key}`"
                                        f"{f'; did you mean `{hint[0]}`?' if hint else '.'}")
    for (section, key), example in REQUIRED.items():
        if not str(data.get(section, {}).get(key, "")).strip():
            raise PracticeFileError(f"{where}:{line_of(text, section) or 1}: [{section}] needs its `{key}`, "
                                    f"e.g. {example}")
    languages = data["practice"].get("languages", ["en"])
    if (not isinstance(languages, list) or not languages or languages[0] != "en"
            or any(language not in LANGUAGES for language in languages)):
        raise PracticeFileError(f"{where}:{line_of(text, 'practice', 'languages')}: languages = {languages!r} "
                                'cannot be built: write ["en"] for English only, or ["en", "fr"].')
    return data


def clinician_details(data, language="en"):
    """CLINICIAN_DETAILS for the theme: the non-empty values, the French ones for French."""
    details = {key: value for key, value in data["clinician"].items() if key != "name" and value}
    if language == "fr":
        details.update({key: value for key, value in data.get("french", {}).items()
                        if key not in ("region", "exit_url") and value})
    return details
