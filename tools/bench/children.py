"""One measurement per child process, so imports and peak memory are measured fairly."""

import json
import os
import re
import runpy
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import CONTENT, ROOT, SETTINGS

# Settings that decide which pages exist and where; vanilla Pelican gets the same ones,
# so both builds write the same pages and only theme, plugins and Markdown differ.
PAGE_SET_SETTINGS = ("SITENAME", "SITEURL", "RELATIVE_URLS", "TIMEZONE", "DEFAULT_LANG", "DEFAULT_DATE_FORMAT",
                     "ARTICLE_PATHS", "PAGE_PATHS", "STATIC_PATHS", "DEFAULT_PAGINATION")
SIMPLE_THEME_TEMPLATES = ("index", "categories", "tags", "archives", "authors")

# The search step: Pagefind indexes the written site. Timed on its own, as the issue asks;
# everything else `make html` does (the written-page checks included) is in "ours".
SEARCH_PLUGINS = ("search_index",)


def our_plugins(with_search):
    """PLUGINS from the settings file, with or without the search step."""
    plugins = runpy.run_path(str(SETTINGS))["PLUGINS"]
    return [name for name in plugins if with_search or name not in SEARCH_PLUGINS]


def pagefind(output):
    """What pelican-search-style sites run after Pelican: Pagefind over the written site."""
    from plugins.search_index.plugin import pagefind_command

    subprocess.run(pagefind_command(output), check=True, capture_output=True, timeout=600)


def vanilla_overrides(**extra):
    """Pelican's defaults (theme, no plugins, MARKDOWN) plus our settings that decide which pages exist."""
    ours = runpy.run_path(str(SETTINGS))
    same = {key: value for key, value in ours.items()
            if key in PAGE_SET_SETTINGS or key.endswith(("_URL", "_SAVE_AS")) or "FEED" in key}
    same["DIRECT_TEMPLATES"] = [name for name in ours.get("DIRECT_TEMPLATES", []) if name in SIMPLE_THEME_TEMPLATES]
    return {**same, **extra}


def vanilla_settings(content, output, **extra):
    from pelican.settings import read_settings

    return read_settings(None, override=vanilla_overrides(PATH=str(content), OUTPUT_PATH=str(output), **extra))


def count_pages(output):
    return sum(1 for _ in Path(output).rglob("*.html"))


