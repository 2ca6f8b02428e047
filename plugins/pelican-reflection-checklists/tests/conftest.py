"""The package's own test options."""


def pytest_addoption(parser):
    """`--update-fixtures` rewrites the expected files of test_fixture_pairs.py.

    A project that holds this folder and collects it with its own tests may define the same
    option in its own conftest (the option means the same there). Only one definition can
    exist in a run, so this one steps aside when it comes second. It cannot step aside when it
    comes first, so in such a project name this folder after the project's own tests on the
    command line (or let the project's `testpaths` list them in that order).
    """
    try:
        parser.addoption(
            "--update-fixtures", action="store_true",
            help="rewrite the expected .html/.error fixture files from the current output (review the diff!)",
        )
    except ValueError:  # already defined by the enclosing project's conftest
        pass
