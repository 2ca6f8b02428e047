"""Fail the build when an article is missing what readers rely on.

Every article needs a summary, a review date, tags, a category on the
learning path and a step. Errors name the file, and `make html` (which runs
Pelican with --fatal errors) exits non-zero.
"""

import logging
import os
import re

from pelican import signals
from pelican.utils import slugify

from . import content_policy, linked_pages, placeholders, review_dates, translations
from .settings_check import check_settings

logger = logging.getLogger(__name__)
# Content file -> (its HTML as read, the content policy's findings), for this build's runs.
_policy_checked = {}

REQUIRED = {
    "summary": "Summary: one or two plain sentences about the article",
    "modified": "Modified: the date the article was last reviewed, e.g. 2026-11-20",
    "tags": "Tags: two to four topics, separated by commas",
    "step": "Step: the article's place in the learning path, e.g. 4",
}


def check_articles(generator):
    path_names = [name for name, _ in generator.settings.get("LEARNING_PATH", [])]
    language = generator.settings.get("DEFAULT_LANG")
    for article in generator.articles + generator.drafts:
        if getattr(article, "lang", language) != language:
            continue  # another language's file: its own site's build checks it
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
        check_review_date(article, where)


def check_review_date(article, where):
    # A wrong REVIEW_INTERVAL_MONTHS stops the build once, at start-up (settings_check).
    months = article.settings.get("REVIEW_INTERVAL_MONTHS", review_dates.DEFAULT_INTERVAL_MONTHS)
    article.next_review = review_dates.next_review(article, months)
    if article.next_review and review_dates.is_overdue(article.next_review):
        logger.warning("%s: this article was last reviewed on %s, more than %d months ago. Read it again, "
                       "then set `Modified:` to the date of your review.", where,
                       article.modified.date() if getattr(article, "modified", None) else article.date.date(), months)


def one_file_per_address(generators):
    """Two articles or pages with the same address (usually the same `Slug:`) would crash the
    writer; name both files, and write only the first so every other problem is still listed."""
    lists = [items for generator in generators
             for attribute in ("articles", "drafts", "hidden_articles", "pages", "hidden_pages", "draft_pages")
             if isinstance(items := getattr(generator, attribute, None), list)]
    # The file whose name sorts first keeps the address, so every run reports the same one.
    taken, dropped = {}, set()
    for item in sorted((item for items in lists for item in items), key=lambda item: item.source_path):
        address = getattr(item, "save_as", "")
        if not address:
            continue
        if address in taken:
            logger.error(
                "%s: it would be written to `%s`, where %s is already written (the same "
                "`Slug: %s`?). Give one of them its own `Slug:` line.",
                os.path.relpath(item.source_path), address, os.path.relpath(taken[address]),
                getattr(item, "slug", ""),
            )
            dropped.add(id(item))
        else:
            taken[address] = item.source_path
    for items in lists:
        items[:] = [item for item in items if id(item) not in dropped]


def check_content_policy(content):
    """Markup the CSP would block, and links to missing files, fail the build with file:line."""
    # The HTML as the reader returned it, `{filename}` links not yet resolved (which the policy
    # checks): Pelican gives plugins no public name for it (getpelican/pelican#3329), and the
    # public `content` property would resolve the links and memoize the result.
    html = getattr(content, "_content", None)
    if not html or not getattr(content, "source_path", None) or not os.path.isfile(content.source_path):
        return
    where = os.path.relpath(content.source_path)
    kept = _policy_checked.get(content.source_path)
    if kept and kept[0] == html:  # the other languages' runs make the same file's page again
        found = kept[1]
    else:
        found = content_policy.problems(html, content.source_path, content.settings["PATH"])
        _policy_checked[content.source_path] = (html, found)
    for line, message in found:
        logger.error("%s%s: %s", where, f":{line}" if line else "", message)