def child_build(spec):
    """A clean build of one flavour; returns its own timing (the parent times the whole process)."""
    import logging

    from tools.build import build

    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(message)s")
    output = Path(spec["output"])
    uncached = {"CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False}
    if spec.get("cache"):  # `make html` again: Pelican's content cache in this folder, the output kept
        uncached = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": spec["cache"]}
    else:
        shutil.rmtree(output, ignore_errors=True)
    start = time.perf_counter()
    if spec["flavour"].startswith("vanilla"):
        problems = build(None, spec["content"], str(output), overrides=vanilla_overrides(**uncached))
        if spec["flavour"] == "vanilla+post" and not problems:
            pagefind(output)
    else:
        overrides = {**uncached, "PLUGINS": our_plugins(spec["flavour"] == "ours+post")}
        problems = build(str(SETTINGS), spec["content"], str(output), overrides=overrides)
    if problems:
        raise SystemExit(f"the {spec['flavour']} build reported {problems} error(s)")
    return {"run": time.perf_counter() - start, "problems": problems, "pages": count_pages(output)}


def edit_article(path, number, title=False):
    """Change one article the way an author would: a new sentence, or a new title."""
    text = path.read_text(encoding="utf-8")
    if title:
        text = re.sub(r"(?m)^Title: (.*)$", lambda match: f"Title: {match.group(1)} (edit {number})", text, count=1)
    else:
        text += f"\nAn extra sentence the author added, number {number}.\n"
    path.write_text(text, encoding="utf-8")


def private_copy(spec, name):
    """A copy of the corpus this child may edit."""
    work = Path(spec["work"])
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(spec["content"], work / name)
    return work / name


def child_rebuild(spec):
    """A cached rebuild writing every page after editing one article (Pelican's `-r` path)."""
    import logging

    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(message)s")
    content = private_copy(spec, "content")
    output, cache = Path(spec["work"]) / "output", Path(spec["work"]) / "cache"
    article = sorted((content / "articles").glob("*.md"))[len(list((content / "articles").glob("*.md"))) // 2]
    times = []
    if spec["flavour"] == "vanilla":
        from pelican import Pelican

        pelican = Pelican(vanilla_settings(content, output, CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True,
                                           CACHE_PATH=str(cache)))
        pelican.run()
        for number in range(spec["runs"]):
            edit_article(article, number)
            start = time.perf_counter()
            pelican.run()
            times.append(time.perf_counter() - start)
    else:
        from tools.devserver import Rebuilder

        rebuilder = Rebuilder(SETTINGS, content, output, cache_dir=cache)
        rebuilder.build_all()
        for number in range(spec["runs"]):
            edit_article(article, number)
            times.append(rebuilder.rebuild({article}, write_all=True).seconds)
        rebuilder.close()
    return {"times": times, "pages": count_pages(output)}


def child_devserver(spec):
    """Edit-to-refreshed through the devserver: from saving an article to its page being rewritten.

    Runs the devserver's own watcher and rebuilder (no HTTP server), edits one
    article's text and then its title, and waits for that article's page to change.
    """
    import logging
    import threading

    from tools.devserver import FullCheck, Rebuilder, watch

    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(message)s")
    content = private_copy(spec, "content")
    output, cache = Path(spec["work"]) / "output", Path(spec["work"]) / "cache"
    articles = sorted((content / "articles").glob("*.md"))
    article = articles[len(articles) // 2]
    starts = {}
    for start_kind in ("cold", "warm"):  # the first start fills the content cache
        rebuilder = Rebuilder(SETTINGS, content, output, cache_dir=cache)
        starts[start_kind] = rebuilder.build_all().seconds
        if start_kind == "cold":
            rebuilder.close()
    page = output / rebuilder.pelican.settings["ARTICLE_SAVE_AS"].format(slug=_slug(article))
    done = []
    rebuilder.on_rebuilt = done.append
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(rebuilder, stop), daemon=True)
    watcher.start()
    time.sleep(1.0)  # let the watcher settle
    timings, written = {"body": [], "title": []}, {"body": [], "title": []}
    for number in range(spec["runs"]):
        for kind in ("body", "title"):
            before = page.stat().st_mtime_ns
            done.clear()
            start = time.perf_counter()
            edit_article(article, number, title=kind == "title")
            deadline = start + 120
            while page.stat().st_mtime_ns == before and time.perf_counter() < deadline:
                time.sleep(0.002)
            changed = page.stat().st_mtime_ns != before
            timings[kind].append(time.perf_counter() - start if changed else None)
            while not done and time.perf_counter() < deadline:  # let the rebuild finish
                time.sleep(0.01)
            written[kind].append(sum(name.endswith(".html") for result in done for name in result.written))
            time.sleep(0.3)
    stop.set()
    watcher.join(timeout=5)
    # The full check that follows every pause in saving: the whole `make html` build, then a sync.
    check = FullCheck(SETTINGS, content, output, rebuilder.lock).run()
    rebuilder.close()
    return {"starts": starts, "timings": timings, "written": written,
            "post": check.seconds if check and check.ok else None}


def _slug(article):
    return re.search(r"(?m)^Slug: (.*)$", article.read_text(encoding="utf-8")).group(1).strip()


def child_weight(spec):
    """Build the real site as `make html` does, and list a page of each kind."""
    import logging

    from pelican.plugins import signals

    from tools.build import build

    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(message)s")
    seen = {}

    def remember(generators):
        for generator in generators:
            if generator.settings.get("DEFAULT_LANG") in (generator.settings.get("I18N_SUBSITES") or {}):
                continue  # the French site, built inside the main run: weigh the main site's pages
            if hasattr(generator, "drafts"):
                seen["articles"] = [(a.save_as, getattr(a, "has_checklist", False)) for a in generator.articles]
                seen["categories"] = [(c.save_as, len(a)) for c, a in generator.categories]
                seen["tags"] = [(t.save_as, len(a)) for t, a in generator.tags.items()]
            elif hasattr(generator, "pages"):
                seen["pages"] = [(p.slug, p.save_as) for p in generator.pages]

    signals.all_generators_finalized.connect(remember)
    output = Path(spec["output"])
    shutil.rmtree(output, ignore_errors=True)
    problems = build(str(SETTINGS), str(CONTENT), str(output),
                     overrides={"CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False})
    settings = runpy.run_path(str(SETTINGS))
    plain = [name for name, checklist in seen.get("articles", []) if not checklist]
    with_checklist = [name for name, checklist in seen.get("articles", []) if checklist]
    pages = dict(seen.get("pages", []))
    kinds = {
        "home": "index.html",
        "article": plain[0] if plain else None,
        "checklist article": with_checklist[0] if with_checklist else None,
        "category": min(seen.get("categories", [(None, 0)]), key=lambda item: -item[1])[0],
        "tag": min(seen.get("tags", [(None, 0)]), key=lambda item: -item[1])[0],
        "archives": settings.get("ARCHIVES_SAVE_AS", "archives.html"),
        "page": pages.get("about") or next(iter(pages.values()), None),
        "search": settings.get("SEARCH_SAVE_AS", "search.html"),
        "404": settings.get("404_SAVE_AS", "404.html"),
    }
    return {"problems": problems, "kinds": kinds}


CHILDREN = {"build": child_build, "rebuild": child_rebuild, "devserver": child_devserver, "weight": child_weight}


def run_child(spec):
    """Run one measurement in a new Python process; returns (its result, wall seconds, peak MB, CPU seconds)."""
    with tempfile.NamedTemporaryFile("r", suffix=".json", delete=False) as handle:
        result_file = handle.name
    command = [sys.executable, "-m", "tools.bench", "--child", json.dumps(spec), "--child-result", result_file]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    try:
        result = json.loads(Path(result_file).read_text(encoding="utf-8") or "null")
    finally:
        os.unlink(result_file)
    if process.returncode != 0 or result is None:
        sys.stdout.write(output.decode("utf-8", "replace")[-4000:])
        raise SystemExit(f"bench: the {spec['task']} step failed ({spec}); its output is above.")
    return result, wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


