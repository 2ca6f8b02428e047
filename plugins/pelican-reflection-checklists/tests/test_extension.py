"""The package on its own: Python-Markdown finds the extension by its entry-point name, and
Pelican's settings become its configuration. (test_fixture_pairs.py pins the markup and the
authors' error messages; the site that holds this folder drives it in a browser.)"""

from html.parser import HTMLParser

import markdown
import pytest

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


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Elements(HTMLParser):
    """Every element of an HTML fragment as (tag, attributes, the classes of its ancestors),
    in document order: enough to look things up without a third-party parser."""

    def __init__(self, html):
        super().__init__()
        self.found, self.open = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        self.found.append((tag, attributes, {c for _, a in self.open for c in a.get("class", "").split()}))
        if tag not in VOID:
            self.open.append((tag, attributes))

    def handle_endtag(self, tag):
        while self.open and self.open.pop()[0] != tag:
            pass

    def select(self, tag=None, cls=None, inside=None, **attributes):
        return [a for t, a, around in self.found
                if (tag is None or t == tag) and (cls is None or cls in a.get("class", "").split())
                and (inside is None or inside in around)
                and all(a.get(name.replace("_", "-")) == value for name, value in attributes.items())]


def test_the_entry_point_name_loads_the_extension_with_its_attributes():
    doc = Elements(render(SOURCE, help_url="/help/", storage_namespace="mine"))
    [checklist] = doc.select(data_module="checklist")
    assert checklist["data-storage-namespace"] == "mine"
    assert checklist["data-i18n-count"] == "{ticked} of {total} ticked"
    assert [box.get("data-safety") for box in doc.select("input", cls="checklist__input")] == [None, ""]
    assert [a["href"] for a in doc.select("a", inside="checklist__safety")] == ["/help/"]


def test_a_safety_item_needs_a_help_page():
    with pytest.raises(AuthoringError) as caught:
        render(SOURCE)
    assert caught.value.line == 1 and "CHECKLIST_HELP_URL" in caught.value.message


def test_assets_are_linked_only_when_asked():
    assert "reflection-checklists.js" not in render(SOURCE, help_url="/help/")
    doc = Elements(render(SOURCE, help_url="/help/", assets_url="/theme/reflection-checklists"))
    assert doc.select("link")[0]["href"] == "/theme/reflection-checklists/reflection-checklists.css"
    assert doc.select("script")[0]["src"] == "/theme/reflection-checklists/reflection-checklists.js"
    assert doc.select("script")[0]["type"] == "module"  # it imports the component modules beside it


def test_settings_are_checked_and_become_the_config():
    values = checked_settings({"CHECKLIST_HELP_URL": "/help/", "CHECKLIST_STORAGE_NAMESPACE": "mine"})
    config = extension_config(values)
    assert config["help_url"] == "/help/" and config["storage_namespace"] == "mine"
    assert "assets_url" not in config
    with pytest.raises(SettingsError, match="CHECKLIST_HELP_LABEL"):
        checked_settings({"CHECKLIST_HELP_LABLE": "x"})
    with pytest.raises(SettingsError, match="CHECKLIST_INCLUDE_ASSETS"):
        checked_settings({"CHECKLIST_INCLUDE_ASSETS": "no"})


def test_windows_and_old_mac_line_ends_and_a_byte_order_mark_read_as_plain_lines():
    plain = render(SOURCE, help_url="/help/")
    for written in (SOURCE.replace("\n", "\r\n"), SOURCE.replace("\n", "\r"), "\ufeff" + SOURCE):
        assert render(written, help_url="/help/") == plain
    with pytest.raises(AuthoringError) as caught:
        render(SOURCE.replace("checklist |", "checklst |").replace("\n", "\r\n"), help_url="/help/")
    assert caught.value.line == 1 and "Did you mean `checklist`?" in caught.value.message


def test_every_mistake_the_scan_finds_in_a_file_is_named_once():
    source = "/// checklist | A\n    id: a\n    hint: Tick #1\n\n- [ ] One.\n\nText.\n\n//// reflexion | 0-1\nWords.\n////\n"
    with pytest.raises(AuthoringError) as caught:
        render(source, help_url="/help/")
    mistakes = caught.value.mistakes
    assert [mistake.line for mistake in mistakes] == [1, 3, 9]
    assert "never closed" in mistakes[0].message and "starts a comment" in mistakes[1].message
    assert "Did you mean `reflection`?" in mistakes[2].message
    assert str(caught.value).splitlines()[1].startswith("line 3: ")


def test_headings_beside_a_checklist_keep_ids_of_their_own():
    """With `toc`, a heading whose id a checklist already gives the page gets another one."""
    html = markdown.markdown("## Checklist signs\n\n## Signs title\n\n" + SOURCE.replace("talks", "signs"),
                             extensions=["toc", "reflection_checklists"],
                             extension_configs={"reflection_checklists": {"help_url": "/help/"}})
    ids = [attributes["id"] for _, attributes, _ in Elements(html).found if "id" in attributes]
    assert len(ids) == len(set(ids)) and "checklist-signs" in ids and "signs-title" in ids
