"""Article review dates (overdue ones marked), then Lighthouse scores for the home page, an
article and the heaviest checklist article.

Builds the site into a temporary folder with SITEURL set to a local address (so canonical
links, the sitemap line in robots.txt and Open Graph URLs are audited as in production),
serves it on a free port of 127.0.0.1 with gzip, as a real host would, and runs the npm
`lighthouse` package (mobile preset, Debian's Chromium) against each page. Prints the four
category scores and LCP, CLS and TBT per page, then every audit that lost points.

    python -m tools.audit [--settings pelicanconf.py] [--content content] [--chromium PATH]
                          [--lighthouse node_modules/.bin/lighthouse] [--page /path/ ...]

Exits 1 if Lighthouse cannot run or the build fails; scores below 100 are reported, not fatal.
"""

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from pelican.settings import read_settings
from pelican.utils import get_date

from tools.build import build

ROOT = Path(__file__).resolve().parent.parent
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = [("largest-contentful-paint", "LCP", "{:.0f} ms"), ("cumulative-layout-shift", "CLS", "{:.3f}"),
           ("total-blocking-time", "TBT", "{:.0f} ms")]
COMPRESSIBLE = {".html", ".css", ".js", ".svg", ".xml", ".txt", ".json"}
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site, gzipping text files when the browser accepts it."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the usual redirect to the trailing slash
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() \
                or path.suffix not in COMPRESSIBLE:
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


def heaviest_checklist_article(site):
    pages = [p for p in site.rglob("index.html") if 'data-module="checklist"' in p.read_text(encoding="utf-8")]
    heaviest = max(pages, key=lambda p: p.stat().st_size)
    return "/" + heaviest.relative_to(site).as_posix().removesuffix("index.html")


def run_lighthouse(lighthouse, chromium, url):
    command = [lighthouse, url, f"--chrome-path={chromium}", f"--chrome-flags={CHROME_FLAGS}",
               "--only-categories=" + ",".join(CATEGORIES), "--output=json", "--output-path=stdout", "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not result.stdout.strip():
        raise RuntimeError(f"lighthouse failed on {url} (exit {result.returncode}):\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


def lost_points(report):
    """Audits that count towards a category score and did not pass."""
    lost = []
    for category in report["categories"].values():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                shown = audit.get("displayValue", "")
                lost.append(f"{category['id']}: {audit['id']} ({audit['score']:.2f}) {shown}".rstrip())
    return lost


def review_dates(settings_file, content, today=None):
    """(file, next review date, overdue?) for every Markdown article, soonest first.

    Reads each file's header (`Modified:`, else `Date:`) as Pelican does, and the review
    interval the build uses (REVIEW_INTERVAL_MONTHS), through site_guard's own rules.
    """
    settings = read_settings(settings_file)  # also puts plugins/ on the path (pelicanconf.py)
    from site_guard import review_dates as rules

    months = settings.get("REVIEW_INTERVAL_MONTHS", rules.DEFAULT_INTERVAL_MONTHS)
    rows = []
    for path in sorted(Path(content, "articles").rglob("*.md")):
        header = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                break
            key, _, value = line.partition(":")
            header[key.strip().lower()] = value.strip()
        reviewed = header.get("modified") or header.get("date")
        if not reviewed:
            continue
        due = rules.months_later(get_date(reviewed), months)
        rows.append((path, due, rules.is_overdue(due, today)))
    return sorted(rows, key=lambda row: row[1])


def print_review_dates(settings_file, content):
    rows = review_dates(settings_file, content)
    overdue = [row for row in rows if row[2]]
    print(f"Article reviews: {len(overdue)} of {len(rows)} past their review date")
    for path, due, late in rows:
        print(f"  {'OVERDUE ' if late else 'due     '}{due:%Y-%m-%d}  {os.path.relpath(path)}")
    print()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    parser.add_argument("--content", default=str(ROOT / "content"))
    parser.add_argument("--chromium", default="/usr/lib/chromium/chromium")
    parser.add_argument("--lighthouse", default=str(ROOT / "node_modules" / ".bin" / "lighthouse"))
    parser.add_argument("--page", action="append", help="a path to audit (default: home, an article, a checklist)")
    args = parser.parse_args(argv)
    for tool, hint in [(args.lighthouse, "run `npm ci` (package.json pins lighthouse)"),
                       (args.chromium, "install Chromium (`make chromium`) or pass --chromium")]:
        if not Path(tool).exists():
            print(f"audit: {tool} not found: {hint}.", file=sys.stderr)
            return 1

    print_review_dates(args.settings, args.content)
    with tempfile.TemporaryDirectory(prefix="audit-") as folder:
        site = Path(folder)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                                 functools.partial(GzipHandler, directory=str(site)))
        base = f"http://127.0.0.1:{server.server_address[1]}"
        if build(args.settings, content=args.content, output=str(site),
                 overrides={"SITEURL": base, "RELATIVE_URLS": False, "CACHE_CONTENT": False}) != 0:
            print("audit: the build failed; see the messages above.", file=sys.stderr)
            return 1
        threading.Thread(target=server.serve_forever, daemon=True).start()
        pages = args.page or ["/", "/what-trust-is/", heaviest_checklist_article(site)]
        print(f"Lighthouse (mobile) against {base}, served with gzip\n")
        header = f"{'page':<30}" + "".join(f"{name:>16}" for name in CATEGORIES) + \
            "".join(f"{short:>10}" for _, short, _ in METRICS)
        rows, notes, warnings = [header], [], []
        try:
            for path in pages:
                report = run_lighthouse(args.lighthouse, args.chromium, base + path)
                scores = [report["categories"][name]["score"] for name in CATEGORIES]
                row = f"{path:<30}" + "".join(f"{'-' if s is None else round(s * 100):>16}" for s in scores)
                for audit_id, _, fmt in METRICS:
                    row += f"{fmt.format(report['audits'][audit_id]['numericValue']):>10}"
                rows.append(row)
                notes += [f"{path}: {line}" for line in lost_points(report)]
                warnings += [f"{path}: {warning}" for warning in report.get("runWarnings", [])]
        except RuntimeError as error:
            print(error, file=sys.stderr)
            return 1
        finally:
            server.shutdown()
        print("\n".join(rows))
        print("\nAudits that lost points:" if notes else "\nNo audit lost points.")
        for note in notes:
            print("  " + note)
        if warnings:
            print("\nLighthouse warnings (scores may vary from run to run):")
            for warning in warnings:
                print("  " + " ".join(warning.split()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
