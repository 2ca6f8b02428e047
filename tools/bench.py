"""Benchmarks: build speed against vanilla Pelican, fast rebuilds, page weight.

    python -m tools.bench [--sizes 100 1000] [--runs 5] [--results bench/results/latest.md]

Generates a seeded corpus of articles (headings, lists, links and one
checklist each) into bench/corpus/, with a copy whose checklists are plain
Markdown for vanilla Pelican (default theme, no plugins, default MARKDOWN,
the same pages written). Builds both alternately, each build in its own
Python process so imports and peak memory are measured fairly, then times a
cached rebuild after editing one article (Pelican's own `-r` path, and our
devserver's edit-to-refreshed path) and weighs each kind of page of the real
site. Prints one line per build and a table, and writes the table to
bench/results/latest.md. See bench/README.md.
"""

import argparse
import gzip
import json
import os
import platform
import random
import re
import runpy
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "pelicanconf.py"
CONTENT = ROOT / "content"
CORPUS = ROOT / "bench" / "corpus"
RESULTS = ROOT / "bench" / "results" / "latest.md"
SEED = 1200
WORDS_PER_ARTICLE = 1200
# Plugins that check or index the finished output rather than build it. They are left
# out of the timed comparison and timed on their own row ("build + post-processing").
POST_PROCESSING_PLUGINS = ("privacy_linter",)
# Settings that decide which pages exist and where; vanilla Pelican gets the same ones,
# so both builds write the same pages and only theme, plugins and Markdown differ.
PAGE_SET_SETTINGS = ("SITENAME", "SITEURL", "RELATIVE_URLS", "TIMEZONE", "DEFAULT_LANG", "DEFAULT_DATE_FORMAT",
                     "ARTICLE_PATHS", "PAGE_PATHS", "STATIC_PATHS", "DEFAULT_PAGINATION")
SIMPLE_THEME_TEMPLATES = ("index", "categories", "tags", "archives", "authors")

# --- the corpus ---------------------------------------------------------------------

WORDS = """
trust partner partners couple couples talk talking listen listening feel feeling feelings
small moment moments day days week weeks home work time together apart close closer
kind careful gentle honest open plain calm safe safety worry worries fear hope hopes hurt
repair rebuild slow steady simple clear real often rarely sometimes again every each
notice noticing sense share sharing secret promise promises keep kept turn toward away
question answer answers story stories change changes choice choices habit habits small
quiet loud fight fights argue conflict peace space room evening morning night phone
message messages money chores children friends family parents plans future past memory
word words voice tone face hands touch warmth distance walls bridge path step steps
learn learning grow growing try trying start begin end hold holding let letting go
""".split()
TAGS = ["trust", "repair", "communication", "everyday moments", "conflict", "feelings", "gottman",
        "anxiety", "honesty", "therapy", "rituals", "boundaries", "safety", "transparency",
        "infidelity", "emotional neglect", "pursue-withdraw", "story", "forgiveness", "money",
        "parenting", "family", "work stress", "intimacy", "listening", "apology", "jealousy",
        "distance", "routines", "hope"]
CATEGORIES = ["Understanding trust", "The impact", "Repair and rebuilding"]


CONTRACTIONS = ["don't", "it's", "can't", "partner's", "you're", "we're", "isn't", "couple's"]


def sentence(rng, low=7, high=17, quotes=True):
    """A sentence; like the real articles, some have an apostrophe or a "quoted phrase"."""
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    if quotes and rng.random() < 0.08:
        words[rng.randrange(len(words))] = rng.choice(CONTRACTIONS)
    if quotes and rng.random() < 0.12 and len(words) > 4:
        start = rng.randrange(1, len(words) - 3)
        words[start], words[start + 2] = '"' + words[start], words[start + 2] + '"'
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice(".....?")


def paragraph(rng, sentences=None):
    return " ".join(sentence(rng) for _ in range(sentences or rng.randint(2, 4)))


def title(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(3, 6))]
    return (" ".join(words)).capitalize()


