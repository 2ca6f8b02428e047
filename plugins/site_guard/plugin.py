"""Fail the build when an article is missing what readers rely on.

Every article needs a summary, a review date, tags, a category on the
learning path and a step. Errors name the file, and `make html` (which runs
Pelican with --fatal errors) exits non-zero.
"""

import logging
import os

from pelican import signals

from .settings_check import check_settings

logger = logging.getLogger(__name__)

REQUIRED = {
    "summary": "Summary: one or two plain sentences about the article",
    "modified": "Modified: the date the article was last reviewed, e.g. 2026-11-20",
    "tags": "Tags: two to four topics, separated by commas",
    "step": "Step: the article's place in the learning path, e.g. 4",
}


def check_articles(generator):
    path_names = [name for name, _ in generator.settings.get("LEARNING_PATH", [])]
    for article in generator.articles + generator.drafts:
        where = os.path.relpath(article.source_path)
        raw = article.metadata
        for key, example in REQUIRED.items():
            if not raw.get(key):
                logger.error("%s: the article has no `%s` line in its header, or it is empty. Add %s.", where, key.capitalize(), example)
        if path_names and str(article.category) not in path_names:
            logger.error(
                "%s: category `%s` is not on the learning path. Use one of: %s.",
                where, article.category, ", ".join(path_names),
            )
        step = raw.get("step")
        if step and not str(step).isdigit():
            logger.error("%s: `Step: %s` must be a whole number, e.g. `Step: 4`.", where, step)


def one_file_per_address(generators):
    """Two articles or pages with the same address (usually the same `Slug:`) would crash the
    writer; name both files, and write only the first so every other problem is still listed."""
    taken = {}
    for generator in generators:
        for attribute in ("articles", "drafts", "hidden_articles", "pages", "hidden_pages", "draft_pages"):
            items = getattr(generator, attribute, None)
            if not isinstance(items, list):
                continue
            kept = []
            for item in items:
                address = getattr(item, "save_as", "")
                where = os.path.relpath(item.source_path)
                if address and address in taken:
                    logger.error(
                        "%s: it would be written to `%s`, where %s is already written (the same "
                        "`Slug: %s`?). Give one of them its own `Slug:` line.",
                        where, address, taken[address], getattr(item, "slug", ""),
                    )
                    continue
                if address:
                    taken[address] = where
                kept.append(item)
            items[:] = kept


def register():
    signals.initialized.connect(check_settings)
    signals.article_generator_finalized.connect(check_articles)
    signals.all_generators_finalized.connect(one_file_per_address)
