"""`make audit` lists every article's next review, overdue ones marked, by the build's rules."""

import datetime

from tests.conftest import ROOT
from tools.audit import review_dates


def test_audit_marks_the_articles_past_their_review_date(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "old.md").write_text("Title: Old\nDate: 2020-01-10\nModified: 2025-01-31\n\nText.\n", encoding="utf-8")
    (articles / "new.md").write_text("Title: New\nDate: 2026-11-02\n\nText.\n", encoding="utf-8")
    rows = review_dates(str(ROOT / "pelicanconf.py"), str(tmp_path), today=datetime.date(2026, 12, 2))
    assert [(path.name, f"{due:%Y-%m-%d}", late) for path, due, late in rows] == [
        ("old.md", "2026-01-31", True),  # reviewed 31 January 2025, due twelve months later
        ("new.md", "2027-11-02", False),
    ]

