"""How many processes a build may use: the `BUILD_PROCESSES` setting (None: one per CPU).

Shared by the Markdown reader (plugins/markdown_reader/conversions.py) and the privacy
linter, whose work is pure per file. Workers are forked, so they start with the run's
settings and plugins already loaded; where fork does not exist, everything runs in one process.
"""

import multiprocessing
import os


def processes(settings):
    wanted = settings.get("BUILD_PROCESSES")
    count = (os.cpu_count() or 1) if wanted is None else wanted
    return count if "fork" in multiprocessing.get_all_start_methods() else 1


def worker_pool(count, initializer=None):
    return multiprocessing.get_context("fork").Pool(count, initializer=initializer)
