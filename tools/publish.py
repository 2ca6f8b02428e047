"""Build the production site and swap it into place only if the build was clean.

The site is built into a new folder next to the output folder. If Pelican
reported no warning and no error, the security-headers file is copied into
it and it replaces the output folder (old one renamed away, new one renamed
in, old one deleted). Otherwise the new folder is deleted, the previous
output is left exactly as it was, and the command exits 1.

    SITEURL=https://example.org python -m tools.publish [--settings publishconf.py]
        [--content content] [--output output] [--headers deploy/_headers]
        [--fail-on warnings|errors]
"""

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from tools.build import build, command_line, report_failure

ROOT = Path(__file__).resolve().parent.parent
HEADERS = ROOT / "deploy" / "_headers"

logger = logging.getLogger("publish")


def _readable(folder):
    """mkdtemp makes a private (0700) folder; a web server must be able to read it."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(folder, 0o777 & ~umask | 0o755)


def swap_in(new, output):
    """Replace `output` by `new` with two renames; the old output is deleted last."""
    if not output.exists():
        os.rename(new, output)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=output.parent))
    old.rmdir()
    os.rename(output, old)
    try:
        os.rename(new, output)
    except OSError:
        os.rename(old, output)
        raise
    shutil.rmtree(old, ignore_errors=True)


def publish(settings_file, content=None, output="output", headers=HEADERS, fail_on="warnings", overrides=None):
    """Build into a fresh folder and swap it in; return the number of problems (0 means published)."""
    output = Path(output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    try:
        _readable(new)
        problems = build(settings_file, content=content, output=str(new), fail_on=fail_on, overrides=overrides)
        if problems:
            return problems
        if headers:
            headers = Path(headers)
            if not headers.is_file():
                logger.error("publish: the security headers file %s is missing.", headers)
                return 1
            shutil.copyfile(headers, new / "_headers")
            os.chmod(new / "_headers", 0o644)
        swap_in(new, output)
        return 0
    finally:
        if new.exists():
            shutil.rmtree(new, ignore_errors=True)


def main(argv=None):
    args = command_line(__doc__.splitlines()[0], "publishconf.py", "warnings", argv, extra=[
        (("--output",), {"default": "output"}),
        (("--headers",), {"default": str(HEADERS),
                          "help": "copied to the output root as _headers (Netlify, Cloudflare Pages); '' to skip"}),
    ])
    problems = publish(args.settings, args.content, args.output, args.headers or None, args.fail_on)
    if problems:
        report_failure(problems, args.fail_on, f"Nothing was published ({args.output} is unchanged)")
        return 1
    print(f"Published to {args.output}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
