"""The package on its own: Python-Markdown finds the extension by its entry-point name, and
Pelican's settings become its configuration. (The site's tests cover the full behaviour; the
outsider tests in the site's tests/outsider drive it in a browser from a fresh venv.)"""

import markdown
import pytest
from bs4 import BeautifulSoup

from pelican.plugins.reflection_checklists.markdown_blocks import AuthoringError
from pelican.plugins.reflection_checklists.settings import SettingsError, checked_settings, extension_config

SOURCE = """\
/// checklist | How do our talks go?
    id: talks

- [ ] We talked about our day.
- [ ] I feel afraid of what my partner might do. {.safety}
///
"""


def render(text, **config):
    return markdown.markdown(text, extensions=["reflection_checklists"],
                             extension_configs={"reflection_checklists": config})


def test_the_entry_point_name_loads_the_extension_with_its_attributes():
    doc = BeautifulSoup(render(SOURCE, help_url="/help/", storage_namespace="mine"), "html.parser")
    checklist = doc.select_one('[data-module="checklist"]')
    assert checklist["data-storage-namespace"] == "mine"
    assert checklist["data-i18n-count"] == "{ticked} of {total} ticked"
    assert [box.get("data-safety") for box in doc.select("input.checklist__input")] == [None, ""]
    assert [a["href"] for a in doc.select(".checklist__safety a")] == ["/help/"]


def test_a_safety_item_needs_a_help_page():
    with pytest.raises(AuthoringError) as caught:
        render(SOURCE)
    assert caught.value.line == 1 and "CHECKLIST_HELP_URL" in caught.value.message


def test_assets_are_linked_only_when_asked():
    assert "reflection-checklists.js" not in render(SOURCE, help_url="/help/")
    doc = BeautifulSoup(render(SOURCE, help_url="/help/", assets_url="/theme/reflection-checklists"), "html.parser")
    assert doc.select_one("link")["href"] == "/theme/reflection-checklists/reflection-checklists.css"
    assert doc.select_one("script")["src"] == "/theme/reflection-checklists/reflection-checklists.js"


def test_settings_are_checked_and_become_the_config():
    values = checked_settings({"CHECKLIST_HELP_URL": "/help/", "CHECKLIST_STORAGE_NAMESPACE": "mine"})
    config = extension_config(values)
    assert config["help_url"] == "/help/" and config["storage_namespace"] == "mine"
    assert "assets_url" not in config
    with pytest.raises(SettingsError, match="CHECKLIST_HELP_LABEL"):
        checked_settings({"CHECKLIST_HELP_LABLE": "x"})
    with pytest.raises(SettingsError, match="CHECKLIST_INCLUDE_ASSETS"):
        checked_settings({"CHECKLIST_INCLUDE_ASSETS": "no"})