def checklist_block(rng, index, checklist):
    """One valid checklist (reflections covering every count), or the same words as plain Markdown."""
    count = rng.randint(4, 8)
    items = [f"{sentence(rng, 6, 12)[:-1]} (item {n + 1})." for n in range(count)]
    safety = rng.random() < 0.3
    middle = rng.randint(1, count - 1)
    ranges = ["0", f"1-{middle}" if middle > 1 else "1", f"{middle + 1}+"]
    reflections = [paragraph(rng, 2) for _ in ranges]
    question = f"{title(rng)}?"
    hint = sentence(rng, quotes=False)  # a YAML value
    if not checklist:
        lines = [f"**{question}** {hint}", ""]
        lines += [f"- {item}" for item in items] + [""]
        lines += [f"If you ticked {span}: {text}\n" for span, text in zip(ranges, reflections)]
        return "\n".join(lines)
    lines = [f"/// checklist | {question}", f"    id: check-{index}", f"    hint: {hint}"]
    if rng.random() < 0.3:
        lines.append("    notes: true")
    lines.append("")
    lines += [f"- [ ] {item}{' {.safety}' if safety and n == count - 1 else ''}" for n, item in enumerate(items)]
    for span, text in zip(ranges, reflections):
        lines += ["", f"//// reflection | {span}", text, "////"]
    lines += ["///", ""]
    return "\n".join(lines)


