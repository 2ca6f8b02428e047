"""Known vulnerabilities in the locked dependencies (pip-audit), article review dates (overdue
ones marked), then Lighthouse scores for the home page, an article and the heaviest checklist
article.

pip-audit reads the hash-locked files (requirements-test.lock, which includes requirements.lock,
and requirements-audit.lock) without installing or resolving anything (`--disable-pip`) and asks
PyPI's vulnerability data about each pinned version. Without a network it says so in one line
and the rest of the audit still runs.

Builds the site into a temporary folder with SITEURL set to a local address (so canonical
links, the sitemap line in robots.txt and Open Graph URLs are audited as in production),
serves it on a free port of 127.0.0.1 with gzip, as a real host would, and runs the npm
`lighthouse` package (mobile preset, Debian's Chromium) against each page. Prints the four
category scores and LCP, CLS and TBT per page, then every audit that lost points.

    python -m tools.audit [--settings pelicanconf.py] [--content content] [--chromium PATH]
                          [--lighthouse node_modules/.bin/lighthouse] [--page /path/ ...]
                          [--pip-audit .venv/pip-audit/bin/pip-audit]

Exits 1 if a locked dependency has a known vulnerability (after the rest of the audit has run),
if Lighthouse cannot run or if the build fails; scores below 100 are reported, not fatal.
"""

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import re
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
# requirements-test.lock holds everything requirements.lock does, plus the test tools.
LOCK_FILES = [ROOT / "requirements-test.lock", ROOT / "requirements-audit.lock"]
PIP_AUDIT = ROOT / ".venv" / "pip-audit" / "bin" / "pip-audit"
NO_NETWORK = ("pip-audit could not reach the vulnerability database (no network?): "
              "dependencies were not audited")
# What requests/urllib3 say when there is no way out: no DNS, no route, a dead proxy, a timeout.
NETWORK_ERRORS = re.compile(
    r"requests\.exceptions\.(ConnectionError|ProxyError|ConnectTimeout|ReadTimeout|Timeout|SSLError)"
    r"|Max retries exceeded|NameResolutionError|Failed to establish a new connection"
    r"|Temporary failure in name resolution|Network is unreachable")


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


def run_pip_audit(pip_audit, lock_files=LOCK_FILES, env=None, timeout=600):
    """Runs pip-audit on the lock files. Returns (lines to print, True if a vulnerability was found).

    Never raises and never passes a traceback on: no network, a database that does not know the
    pinned versions, or pip-audit itself failing each come back as one plain line.
    """
    if not Path(pip_audit).exists():
        return [f"pip-audit: {pip_audit} not found (`make audit` installs it): dependencies were not audited"], False
    command = [str(pip_audit), "--disable-pip", "--require-hashes", "--format", "json",
               "--progress-spinner", "off"]
    for lock in lock_files:
        command += ["-r", str(lock)]
    try:
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return [f"{NO_NETWORK} (no answer in {timeout} s)"], False
    try:
        report = json.loads(result.stdout)
    except ValueError:
        report = None
    if result.returncode not in (0, 1) or not isinstance(report, dict):
        if NETWORK_ERRORS.search(result.stderr):
            return [NO_NETWORK], False
        last = (result.stderr.strip().splitlines() or [f"exit {result.returncode}"])[-1]
        return [f"pip-audit failed: {last}: dependencies were not audited"], False

    dependencies = report.get("dependencies", [])
    skipped = [dep for dep in dependencies if dep.get("skip_reason")]
    vulnerable = [dep for dep in dependencies if dep.get("vulns")]
    names = ", ".join(os.path.relpath(lock, ROOT) for lock in lock_files)
    lines = []
    if dependencies and len(skipped) == len(dependencies):
        lines.append(f"pip-audit could not look up any of the {len(dependencies)} locked packages in the "
                     f"vulnerability database (e.g. {skipped[0]['skip_reason']}): dependencies were not audited")
        return lines, False
    audited = len(dependencies) - len(skipped)
    if vulnerable:
        count = sum(len(dep["vulns"]) for dep in vulnerable)
        lines.append(f"pip-audit: {count} known vulnerabilit{'y' if count == 1 else 'ies'} in "
                     f"{len(vulnerable)} of {audited} audited packages ({names}):")
        for dep in vulnerable:
            for vuln in dep["vulns"]:
                fixed = ", ".join(vuln.get("fix_versions") or []) or "no fixed version yet"
                aliases = ", ".join(vuln.get("aliases") or [])
                lines.append(f"  {dep['name']} {dep.get('version', '')}: {vuln['id']}"
                             + (f" ({aliases})" if aliases else "") + f"; fixed in {fixed}")
        lines.append("  Raise the pin in requirements*.txt or constraints.txt, then run `make lock`.")
    else:
        lines.append(f"pip-audit: no known vulnerabilities in {audited} locked packages ({names})")
    if skipped:
        lines.append(f"  not audited ({len(skipped)}): " + "; ".join(dep["skip_reason"] for dep in skipped))
    return lines, bool(vulnerable)


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
    parser.add_argument("--pip-audit", default=str(PIP_AUDIT), help="the pip-audit executable")
    args = parser.parse_args(argv)

    print("Dependencies (pip-audit)")
    lines, vulnerable = run_pip_audit(args.pip_audit)
    print("\n".join(lines) + "\n", flush=True)

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
    if vulnerable:
        print("\naudit: a locked dependency has a known vulnerability (see the top).", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
