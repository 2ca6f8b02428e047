"""Templates compiled once per build are still compiled again when the theme file changes."""

import copy
import os

from jinja2 import Environment, FileSystemLoader

from template_cache.plugin import MemoryBytecodeCache, share_compiled_templates


def environment(folder, cache):
    return Environment(loader=FileSystemLoader(str(folder)), bytecode_cache=cache, auto_reload=False)


def count_compiles(monkeypatch):
    compiles = []
    original = Environment.compile

    def counting(self, source, *args, **kwargs):
        compiles.append(source)
        return original(self, source, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", counting)
    return compiles


def test_an_edited_template_is_not_served_from_the_cache(tmp_path):
    cache = MemoryBytecodeCache()
    template = tmp_path / "page.html"
    template.write_text("<p>{{ word }} one</p>", encoding="utf-8")
    assert environment(tmp_path, cache).get_template("page.html").render(word="Hello") == "<p>Hello one</p>"
    template.write_text("<p>{{ word }} two</p>", encoding="utf-8")
    os.utime(template, (1, 1))
    assert environment(tmp_path, cache).get_template("page.html").render(word="Hello") == "<p>Hello two</p>"


def test_every_environment_and_language_of_a_build_compiles_a_template_once(tmp_path, monkeypatch):
    class Run:  # what `initialized` hands the plugin
        settings = {"JINJA_ENVIRONMENT": {"autoescape": True}}

    share_compiled_templates(Run)
    options = Run.settings["JINJA_ENVIRONMENT"]
    assert options["auto_reload"] is False
    # i18n_subsites deep-copies the settings for another language: the cache is shared.
    other_language = copy.deepcopy(Run.settings)["JINJA_ENVIRONMENT"]
    assert other_language["bytecode_cache"] is options["bytecode_cache"]
    (tmp_path / "page.html").write_text("{{ 1 + 1 }}", encoding="utf-8")
    compiles = count_compiles(monkeypatch)
    for settings in (options, options, other_language):
        rendered = Environment(loader=FileSystemLoader(str(tmp_path)), **settings).get_template("page.html").render()
        assert rendered == "2"
    assert len(compiles) == 1
