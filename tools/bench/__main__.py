"""`make bench`: the whole run (see tools/bench/__init__.py)."""

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

from . import CORPUS, RESULTS
from .children import CHILDREN, edit_article, run_child
from .corpus import write_corpus
from .report import render, seconds
from .weight import weigh


class Progress:
    def __init__(self, total):
        self.total, self.done = total, 0

    def step(self, text):
        self.done += 1
        print(f"[{self.done:>3}/{self.total}] {text}", flush=True)


def alternate(pair, runs, corpora, work, samples, progress, label):
    """Build the two flavours of `pair` `runs` times each, alternating which goes first."""
    for run in range(runs):
        for flavour in (pair if run % 2 == 0 else pair[::-1]):
            spec = {"task": "build", "flavour": flavour, "content": str(corpora[flavour]),
                    "output": str(work / f"out-{flavour}")}
            result, wall, peak, cpu = run_child(spec)
            samples[flavour].append({"wall": wall, "peak": peak, "cpu": cpu, **result})
            progress.step(f"{label:>5} articles  {flavour:<12} {run + 1}/{runs}  {wall:6.2f} s  "
                          f"CPU {cpu:6.2f} s  {peak:5.0f} MB  {result['pages']} pages")


def measure_size(size, runs, corpus_root, progress, post_runs):
    ours, vanilla = write_corpus(Path(corpus_root) / str(size), size)
    work = Path(corpus_root) / str(size) / "work"
    samples = {"ours": [], "vanilla": [], "ours+post": [], "vanilla+post": []}
    corpora = {"ours": ours, "vanilla": vanilla, "ours+post": ours, "vanilla+post": vanilla}
    alternate(("ours", "vanilla"), runs, corpora, work, samples, progress, size)
    # "+post": the same builds followed by the search index (ours: search_index; vanilla: Pagefind).
    alternate(("ours+post", "vanilla+post"), post_runs, corpora, work, samples, progress, size)
    rebuilds = {}
    for flavour, content in (("ours", ours), ("vanilla", vanilla)):
        spec = {"task": "rebuild", "flavour": flavour, "content": str(content), "work": str(work / f"rebuild-{flavour}"),
                "runs": runs}
        result, wall, peak, cpu = run_child(spec)
        rebuilds[flavour] = result
        progress.step(f"{size:>5} articles  {flavour:<8} cached rebuild, every page written: "
                      + ", ".join(f"{value:.2f}" for value in result["times"]) + " s")
    cached = cached_rebuilds(ours, work, runs, progress, size)
    spec = {"task": "devserver", "content": str(ours), "work": str(work / "devserver"), "runs": runs}
    devserver, wall, peak, cpu = run_child(spec)
    progress.step(f"{size:>5} articles  devserver edit-to-refreshed: text "
                  + ", ".join(seconds(value) for value in devserver["timings"]["body"]) + " s; title "
                  + ", ".join(seconds(value) for value in devserver["timings"]["title"]) + " s")
    shutil.rmtree(work, ignore_errors=True)
    return {"size": size, "samples": samples, "rebuilds": rebuilds, "devserver": devserver, "cached": cached}


def same_files(first, second):
    """True when two output folders hold the same files with the same bytes."""
    def files(folder):
        return {path.relative_to(folder): path.read_bytes() for path in sorted(Path(folder).rglob("*")) if path.is_file()}
    return files(first) == files(second)


def cached_rebuilds(ours, work, runs, progress, size):
    """`make html` again after editing one article (Pelican's content cache warm, the output folder
    kept as `make html` keeps it), each build in a new process; then a cold build of the same
    edited files into a new folder, which must write the same bytes."""
    content, cache = work / "cached-content", work / "cached-cache"
    for folder in (content, cache, work / "out-cached"):
        shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(ours, content)
    articles = sorted((content / "articles").glob("*.md"))
    article = articles[len(articles) // 2]
    build = {"task": "build", "flavour": "ours", "content": str(content), "cache": str(cache),
             "output": str(work / "out-cached")}
    run_child(build)  # fills the cache
    samples = []
    for number in range(runs):
        edit_article(article, 100 + number)
        result, wall, peak, cpu = run_child(build)
        samples.append({"wall": wall, "cpu": cpu, "peak": peak})
    cold = {"task": "build", "flavour": "ours", "content": str(content), "output": str(work / "out-cold-edited")}
    run_child(cold)
    identical = same_files(work / "out-cached", work / "out-cold-edited")
    progress.step(f"{size:>5} articles  make html after one edit, cache warm: "
                  + ", ".join(f"{sample['wall']:.2f}" for sample in samples)
                  + f" s; {'the same bytes as' if identical else 'DIFFERENT from'} a cold build")
    return {"samples": samples, "identical": identical}


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


def main(argv=None):
    parser = argparse.ArgumentParser(description="Benchmarks: build speed against vanilla Pelican, fast rebuilds, page weight.")
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
    progress = Progress(len(args.sizes) * (2 * runs + 2 * post_runs + 4) + 1)
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
