"""Clinical content ages: every article shows when it is next due for review, and the build
warns (so `make publish`, which fails on warnings, stops) once that date has passed.

`Modified:` is the date the article was last reviewed; `REVIEW_INTERVAL_MONTHS` (default 12)
sets how long a review holds.
"""

import datetime

from dateutil.relativedelta import relativedelta  # a Pelican dependency

DEFAULT_INTERVAL_MONTHS = 12


def months_later(date, months):
    """The same day `months` later (the month's last day when that day does not exist)."""
    return date + relativedelta(months=months)


def next_review(article, months):
    reviewed = getattr(article, "modified", None) or getattr(article, "date", None)
    return months_later(reviewed, months) if reviewed else None


def is_overdue(due, today=None):
    today = today or datetime.datetime.now(due.tzinfo).date()
    return due.date() < today
