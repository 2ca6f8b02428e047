"""A test plugin (tests/build/test_content_written.py): what each `content_written` finds on disk."""

from pelican import signals

seen = []  # (path, the file's bytes when the signal came)


def record(path, context=None):
    with open(path, "rb") as written:
        seen.append((path, written.read()))


def register():
    signals.content_written.connect(record)
