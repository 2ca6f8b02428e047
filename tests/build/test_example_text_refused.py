"""`make publish` refuses the example's words about itself: an About page whose `Example: yes`
line was deleted but which still tells readers the practice is made up is named with its line."""

import logging
import os

from tests.build.test_no_tracebacks import article
from tests.conftest import ROOT, TEST_CONTENT, TEST_PRACTICE, practice_file
from tools.build import build


def test_a_page_that_still_says_the_practice_is_made_up_is_refused(tmp_path, caplog):
    content = tmp_path / "content"
    for folder in ("pages", "fr/pages"):
        (content / folder).mkdir(parents=True)
        about = (TEST_CONTENT / folder / "about.md").read_text(encoding="utf-8")
        (content / folder / "about.md").write_text(about.replace("Example: yes\n", ""), encoding="utf-8")
    (content / "articles").mkdir()
    (content / "articles" / "a.md").write_text(article(), encoding="utf-8")
    with caplog.at_level(logging.ERROR), practice_file(TEST_PRACTICE):
        build(str(ROOT / "pelicanconf.py"), content=str(content), output=str(tmp_path / "out"),
              overrides={"SEARCH_INDEX": False, "REFUSE_EXAMPLE_DETAILS": True})
    refused = [record.getMessage() for record in caplog.records if "made up" in record.getMessage()]
    english, french = (os.path.relpath(content / folder / "about.md") for folder in ("pages", "fr/pages"))
    assert sorted(refused) == sorted([
        f"publish: {english}:12: this line still tells readers the practice is made up (“made up for this site”). "
        "Write your own text in its place.",
        f"publish: {french}:13: this line still tells readers the practice is made up (“inventés pour ce site”). "
        "Write your own text in its place."])
