"""Build the production site and swap it into place only if the build was clean.

The site is built into a new folder next to the output folder. If Pelican
reported no warning and no error, the security-headers file is copied into
it and it replaces the output folder (old one renamed away, new one renamed
in, old one deleted). Otherwise the new folder is deleted, the previous
output is left exactly as it was, and the command exits 1.

Stopped part-way (SIGTERM, SIGINT, SIGHUP where the system has it, or the
`make` that started it gone), it stops its build at once, deletes the new
folder and swaps nothing in. A run killed outright (SIGKILL) cannot clean up;
the next run removes what it left and, if it died between the two renames,
puts the old output back. Nothing here is Linux-only: the lock is filelock's,
and a thread notices when the parent process is gone.

    SITEURL=https://example.org python -m tools.publish [--settings publishconf.py]
        [--content content] [--output output] [--headers deploy/_headers]
        [--fail-on warnings|errors]
"""

import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock

from tools.build import build, command_line, report_failure

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
from output_guard.folders import is_editor_file, protected_folders, unpublishable_files, unsafe_output  # noqa: E402
HEADERS = ROOT / "deploy" / "_headers"

logger = logging.getLogger("publish")


STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name))


class PublishStopped(BaseException):
    """A stop signal arrived. A BaseException, like KeyboardInterrupt, so that Pelican's
    `except Exception` around each file cannot swallow it and build on."""

    def __init__(self, signum):
        super().__init__(signum)
        self.signum = signum


def _stop(signum, frame):
    raise PublishStopped(signum)


def stop_when_the_parent_is_gone(parent, stopped, every=0.5):
    """`make publish` runs this with `exec`, so the parent is make itself: if make is killed,
    even with SIGKILL, this process gets SIGTERM and stops (polling works on every system)."""
    if hasattr(signal, "pthread_sigmask"):
        # Stop signals are for the main thread (this one only watches): blocked here, the
        # signal sent below reaches the main thread even while it sleeps or waits.
        signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    while not stopped.wait(every):
        if os.getppid() != parent:
            os.kill(os.getpid(), signal.SIGTERM)
            return


@contextmanager
def stop_on_signals():
    """Turn stop signals into PublishStopped, and stop when the parent process is gone."""
    previous = {signum: signal.signal(signum, _stop) for signum in STOP_SIGNALS}
    stopped = threading.Event()
    threading.Thread(target=stop_when_the_parent_is_gone, args=(os.getppid(), stopped), daemon=True).start()
    try:
        yield
    finally:
        stopped.set()
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextmanager
def one_publish_at_a_time(output):
    """One publish at a time into this folder (a lock file beside it, `.<name>.lock`, which
    the operating system releases if the run dies); clean up what a killed run left there."""
    with FileLock(output.parent / f".{output.name}.lock"):
        olds = sorted(output.parent.glob(f".{output.name}.old-*"))
        if not output.exists() and olds:
            os.rename(olds.pop(), output)  # killed between the two renames of swap_in
        for leftover in olds + sorted(output.parent.glob(f".{output.name}.new-*")):
            shutil.rmtree(leftover, ignore_errors=True)
        yield


def _readable(folder):
    """mkdtemp makes a private (0700) folder; a web server must be able to read it."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(folder, 0o777 & ~umask | 0o755)


@contextmanager
def signals_held():
    """Stop signals wait until the block ends (where the system can hold them: not on Windows,
    where the two renames simply run)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


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
    problem = unsafe_output(output, protected_folders(ROOT, content or ROOT / "content", ROOT / "theme",
                                                      Path(settings_file).resolve()))
    if problem:
        logger.error("publish: %s. Nothing was built or deleted. Publish to another folder, e.g. "
                     "`make publish OUTPUTDIR=output` (the default).", problem)
        return 1
    output.parent.mkdir(parents=True, exist_ok=True)
    with one_publish_at_a_time(output):
        return _publish(settings_file, content, output, headers, fail_on, overrides)


def _publish(settings_file, content, output, headers, fail_on, overrides):
    new = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    try:
        _readable(new)
        problems = build(settings_file, content=content, output=str(new), fail_on=fail_on, overrides=overrides)
        if problems:
            return problems
        stray = unpublishable_files(new)
        if stray:
            for path in stray:
                what = "a file of the browser editor" if is_editor_file(path) else "a hidden or backup file"
                logger.error("publish: the built site holds %s, %s that must never be published. Find where it "
                             "comes from (the theme or a plugin) and remove it.", path, what)
            return len(stray)
        if headers:
            headers = Path(headers)
            if not headers.is_file():
                logger.error("publish: the security headers file %s is missing.", headers)
                return 1
            shutil.copyfile(headers, new / "_headers")
            os.chmod(new / "_headers", 0o644)
        # No stop signal between here and the end of the swap: it is two renames.
        with signals_held():
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
    try:
        with stop_on_signals():
            problems = publish(args.settings, args.content, args.output, args.headers or None, args.fail_on,
                               overrides=args.overrides)
    except PublishStopped as stopped:
        name = signal.Signals(stopped.signum).name
        print(f"Publishing stopped ({name}). Nothing was published; {args.output} is unchanged.",
              file=sys.stderr)
        return 128 + stopped.signum
    if problems:
        report_failure(problems, args.fail_on, f"Nothing was published ({args.output} is unchanged)")
        return 1
    print(f"Published to {args.output}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
