"""Templates compiled once per build are still compiled again when the theme file changes."""

import copy
import os

from jinja2 import Environment, FileSystemLoader

from template_cache.plugin import MemoryBytecodeCache


def environment(folder, cache):
    return Environment(loader=FileSystemLoader(str(folder)), bytecode_cache=cache, auto_reload=False)


def test_an_edited_template_is_not_served_from_the_cache(tmp_path):
    cache = MemoryBytecodeCache()
    template = tmp_path / "page.html"
    template.write_text("<p>{{ word }} one</p>", encoding="utf-8")
    assert environment(tmp_path, cache).get_template("page.html").render(word="Hello") == "<p>Hello one</p>"
    template.write_text("<p>{{ word }} two</p>", encoding="utf-8")
    os.utime(template, (1, 1))
    assert environment(tmp_path, cache).get_template("page.html").render(word="Hello") == "<p>Hello two</p>"


def test_every_language_of_the_build_shares_one_cache(tmp_path):
    cache = MemoryBytecodeCache()
    settings = {"JINJA_ENVIRONMENT": {"bytecode_cache": cache}}
    assert copy.deepcopy(settings)["JINJA_ENVIRONMENT"]["bytecode_cache"] is cache
    (tmp_path / "page.html").write_text("{{ 1 + 1 }}", encoding="utf-8")
    environment(tmp_path, cache).get_template("page.html")
    compiled = dict(cache._compiled)
    environment(tmp_path, cache).get_template("page.html")
    assert cache._compiled == compiled and len(compiled) == 1
