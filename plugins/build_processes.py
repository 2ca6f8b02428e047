"""How many processes a build may use: the `BUILD_PROCESSES` setting (None: one per CPU).

Shared by the Markdown reader (plugins/markdown_reader/conversions.py) and the privacy
linter, whose work is pure per file. Workers are forked, so they start with the run's
settings and plugins already loaded; where fork does not exist, everything runs in one process.
"""

import functools
import gc
import multiprocessing
import os
import signal


def processes(settings):
    wanted = settings.get("BUILD_PROCESSES")
    count = (os.cpu_count() or 1) if wanted is None else wanted
    return count if "fork" in multiprocessing.get_all_start_methods() else 1


def _start_quietly(initializer):
    # A worker leaves stopping to the build: Ctrl+C reaches the whole group, and the build
    # (tools/publish.py turns stop signals into an exception) ends its workers itself. A worker
    # told to stop just ends, without printing the parent's handler's traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    if initializer is not None:
        initializer()


def worker_pool(count, initializer=None):
    # gc.freeze: the collector in a worker leaves the parent's objects alone, so their memory
    # pages stay shared with the parent instead of being copied (the usual advice for fork).
    gc.freeze()
    try:
        return multiprocessing.get_context("fork").Pool(count, initializer=functools.partial(_start_quietly, initializer))
    finally:
        gc.unfreeze()
