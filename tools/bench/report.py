"""The results table, in Markdown."""

import os
import platform
import runpy
import statistics

from . import SETTINGS
from .children import our_plugins


def median(values):
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None


def seconds(value):
    return "n/a" if value is None else f"{value:.2f}"


def spread(values):
    """The median, and the fastest and slowest run: `7.61 (7.52–7.90)`."""
    values = [value for value in values if value is not None]
    if not values:
        return "n/a"
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def ratio(ours, vanilla):
    return "n/a" if ours is None or not vanilla else f"{ours / vanilla:.2f}"


def megabytes(value):
    return "n/a" if value is None else f"{value:.0f}"


def targets(sizes):
    """Issue 27's goals, each against this run's own vanilla builds."""
    from tools.devserver.full_check import DELAY

    rows = []
    for entry in sizes:
        size, samples = entry["size"], entry["samples"]
        cpu_ours, cpu_vanilla = median(s["cpu"] for s in samples["ours"]), median(s["cpu"] for s in samples["vanilla"])
        peak_ours, peak_vanilla = max(s["peak"] for s in samples["ours"]), max(s["peak"] for s in samples["vanilla"])
        rows.append((f"cold build CPU time, ours / vanilla", size, cpu_ours / cpu_vanilla, 1.25))
        rows.append((f"peak memory, ours / vanilla", size, peak_ours / peak_vanilla, 1.2))
        cached = entry.get("cached")
        if cached:
            rebuild = median(s["cpu"] for s in cached["samples"])
            same = "same bytes as a cold build" if cached["identical"] else "DIFFERENT bytes from a cold build"
            rows.append((f"`make html` after one edit (cache warm) / vanilla's cold build, CPU time ({same})", size,
                         rebuild / cpu_vanilla, 0.4))
        dev = entry["devserver"]
        rows.append(("devserver: the edited page rewritten after a save (s)", size, median(dev["timings"]["body"]), 0.5))
        if dev.get("post") is not None:
            rows.append((f"devserver: the whole site equal to a clean build after the last save (s; {DELAY:.0f} s pause "
                         "+ full check)", size, DELAY + dev["post"], 5.0))
    lines = ["", "## Targets (issue 27)", "",
             "| what | articles | measured | goal | met |", "|---|---:|---:|---:|---|"]
    for what, size, value, goal in rows:
        met = "n/a" if value is None else ("yes" if value <= goal else "no")
        lines.append(f"| {what} | {size:,} | {seconds(value)} | ≤ {goal:g} | {met} |")
    return lines


def render(sizes, weight, runs, post_runs, started, loads, elapsed):
    import pelican

    plugins = ", ".join(our_plugins(False))
    search = ", ".join(name for name in runpy.run_path(str(SETTINGS))["PLUGINS"] if name not in our_plugins(False))
    lines = [
        "# Benchmarks",
        "",
        f"Measured {started} with `make bench` on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, Pelican {pelican.__version__}; "
        f"load average {loads[0]:.1f} at the start and {loads[1]:.1f} at the end; {elapsed / 60:.1f} minutes. "
        f"Medians of {runs} run(s), with the fastest and slowest in brackets; each build is a new Python "
        "process (imports included).",
        "",
        "## Build time: this site against vanilla Pelican",
        "",
        f"Ours: what `make html` does before the search index, with this project's settings, theme and plugins "
        f"({plugins}; the French site and the written-page checks included). Vanilla: Pelican's default theme, "
        "no plugins, default MARKDOWN, the same pages. Both build the same seeded corpus (~1,200 words, "
        "headings, lists, links; ours with one checklist per article, vanilla with the same words as plain "
        "Markdown). The search index is timed on its own below.",
        "",
        "| articles | ours (s) | vanilla (s) | ratio (ours / vanilla) | ours CPU (s) | vanilla CPU (s) "
        "| ours peak memory (MB) | vanilla peak memory (MB) | memory ratio | pages (ours / vanilla) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for entry in sizes:
        ours, vanilla = entry["samples"]["ours"], entry["samples"]["vanilla"]
        wall_ours, wall_vanilla = median(s["wall"] for s in ours), median(s["wall"] for s in vanilla)
        peak_ours, peak_vanilla = max(s["peak"] for s in ours), max(s["peak"] for s in vanilla)
        lines.append(
            f"| {entry['size']:,} | {spread(s['wall'] for s in ours)} | {spread(s['wall'] for s in vanilla)} | "
            f"{ratio(wall_ours, wall_vanilla)} | {seconds(median(s['cpu'] for s in ours))} | "
            f"{seconds(median(s['cpu'] for s in vanilla))} | {megabytes(peak_ours)} | "
            f"{megabytes(peak_vanilla)} | {ratio(peak_ours, peak_vanilla)} | {ours[0]['pages']} / {vanilla[0]['pages']} |"
        )
    lines += targets(sizes)
    lines += [
        "",
        "## Search index",
        "",
        f"The whole `make html` ({search or 'no search plugin'} included: Pagefind over the written site), and "
        "vanilla Pelican followed by Pagefind over its output, as pelican-search does; the step is the "
        f"difference from the build without it. Medians of {post_runs} run(s).",
        "",
        "| articles | ours + search (s) | our search step (s) | vanilla + Pagefind (s) | vanilla's Pagefind step (s) "
        "| our search step / vanilla build |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for entry in sizes:
        samples = entry["samples"]
        build, vanilla = median(s["wall"] for s in samples["ours"]), median(s["wall"] for s in samples["vanilla"])
        both = median(s["wall"] for s in samples["ours+post"])
        vanilla_both = median(s["wall"] for s in samples.get("vanilla+post", []))
        step = None if both is None else both - build
        vanilla_step = None if vanilla_both is None else vanilla_both - vanilla
        lines.append(f"| {entry['size']:,} | {spread(s['wall'] for s in samples['ours+post'])} | {seconds(step)} | "
                     f"{spread(s['wall'] for s in samples.get('vanilla+post', []))} | {seconds(vanilla_step)} | "
                     f"{ratio(step, vanilla)} |")
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