def article(rng, index, size, checklist):
    """One article of about WORDS_PER_ARTICLE words, as (file name, Markdown)."""
    slug = f"bench-article-{index:04d}"
    day = 1 + index % 28
    month = 1 + (index // 28) % 12
    tags = rng.sample(TAGS[:8], 1) + rng.sample(TAGS[8:], rng.randint(1, 3))
    lines = [
        f"Title: {title(rng)} {index}",
        f"Date: 2025-{month:02d}-{day:02d}",
        f"Modified: 2026-{month:02d}-{day:02d}",
        f"Category: {CATEGORIES[index * len(CATEGORIES) // size]}",
        f"Tags: {', '.join(tags)}",
        f"Slug: {slug}",
        f"Step: {index + 1}",
        f"Summary: {sentence(rng)} {sentence(rng)}",
        "",
    ]
    body = [paragraph(rng)]
    sections = 5
    checklist_at = rng.randrange(1, sections)
    for section in range(sections):
        body.append(f"## {title(rng)}")
        body.append(paragraph(rng))
        if section % 2 == 0:
            body.append("\n".join(f"- {sentence(rng, 5, 12)}" for _ in range(rng.randint(3, 5))))
        else:
            body.append("\n".join(f"{n + 1}. {sentence(rng, 5, 12)}" for n in range(rng.randint(3, 4))))
        other = rng.randrange(size)
        link = f"[{' '.join(rng.choice(WORDS) for _ in range(3))}]({{filename}}/articles/{other:04d}-bench-article-{other:04d}.md)"
        body.append(f"{paragraph(rng, 2)} You can read more in {link}. *{sentence(rng)}* **{sentence(rng)}**")
        if section == checklist_at:
            body.append(checklist_block(rng, index, checklist))
        if section == 3:
            body.append(f"### {title(rng)}")
        body.append(paragraph(rng))
    words = sum(len(part.split()) for part in body)
    while words < WORDS_PER_ARTICLE:
        extra = paragraph(rng)
        body.append(extra)
        words += len(extra.split())
    return f"{index:04d}-{slug}.md", "\n".join(lines) + "\n" + "\n\n".join(body) + "\n"


def write_corpus(root, size, seed=SEED):
    """Write `size` articles twice: root/ours (checklists) and root/vanilla (plain Markdown).

    The same seed gives byte-identical files, so every run and every machine builds the
    same corpus. Returns (ours, vanilla) content directories.
    """
    root = Path(root)
    if root.exists():
        shutil.rmtree(root)
    dirs = {}
    for flavour, checklist in (("ours", True), ("vanilla", False)):
        content = root / flavour
        (content / "articles").mkdir(parents=True)
        (content / "pages").mkdir()
        for index in range(size):
            rng = random.Random(f"{seed}:{index}")
            name, text = article(rng, index, size, checklist)
            (content / "articles" / name).write_text(text, encoding="utf-8")
        for page in sorted((CONTENT / "pages").glob("*.md")):
            text = page.read_text(encoding="utf-8")
            if not checklist:  # the default theme has none of our page templates
                text = re.sub(r"(?m)^Template: .*\n", "", text)
            (content / "pages" / page.name).write_text(text, encoding="utf-8")
        if checklist:  # the rest of the real site's content (robots.txt template, images)
            for extra in sorted(CONTENT.iterdir()):
                if extra.is_dir() and extra.name not in ("articles", "pages"):
                    shutil.copytree(extra, content / extra.name)
        dirs[flavour] = content
    return dirs["ours"], dirs["vanilla"]


# --- one measurement per child process -----------------------------------------------------

def our_plugins(post_processing):
    """PLUGINS from the settings file, with or without the post-processing plugins."""
    from tools.devserver import POST_PROCESSING_PLUGINS

    plugins = runpy.run_path(str(SETTINGS))["PLUGINS"]
    return [name for name in plugins if post_processing or name not in POST_PROCESSING_PLUGINS]


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
    shutil.rmtree(output, ignore_errors=True)
    uncached = {"CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False}
    start = time.perf_counter()
    if spec["flavour"] == "vanilla":
        problems = build(None, spec["content"], str(output), overrides=vanilla_overrides(**uncached))
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


# --- page weight ------------------------------------------------------------------------------

def gzipped(data):
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def importable_plugins():
    """The page scanner lives with the plugins: put PLUGIN_PATHS on the import path, as Pelican
    itself does when it loads them (the bench's own process reads no settings otherwise)."""
    for folder in runpy.run_path(str(SETTINGS)).get("PLUGIN_PATHS") or []:
        path = str((SETTINGS.parent / folder).resolve())
        if path not in sys.path:
            sys.path.insert(0, path)


def weigh(output, name):
    """Bytes, gzipped bytes and requests of one page and the same-origin files it loads."""
    importable_plugins()
    from page_scan import page_files

    page = Path(output) / name
    html = page.read_bytes()
    files, missing = page_files(output, page)
    assets = [path.read_bytes() for path in files]
    return {
        "html": len(html), "html_gzip": gzipped(html),
        "bytes": len(html) + sum(map(len, assets)), "gzip": gzipped(html) + sum(map(gzipped, assets)),
        "requests": 1 + len(assets), "missing": missing,
    }


# --- the whole run -------------------------------------------------------------------------------

def median(values):
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None


def seconds(value):
    return "n/a" if value is None else f"{value:.2f}"


def megabytes(value):
    return "n/a" if value is None else f"{value:.0f}"


class Progress:
    def __init__(self, total):
        self.total, self.done = total, 0

    def step(self, text):
        self.done += 1
        print(f"[{self.done:>3}/{self.total}] {text}", flush=True)


def measure_size(size, runs, corpus_root, progress, post_runs):
    ours, vanilla = write_corpus(Path(corpus_root) / str(size), size)
    work = Path(corpus_root) / str(size) / "work"
    samples = {"ours": [], "vanilla": [], "ours+post": []}
    for run in range(runs):
        order = ("ours", "vanilla") if run % 2 == 0 else ("vanilla", "ours")
        for flavour in order:
            content = ours if flavour == "ours" else vanilla
            spec = {"task": "build", "flavour": flavour, "content": str(content), "output": str(work / f"out-{flavour}")}
            result, wall, peak, cpu = run_child(spec)
            samples[flavour].append({"wall": wall, "peak": peak, "cpu": cpu, **result})
            progress.step(f"{size:>5} articles  {flavour:<8} build {run + 1}/{runs}  {wall:6.2f} s  "
                          f"CPU {cpu:6.2f} s  {peak:5.0f} MB  {result['pages']} pages")
    for run in range(post_runs):
        spec = {"task": "build", "flavour": "ours+post", "content": str(ours), "output": str(work / "out-post")}
        result, wall, peak, cpu = run_child(spec)
        samples["ours+post"].append({"wall": wall, "peak": peak, "cpu": cpu, **result})
        progress.step(f"{size:>5} articles  ours + post-processing build {run + 1}/{post_runs}  {wall:6.2f} s  "
                      f"CPU {cpu:6.2f} s  {peak:5.0f} MB")
    rebuilds = {}
    for flavour, content in (("ours", ours), ("vanilla", vanilla)):
        spec = {"task": "rebuild", "flavour": flavour, "content": str(content), "work": str(work / f"rebuild-{flavour}"),
                "runs": runs}
        result, wall, peak, cpu = run_child(spec)
        rebuilds[flavour] = result
        progress.step(f"{size:>5} articles  {flavour:<8} cached rebuild, every page written: "
                      + ", ".join(f"{value:.2f}" for value in result["times"]) + " s")
    spec = {"task": "devserver", "content": str(ours), "work": str(work / "devserver"), "runs": runs}
    devserver, wall, peak, cpu = run_child(spec)
    progress.step(f"{size:>5} articles  devserver edit-to-refreshed: text "
                  + ", ".join(seconds(value) for value in devserver["timings"]["body"]) + " s; title "
                  + ", ".join(seconds(value) for value in devserver["timings"]["title"]) + " s")
    shutil.rmtree(work, ignore_errors=True)
    return {"size": size, "samples": samples, "rebuilds": rebuilds, "devserver": devserver}


def measure_weight(corpus_root, progress):
    output = Path(corpus_root) / "weight" / "output"
    result, wall, peak, cpu = run_child({"task": "weight", "output": str(output)})
    rows = []
    for kind, name in result["kinds"].items():
        if name and (output / name).is_file():
            rows.append((kind, name, weigh(output, name)))
        else:
            rows.append((kind, name or "(none)", None))
    progress.step(f"page weight of the real site ({len(rows)} kinds of page, built in {wall:.1f} s)")
    shutil.rmtree(output.parent, ignore_errors=True)
    return rows


def load_average():
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def render(sizes, weight, runs, post_runs, started, loads, elapsed):
    import pelican

    plugins = ", ".join(our_plugins(False))
    post = ", ".join(name for name in runpy.run_path(str(SETTINGS))["PLUGINS"] if name not in our_plugins(False))
    lines = [
        "# Benchmarks",
        "",
        f"Measured {started} with `make bench` on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, Pelican {pelican.__version__}; "
        f"load average {loads[0]:.1f} at the start and {loads[1]:.1f} at the end; {elapsed / 60:.1f} minutes. "
        f"Medians of {runs} run(s); each build is a new Python process (imports included).",
        "",
        "## Build time: this site against vanilla Pelican",
        "",
        f"Ours: this project's settings, theme and plugins ({plugins}). Vanilla: Pelican's default theme, "
        "no plugins, default MARKDOWN, the same pages. Both build the same seeded corpus (~1,200 words, "
        "headings, lists, links; ours with one checklist per article, vanilla with the same words as plain "
        "Markdown). Post-processing plugins are timed on their own below.",
        "",
        "| articles | ours (s) | vanilla (s) | ratio (ours / vanilla) | ours CPU (s) | vanilla CPU (s) "
        "| ours peak memory (MB) | vanilla peak memory (MB) | pages (ours / vanilla) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for entry in sizes:
        ours, vanilla = entry["samples"]["ours"], entry["samples"]["vanilla"]
        wall_ours, wall_vanilla = median(s["wall"] for s in ours), median(s["wall"] for s in vanilla)
        lines.append(
            f"| {entry['size']:,} | {seconds(wall_ours)} | {seconds(wall_vanilla)} | "
            f"{wall_ours / wall_vanilla:.2f} | {seconds(median(s['cpu'] for s in ours))} | "
            f"{seconds(median(s['cpu'] for s in vanilla))} | {megabytes(max(s['peak'] for s in ours))} | "
            f"{megabytes(max(s['peak'] for s in vanilla))} | {ours[0]['pages']} / {vanilla[0]['pages']} |"
        )
    lines += [
        "",
        "## Build and post-processing",
        "",
        f"Post-processing plugins ({post or 'none'}) read or index the whole written site; "
        f"medians of {post_runs} run(s).",
        "",
        "| articles | build (s) | build + post-processing (s) | post-processing (s) |",
        "|---:|---:|---:|---:|",
    ]
    for entry in sizes:
        build = median(s["wall"] for s in entry["samples"]["ours"])
        both = median(s["wall"] for s in entry["samples"]["ours+post"])
        lines.append(f"| {entry['size']:,} | {seconds(build)} | {seconds(both)} | "
                     f"{seconds(both - build if both is not None else None)} |")
    lines += [
        "",
        "## Rebuild after editing one article (content caching on)",
        "",
        "Every page written: the cached rebuild Pelican's `--autoreload` does (vanilla: Pelican's own cache; "
        "ours: the devserver's cache with every page written). Devserver: `tools/devserver`'s watcher and "
        "fast path, from saving the article to its page being rewritten (a change to the text, then to the "
        "title). The full check then runs once saves pause: the whole `make html` build into a staging "
        "folder, and a copy of every file that differs (it brings the lists, sitemap and search index in line).",
        "",
        "| articles | vanilla, every page (s) | ours, every page (s) | devserver, text edit (s) | "
        "devserver, title edit (s) | pages written (text / title) | devserver start, cold / warm cache (s) "
        "| full check after the pause (s) |",
        "|---:|---:|---:|---:|---:|---|---|---:|",
    ]
    for entry in sizes:
        dev = entry["devserver"]
        written = f"{median(dev['written']['body']):.0f} / {median(dev['written']['title']):.0f}"
        lines.append(
            f"| {entry['size']:,} | {seconds(median(entry['rebuilds']['vanilla']['times']))} | "
            f"{seconds(median(entry['rebuilds']['ours']['times']))} | {seconds(median(dev['timings']['body']))} | "
            f"{seconds(median(dev['timings']['title']))} | {written} | "
            f"{seconds(dev['starts']['cold'])} / {seconds(dev['starts']['warm'])} | {seconds(dev['post'])} |"
        )
    lines += [
        "",
        "## Page weight (the real site)",
        "",
        "Each page's HTML plus the same-origin stylesheets, scripts, icons and images it references "
        "(and what those load with `url()`, `@import` or a static `import`); gzip level 6. Files fetched "
        "only when a reader acts (Pagefind's index when searching) are not counted.",
        "",
        "| page type | file | HTML (bytes) | HTML gzipped (bytes) | total (bytes) | total gzipped (bytes) | requests |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for kind, name, found in weight:
        if found is None:
            lines.append(f"| {kind} | {name} | n/a | n/a | n/a | n/a | n/a |")
            continue
        note = f" (missing: {', '.join(found['missing'])})" if found["missing"] else ""
        lines.append(f"| {kind} | {name}{note} | {found['html']:,} | {found['html_gzip']:,} | {found['bytes']:,} | "
                     f"{found['gzip']:,} | {found['requests']} |")
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000], help="corpus sizes in articles")
    parser.add_argument("--runs", type=int, default=5, help="builds of each flavour per size")
    parser.add_argument("--post-runs", type=int, help="builds with post-processing per size (default: up to 3)")
    parser.add_argument("--results", default=str(RESULTS), help="where to write the table")
    parser.add_argument("--corpus", default=str(CORPUS), help="where to write the corpus")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--child-result", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        spec = json.loads(args.child)
        result = CHILDREN[spec["task"]](spec)
        Path(args.child_result).write_text(json.dumps(result), encoding="utf-8")
        return 0

    runs = max(1, args.runs)
    post_runs = args.post_runs if args.post_runs is not None else min(runs, 3)
    started = time.strftime("%Y-%m-%d %H:%M")
    loads = [load_average() or 0.0]
    begin = time.perf_counter()
    progress = Progress(len(args.sizes) * (2 * runs + post_runs + 3) + 1)
    print(f"Benchmarking {', '.join(map(str, args.sizes))} articles, {runs} run(s) each "
          f"(corpus in {os.path.relpath(args.corpus)}).", flush=True)
    sizes = [measure_size(size, runs, args.corpus, progress, post_runs) for size in args.sizes]
    weight = measure_weight(args.corpus, progress)
    loads.append(load_average() or 0.0)
    table = render(sizes, weight, runs, post_runs, started, loads, time.perf_counter() - begin)
    results = Path(args.results)
    results.parent.mkdir(parents=True, exist_ok=True)
    results.write_text(table, encoding="utf-8")
    print("\n" + table)
    print(f"Written to {os.path.relpath(results)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