def start_build(pelican):
    """A new build (not another language's run inside it) checks every file afresh: a linked
    file may have been added since the last one (the devserver keeps this process)."""
    if pelican.settings.get("DEFAULT_LANG") not in (pelican.settings.get("I18N_SUBSITES") or {}):
        _policy_checked.clear()


# An address part readers can type and every format can hold (a URL, sitemap.xml, a feed).
RE_SAFE_SLUG = re.compile(r"[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*")


def check_slug(content):
    """A `Slug:` written by the author becomes part of the page's address: letters, digits and
    single hyphens only, so no quote or angle bracket reaches a link, the sitemap or a feed."""
    slug = (getattr(content, "metadata", None) or {}).get("slug")
    source = getattr(content, "source_path", None)
    if slug is None or not source or RE_SAFE_SLUG.fullmatch(str(slug)):
        return
    line = placeholders.header_line(source, "slug")
    logger.error("%s%s: `Slug: %s` can hold only letters, digits and hyphens (it becomes the page's "
                 "address). Write e.g. `Slug: %s`.", os.path.relpath(source), f":{line}" if line else "",
                 slug, slugify(str(slug), regex_subs=content.settings.get("SLUG_REGEX_SUBSTITUTIONS", [])) or "my-article")


def check_linked_pages(generator):
    """A page the theme links from every page is missing: a warning (linked_pages.py)."""
    language = generator.settings.get("DEFAULT_LANG")
    slugs = {page.slug for page in [*generator.pages, *generator.hidden_pages]
             if getattr(page, "lang", language) == language}
    # This site keeps another language's pages in content/<language>/pages (pelicanconf.py).
    main = generator.settings.get("I18N_TEMPLATES_LANG", language)
    folder = os.path.relpath(os.path.join(generator.path, "pages" if language == main else f"{language}/pages"))
    for slug, name, reached_from in linked_pages.missing_pages(slugs):
        logger.warning("%s: no page has `Slug: %s`, and readers reach that address from %s. Put %s back "
                       "from the project you started from, or write your own page with that Slug. "
                       "`make publish` stops until it exists.", folder, slug, reached_from,
                       os.path.join(folder, name))


def refuse_example_settings(pelican):
    if not pelican.settings.get("REFUSE_EXAMPLE_DETAILS"):
        return
    for key, value, why in placeholders.example_settings(pelican.settings):
        logger.error("publish: %s (%s) looks like an example: `%s` is %s. %s",
                     placeholders.where(key, pelican.settings), key, value, why, placeholders.HOW)


def refuse_example_pages(content):
    if not content.settings.get("REFUSE_EXAMPLE_DETAILS") or not getattr(content, "source_path", None):
        return
    if str(content.metadata.get("example", "")).strip().lower() not in ("yes", "true"):
        said = placeholders.example_sentence_line(content.source_path)
        if said:
            logger.error("publish: %s:%s: this line still tells readers the practice is made up (“%s”). "
                         "Write your own text in its place.", os.path.relpath(content.source_path), *said)
        return
    line = placeholders.example_page_line(content.source_path)
    if line:
        logger.error("publish: %s:%s: this page still holds the example practice's text (`Example: yes`). "
                     "Write your own, then delete that line. Or run `make publish PUBLISH_EXAMPLE_SITE=yes` "
                     "to publish the demo on purpose.", os.path.relpath(content.source_path), line)


def register():
    signals.initialized.connect(start_build)
    signals.initialized.connect(check_settings)
    signals.initialized.connect(refuse_example_settings)
    signals.content_object_init.connect(refuse_example_pages)
    signals.content_object_init.connect(check_content_policy)
    signals.content_object_init.connect(check_slug)
    signals.article_generator_finalized.connect(check_articles)
    signals.page_generator_finalized.connect(check_linked_pages)
    signals.all_generators_finalized.connect(one_file_per_address)
    signals.initialized.connect(translations.start)
    signals.content_object_init.connect(translations.note)
    signals.all_generators_finalized.connect(translations.check)
