"""Another language's run leaves out the main language's files it would only drop.

pelican-i18n-subsites builds each language's site in the same process, after the main
language's run, and each run reads every content file, then drops the files in another
language that have no translation in its own (I18N_UNTRANSLATED_ARTICLES or
I18N_UNTRANSLATED_PAGES = "remove"). On a large English site with a few French pages, the
French run would build, then throw away, an object for every English article.

The main run has read them all already. So, in another language's run, a generator does not
list (`get_files`) a published main-language Markdown file that has no translation in that
run's language, and instead registers the main run's object for it, at its address in the main
site, as i18n_subsites links a dropped file, so that a `{filename}` link to it still works.
The output does not change (tests/build/test_untranslated.py builds a site both ways).

Nothing is left out when the runs could see a file differently: a language or slug setting
that differs between them, a file changed since, or a file whose language came from the
run's own DEFAULT_LANG.
"""

import copy
import os
import posixpath

from pelican.contents import Article, Page
from pelican.generators import ArticlesGenerator

from . import conversions

# Settings that decide a file's language, slug and translations: they must be the same in both runs.
SAME_IN_EVERY_RUN = ("PATH", "DEFAULT_METADATA", "PATH_METADATA", "FILENAME_METADATA", "EXTRA_PATH_METADATA",
                     "SLUGIFY_SOURCE", "SLUGIFY_USE_UNICODE", "SLUGIFY_PRESERVE_CASE", "SLUG_REGEX_SUBSTITUTIONS",
                     "ARTICLE_TRANSLATION_ID", "PAGE_TRANSLATION_ID")
KINDS = {"articles": (Article, "ARTICLE_TRANSLATION_ID", "I18N_UNTRANSLATED_ARTICLES"),
         "pages": (Page, "PAGE_TRANSLATION_ID", "I18N_UNTRANSLATED_PAGES")}

_main = {}  # the main run's settings and {absolute source path: content object}


def remember_main_run(generators):
    """`all_generators_finalized` of the main language's run: every object it read."""
    if not generators:
        return
    settings = generators[0].settings
    if conversions.is_other_language_run(settings):
        return
    contents = generators[0].context.get("generated_content") or {}
    _main.clear()
    _main.update(settings=settings, contents={os.path.abspath(content.source_path): content
                                              for content in contents.values()
                                              if isinstance(content, (Article, Page)) and content.source_path})


def forget(pelican):
    """`initialized` of the main run: a new build starts."""
    if not conversions.is_other_language_run(pelican.settings):
        _main.clear()


def translation_key(content, translation_id):
    names = [translation_id] if isinstance(translation_id, str) else sorted(translation_id)
    return tuple(getattr(content, name, None) for name in names)


def left_out(settings, kind):
    """{path: main-run object} that a run with `settings` would read only to drop."""
    main = _main.get("settings")
    content_class, id_setting, policy = KINDS[kind]
    if (main is None or settings.get(policy) != "remove"
            or any(settings.get(name) != main.get(name) for name in SAME_IN_EVERY_RUN)):
        return {}
    language, main_language = settings["DEFAULT_LANG"], main["DEFAULT_LANG"]
    if language == main_language or "lang" not in (settings.get("DEFAULT_METADATA") or {}):
        return {}
    translation_id = settings.get(id_setting)
    contents = {path: content for path, content in _main["contents"].items() if type(content) is content_class}
    # Translation keys of everything that may be in this run's language (more kept is only slower).
    here = {translation_key(content, translation_id) for content in contents.values()
            if content.lang != main_language} if translation_id else set()
    skipped = {}
    for path, content in contents.items():
        # A Markdown file unchanged since the main run read it (with the language settings the
        # same in both runs, and `lang` in DEFAULT_METADATA, its language is the same in both).
        if (content.lang != main_language or getattr(content, "status", None) != "published"
                or conversions.kept_conversion(path) is None):
            continue
        if translation_id and translation_key(content, translation_id) in here:
            continue
        skipped[path] = content
    return skipped


def leave_out_untranslated(generator):
    """`article_generator_init` / `page_generator_init` of another language's run."""
    settings = generator.settings
    if not conversions.is_other_language_run(settings):
        return
    kind = "articles" if isinstance(generator, ArticlesGenerator) else "pages"
    skipped = left_out(settings, kind)
    if not skipped:
        return
    # i18n_subsites' own helper for the relative path from this language's site to another's.
    from pelican.plugins.i18n_subsites.i18n_subsites import relpath_to_site

    to_main = relpath_to_site(settings["DEFAULT_LANG"], _main["settings"]["DEFAULT_LANG"])
    listed = generator.context.setdefault("generated_content", {})
    for content in skipped.values():
        stand_in = copy.copy(content)
        stand_in.override_url = posixpath.join(to_main, content.url)
        listed[content.get_relative_source_path()] = stand_in

    list_files = generator.get_files

    def get_files(paths, exclude=None, extensions=None):
        # An instance attribute in front of Generator.get_files (public, but with no hook):
        # Pelican's loop and conversions.prepare both list the files through it.
        return {name for name in list_files(paths, exclude=exclude, extensions=extensions)
                if os.path.abspath(os.path.join(generator.path, name)) not in skipped}

    generator.get_files = get_files

