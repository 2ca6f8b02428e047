"""Build the site with Pelican and fail clearly.

Pelican alone exits 0 when an article fails, and with --fatal it stops at the
first problem and prints a traceback. This runs Pelican, reports every
problem with the file to fix, prints no traceback for a site owner's mistake,
and exits 1 if anything was reported.

    python -m tools.build [--settings pelicanconf.py] [--content content] [--output output]
                          [--fail-on warnings|errors]
"""

import argparse
import logging
import os
import re
import sys
import traceback

from pelican import Pelican
from pelican.log import init as init_logging
from pelican.settings import read_settings



# Pelican's message when a file fails (pelican.generators), and the file an error names first.
PELICAN_COULD_NOT_PROCESS = "Could not process %s"
RE_NAMED_FILE = re.compile(r"^(?P<path>[^\s:][^:\n]*\.\w+)(?::\d+)?: ")


class ProblemCounter(logging.Handler):
    """Counts log records at or above a level while Pelican runs."""

    def __init__(self, level):
        super().__init__(level)
        self.count = 0

    def emit(self, record):
        self.count += 1


class OncePerBuild(logging.Filter):
    """Each mistake once. The French site's run reads some files again, and a mistake reported
    by both runs is one mistake (printed once, counted once). Pelican follows a file's failure
    with "Could not process <file>": after the reader has named that file and what is wrong
    in it, that line adds nothing, so it is left out (it stays when nothing else named it)."""

    def __init__(self):
        super().__init__()
        self.seen = set()
        self.named = set()  # files an error has named (absolute paths)
        self.last = (None, True)  # the record every handler is looking at now, and the answer

    def filter(self, record):
        if self.last[0] is record:
            return self.last[1]
        message = record.getMessage()
        key = (record.levelno, message)
        keep = key not in self.seen and not self.already_named(record)
        self.seen.add(key)
        if record.levelno >= logging.ERROR and (named := RE_NAMED_FILE.match(message)):
            self.named.add(os.path.abspath(named.group("path")))
        self.last = (record, keep)
        return keep

    def already_named(self, record):
        if record.msg != PELICAN_COULD_NOT_PROCESS or not record.args:
            return False
        failed = os.path.normpath(str(record.args[0]))
        return any(named == os.path.abspath(failed) or named.endswith(os.sep + failed) for named in self.named)


def read_settings_plainly(settings_file, override):
    """Pelican's read_settings, with a settings file that is not valid Python explained."""
    try:
        return read_settings(settings_file, override=override)
    except SyntaxError as error:
        where = f"{os.path.relpath(error.filename or settings_file)}:{error.lineno}"
        raise SettingsError(
            f"{where}: the settings file is not valid Python ({error.msg}): "
            f"{(error.text or '').strip()!r}. A missing quote, bracket or comma on this line "
            "or the one above is the usual cause.") from None
    except (NameError, ImportError, TypeError, ValueError, AttributeError) as error:
        line = next((frame.lineno for frame in traceback.extract_tb(error.__traceback__)
                     if os.path.abspath(frame.filename) == os.path.abspath(settings_file)), None)
        if line is None:  # Pelican's own check of a value, with its own message
            raise SettingsError(f"{os.path.relpath(settings_file)}: {error}") from None
        raise SettingsError(
            f"{os.path.relpath(settings_file)}:{line}: the settings file stopped with "
            f"{type(error).__name__}: {error}. Check that line: a name written without quotes "
            "is the usual cause.") from None


from pelican.plugins.reflection_checklists.errors import OwnerError


class SettingsError(Exception):
    """A settings file that cannot be read; the message names the line."""


def is_owner_mistake(error):
    """A settings file that cannot be read, or any plugin's OwnerError (the checklist package
    defines the class; this site's plugins raise it through plugins/site_errors.py)."""
    return isinstance(error, (SettingsError, OwnerError))


def build(settings_file, content=None, output=None, fail_on="errors", overrides=None):
    """Build the site; return the number of problems (0 means success)."""
    override = dict(overrides or {})
    if content:
        override["PATH"] = content
    if output:
        override["OUTPUT_PATH"] = output
    level = logging.WARNING if fail_on == "warnings" else logging.ERROR
    counter = ProblemCounter(level)
    once = OncePerBuild()
    handlers = [*logging.getLogger().handlers, counter]
    for handler in handlers:
        handler.addFilter(once)
    logging.getLogger().addHandler(counter)
    try:
        settings = read_settings_plainly(settings_file, override)
        Pelican(settings).run()
    except Exception as error:  # noqa: BLE001 - a site owner's mistake is reported, not traced
        if not is_owner_mistake(error):
            raise
        if not getattr(error, "already_reported", False):  # else each mistake was logged already
            logging.getLogger("build").error("%s", error)
    finally:
        logging.getLogger().removeHandler(counter)
        for handler in handlers:
            handler.removeFilter(once)
    return counter.count


def command_line(description, settings, fail_on, argv=None, extra=None):
    """Parse the options shared by the build and publish commands, and set up plain logging."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--settings", default=settings)
    parser.add_argument("--content")
    parser.add_argument("--fail-on", choices=("errors", "warnings"), default=fail_on)
    parser.add_argument("-D", "--debug", action="store_true")
    for flags, options in extra or []:
        parser.add_argument(*flags, **options)
    args, rest = parser.parse_known_args(argv)
    try:
        args.overrides = pelican_options(rest)
    except ValueError as error:  # Pelican's own check of an -e value, in its own words
        parser.exit(2, f"PELICANOPTS {' '.join(rest)!r} cannot be read: {error}\n")
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-8s %(message)s"))
    init_logging(level=logging.DEBUG if args.debug else logging.WARNING, handler=handler)
    return args


def pelican_options(argv):
    """Options for Pelican itself (`make html PELICANOPTS="--relative-urls -e KEY=VALUE"`), as
    settings overrides, read by Pelican's own command-line parser."""
    if not argv:
        return {}
    from pelican import get_config, parse_arguments

    options = parse_arguments(argv)
    overrides = get_config(options)
    overrides.pop("DEBUG", None)  # -D is ours: it also shows tracebacks
    return overrides


def report_failure(problems, fail_on, outcome):
    kind = "warning or error" if fail_on == "warnings" else "error"
    print(f"\n{outcome}: {problems} {kind}(s) above. Fix what each one names, then run it again.",
          file=sys.stderr)


def main(argv=None):
    args = command_line(__doc__.splitlines()[0], "pelicanconf.py", "errors", argv,
                        extra=[(("--output",), {})])
    problems = build(args.settings, args.content, args.output, args.fail_on, overrides=args.overrides)
    if problems:
        report_failure(problems, args.fail_on, "The build failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
