"""Order articles into the learning path configured by LEARNING_PATH.

Each article's `Step:` metadata sets its place. Adds to every article
`path_position`, `path_total`, `path_previous`, `path_next` and `related`, and
gives templates `learning_path`: one entry per category, in path order, with
its part number, introduction and articles; and the `minutes_to_read` filter.
`has_checklist` and the words reading times leave out come from
plugins/markdown_reader, which must be in PLUGINS.
"""

import heapq
import re
from collections import Counter, defaultdict

from pelican import signals

import site_errors

RELATED_COUNT = 3
RE_TAG = re.compile(r"<[^>]+>")


def related_for_all(articles):
    """Up to RELATED_COUNT related articles for each article, in `articles` order.

    Related means sharing at least one tag: most shared tags first, then the
    nearest step, then the earliest in `articles`. Each article only looks at
    the articles that share one of its tags (through a tag index), so a large
    site does not compare every pair.
    """
    # site_guard reports an article without tags; it must not crash the path.
    tag_sets = [set(getattr(article, "tags", None) or []) for article in articles]
    sharing = defaultdict(list)  # tag -> positions of the articles that have it
    for position, tags in enumerate(tag_sets):
        for tag in tags:
            sharing[tag].append(position)
    steps = [getattr(article, "step", 0) for article in articles]
    related = []
    for position, tags in enumerate(tag_sets):
        shared = Counter()
        for tag in tags:
            shared.update(sharing[tag])
        shared.pop(position, None)
        step = steps[position]
        best = []
        for count in sorted(set(shared.values()), reverse=True):
            wanted = RELATED_COUNT - len(best)
            if wanted <= 0:
                break
            level = [(abs(steps[other] - step), other) for other, shares in shared.items() if shares == count]
            best += [other for _, other in heapq.nsmallest(wanted, level)]
        related.append([articles[other] for other in best])
    return related


class SettingsError(site_errors.SettingsError):
    """A LEARNING_PATH the site owner must fix; the message says how."""


LEARNING_PATH_EXAMPLE = ('LEARNING_PATH = [("Understanding trust", "What trust is and how it grows."), '
                         '("Repair and rebuilding", "How couples rebuild trust.")]')


def check_learning_path(pelican):
    """LEARNING_PATH: a non-empty list of (category, one-line introduction) pairs."""
    stages = pelican.settings.get("LEARNING_PATH")
    problem = None
    if not isinstance(stages, (list, tuple)) or not stages:
        problem = f"it is {stages!r}; it must list at least one part"
    else:
        for number, stage in enumerate(stages, start=1):
            if not (isinstance(stage, (list, tuple)) and len(stage) == 2
                    and all(isinstance(text, str) and text.strip() for text in stage)):
                problem = (f"part {number} is {stage!r}; each part is a pair of texts in brackets: "
                           "(category name, one-line introduction)")
                break
    if problem:
        raise SettingsError(f"learning_path: LEARNING_PATH in your settings file is not right: {problem}. "
                            f"Write it like this: {LEARNING_PATH_EXAMPLE}")


def minutes_to_read(item):
    """Jinja filter: whole minutes to read the article's own words, at least 1.

    Counts the words of the body, less the words of checklist controls, help lists and
    booking prompts (`chrome_words`, from plugins/markdown_reader): a reader does not read
    "Remember my answers on this device" as part of the article. Kept on the item, as every
    list page asks again.
    """
    minutes = getattr(item, "_minutes_to_read", None)
    if minutes is None:
        words = getattr(item, "body_words", None)  # from plugins/markdown_reader
        if words is None:  # a reStructuredText or HTML file
            words = len(RE_TAG.sub(" ", getattr(item, "content", "") or "").split())
        words -= getattr(item, "chrome_words", 0) or 0
        minutes = max(1, round(words / (item.settings.get("READTIME_WPM") or 200)))
        item._minutes_to_read = minutes
    return minutes


def add_filters(pelican):
    filters = dict(pelican.settings.get("JINJA_FILTERS") or {})
    filters["minutes_to_read"] = minutes_to_read
    pelican.settings["JINJA_FILTERS"] = filters


def build_path(generator):
    stages = [(name, intro) for name, intro in generator.settings.get("LEARNING_PATH", [])]
    order = {name: index for index, (name, _) in enumerate(stages)}
    articles = generator.articles
    for article in articles:
        step = str(getattr(article, "step", "") or "")
        article.step = int(step) if step.isdigit() else 0
    path = sorted(
        (article for article in articles if str(article.category) in order),
        key=lambda article: (order[str(article.category)], article.step, article.title),
    )
    for position, article in enumerate(path, start=1):
        article.path_position = position
        article.path_total = len(path)
        article.path_previous = path[position - 2] if position > 1 else None
        article.path_next = path[position] if position < len(path) else None
    for article, related in zip(articles, related_for_all(articles)):
        article.related = related
    categories = {str(category): category for category, _ in generator.categories}
    present = [(name, intro) for name, intro in stages if name in categories]
    generator.context["learning_path"] = [
        {
            "part": part,
            "category": categories[name],
            "intro": intro,
            "articles": [article for article in path if str(article.category) == name],
        }
        for part, (name, intro) in enumerate(present, start=1)
    ]


def needs_markdown_reader(pelican):
    from markdown_reader import require

    require(pelican, "learning_path")


def register():
    signals.initialized.connect(needs_markdown_reader)
    signals.initialized.connect(check_learning_path)
    signals.initialized.connect(add_filters)
    signals.article_generator_finalized.connect(build_path)
