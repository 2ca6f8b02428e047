"""How many processes a build may use: the `BUILD_PROCESSES` setting (None: one per CPU).

Shared by the Markdown reader (plugins/markdown_reader/conversions.py), the page renderer
(plugins/parallel_writer) and the privacy linter, whose work is pure per file. Workers are forked, so they start with the run's
settings and plugins already loaded; where fork does not exist, everything runs in one process.
A worker logs nothing itself: `run_quietly` hands back nothing for a piece that raised or
logged, and the build does that piece again in its own process, where messages are reported.
"""

import functools
import gc
import logging
import multiprocessing
import os
import signal


def processes(settings):
    wanted = settings.get("BUILD_PROCESSES")
    count = (os.cpu_count() or 1) if wanted is None else wanted
    return count if "fork" in multiprocessing.get_all_start_methods() else 1


class _Recorder(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record)


_recorder = _Recorder()


def _start_quietly(initializer):
    # A worker leaves stopping to the build: Ctrl+C reaches the whole group, and the build
    # (tools/publish.py turns stop signals into an exception) ends its workers itself. A worker
    # told to stop just ends, without printing the parent's handler's traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    # Nothing a worker logs reaches the terminal: `run_quietly` tells the build to do that
    # piece again in its own process, which logs and counts the messages in order.
    for existing in [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]:
        if isinstance(existing, logging.Logger):
            existing.handlers = []
            existing.propagate = True
    logging.getLogger().addHandler(_recorder)
    if initializer is not None:
        initializer()


def run_quietly(function, *args):
    """In a worker: `function(*args)`, or None if it raised or logged a warning or worse, so
    that the build does that piece again itself and reports it as a sequential build would."""
    _recorder.records.clear()
    try:
        result = function(*args)
    except Exception:  # noqa: BLE001 - done again in the main process, which reports it
        return None
    return None if _recorder.records else result


def worker_pool(count, initializer=None):
    # gc.freeze: the collector in a worker leaves the parent's objects alone, so their memory
    # pages stay shared with the parent instead of being copied (the usual advice for fork).
    gc.freeze()
    try:
        return multiprocessing.get_context("fork").Pool(count, initializer=functools.partial(_start_quietly, initializer))
    finally:
        gc.unfreeze()
