"""Checks that read each page's HTML as it is rendered, so that none reads the written file again.

Not a Pelican plugin: a small registry. A plugin adds a check with `add_check(scan, receive)`.
`scan(settings, path, html)` runs where the page is rendered (a worker of plugins/parallel_writer,
or the build itself) and returns something picklable; `receive(path, result)` then runs in the
build with that result. The privacy linter is one such check: its pass over each page is the
page scanner's one pass (page_scan), made on the string before it is written.
"""

_checks = []


def add_check(scan, receive):
    if (scan, receive) not in _checks:
        _checks.append((scan, receive))


def scan(settings, path, html):
    """Where the page was rendered: each check's result, in the order the checks were added."""
    return [check(settings, path, html) for check, _ in _checks]


def receive(path, results):
    """In the build: hand each check its result for the page at `path`."""
    for (_, take), result in zip(_checks, results):
        take(path, result)
