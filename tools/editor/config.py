"""Decap's configuration for this site: page/config.yml, with what depends on the site filled in.

- each language's categories, from LEARNING_PATH (and the French site's, from I18N_SUBSITES);
- the help regions the site has checked services for (consultation.help_resources);
- the French collections (content/fr/...), only when the site is built in French, each file
  carrying `Lang: fr` as the French files do;
- `display_url`: the live preview's address, for Decap's "view live" link.
"""

import copy
from pathlib import Path

import yaml

CONFIG = Path(__file__).resolve().parent / "page" / "config.yml"
FRENCH_FOLDER = "content/fr/"
LANG_FR = {"name": "lang", "label": "Language", "widget": "hidden", "default": "fr"}


def categories(settings, language):
    path = settings.get("LEARNING_PATH") or []
    if language != settings.get("DEFAULT_LANG", "en"):
        path = (settings.get("I18N_SUBSITES") or {}).get(language, {}).get("LEARNING_PATH", path)
    return [name for name, _ in path]


def help_regions(settings):
    from consultation.help_resources import DEFAULT_HELP_RESOURCES

    return sorted(settings.get("HELP_RESOURCES") or DEFAULT_HELP_RESOURCES)


def field(fields, name):
    return next(item for item in fields if item["name"] == name)


def decap_config(settings, preview_url=""):
    """The configuration as YAML text (from page/config.yml and the site's settings)."""
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    config["display_url"] = preview_url
    french = "fr" in (settings.get("I18N_SUBSITES") or {})
    collections = []
    for collection in config["collections"]:
        language = "fr" if collection.get("folder", "").startswith(FRENCH_FOLDER) else "en"
        if language == "fr" and not french:
            continue
        collection = copy.deepcopy(collection)  # the French collections share the English fields (YAML anchors)
        if "fields" in collection:
            if language == "fr":
                collection["fields"].insert(0, dict(LANG_FR))
            if any(item["name"] == "category" for item in collection["fields"]):
                field(collection["fields"], "category")["options"] = categories(settings, language)
        for file in collection.get("files", []):
            if file["name"] == "practice":
                field(field(file["fields"], "practice")["fields"], "help_region")["options"] = help_regions(settings)
        collections.append(collection)
    config["collections"] = collections
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
