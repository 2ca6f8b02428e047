"""Publish only what the author meant (issue 25): no drafts, no stray or outside files, no
markup from a translation, a template or an article that the site's security rules forbid,
and an output folder that can never be the project itself.

Each case builds a small real site with Pelican (in this process, through tools.build, the
code `make html` and `make publish` run) and looks at what was written and what was said.
"""

import logging
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from tests.build.test_no_tracebacks import article
from tests.conftest import ROOT, TEST_CONTENT, TEST_PRACTICE, practice_file
from tools.build import build
from tools.publish import publish

SECRET = "s3cret-api-key-never-publish"


def small_site(tmp_path, articles=None, images=None):
    """content/ with the test site's pages, and the given articles and images."""
    content = tmp_path / "content"
    shutil.copytree(TEST_CONTENT / "pages", content / "pages")
    (content / "articles").mkdir(parents=True)
    (content / "images").mkdir()
    for name, text in (articles or {"a.md": article()}).items():
        (content / "articles" / name).write_text(text, encoding="utf-8")
    for name, data in (images or {}).items():
        path = content / "images" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return content


def run_build(content, output, caplog, settings="pelicanconf.py", **overrides):
    caplog.clear()
    with caplog.at_level(logging.WARNING), practice_file(TEST_PRACTICE):
        problems = build(str(ROOT / settings), content=str(content), output=str(output),
                         overrides={"SEARCH_INDEX": True, **overrides})
    return problems, caplog.text


def all_text(folder):
    return "\n".join(path.read_bytes().decode("utf-8", "replace") for path in Path(folder).rglob("*") if path.is_file())


# --- drafts ------------------------------------------------------------------------------

def test_a_draft_is_never_written_listed_indexed_or_in_the_sitemap(tmp_path, caplog):
    draft = article("Unfinished thoughts", "unfinished", 2, extra="Status: draft\n").replace(
        "Some text.", "Zyxwvut private draft words.")
    content = small_site(tmp_path, {"a.md": article(), "draft.md": draft})
    problems, log = run_build(content, tmp_path / "out", caplog)
    assert problems == 0, log
    out = tmp_path / "out"
    assert not list(out.rglob("*unfinished*")) and not (out / "drafts").exists()
    assert "Zyxwvut" not in all_text(out) and "unfinished" not in (out / "sitemap.xml").read_text()
    # Pagefind indexed the site, and the draft's words are in none of its files.
    assert (out / "pagefind" / "pagefind-entry.json").is_file()


def test_a_draft_preview_is_asked_for_on_purpose_and_never_published(tmp_path, caplog, monkeypatch):
    content = small_site(tmp_path, {"a.md": article(), "draft.md": article("Later", "later", 2, extra="Status: draft\n")})
    monkeypatch.setenv("DRAFTS", "yes")
    problems, log = run_build(content, tmp_path / "preview", caplog, SEARCH_INDEX=False)
    assert problems == 0, log
    assert (tmp_path / "preview" / "drafts" / "later.html").is_file()
    monkeypatch.setenv("SITEURL", "https://practice.example.org")
    monkeypatch.setenv("PUBLISH_EXAMPLE_SITE", "yes")
    with practice_file(TEST_PRACTICE):
        problems = publish(str(ROOT / "publishconf.py"), str(content), str(tmp_path / "site"), fail_on="errors",
                           overrides={"SEARCH_INDEX": False})
    assert problems == 0
    assert not list((tmp_path / "site").rglob("*later*"))


# --- stray files ---------------------------------------------------------------------------

STRAY = {".env": f"KEY={SECRET}", ".git/config": f"[remote] {SECRET}", ".DS_Store": SECRET,
         "x.swp": SECRET, "photo.svg~": SECRET, "#autosave#": SECRET, "notes.md.bak": SECRET,
         ".~lock.notes.odt#": SECRET, "sub/.hidden/file.txt": SECRET}


def test_hidden_backup_and_lock_files_are_never_copied(tmp_path, caplog):
    content = small_site(tmp_path, images={"ok.png": b"\x89PNG\r\n", **STRAY})
    problems, log = run_build(content, tmp_path / "out", caplog, SEARCH_INDEX=False)
    assert problems == 0, log
    assert (tmp_path / "out" / "images" / "ok.png").is_file()
    assert SECRET not in all_text(tmp_path / "out")


def test_a_hidden_file_linked_from_an_article_is_refused_not_published(tmp_path, caplog):
    text = article().replace("Some text.", "See [the key]({static}/images/.env).")
    content = small_site(tmp_path, {"a.md": text}, images={".env": SECRET})
    problems, log = run_build(content, tmp_path / "out", caplog, SEARCH_INDEX=False)
    assert problems and "images/.env: is a hidden file" in log
    assert SECRET not in all_text(tmp_path / "out")


def test_a_symlink_out_of_the_project_fails_with_its_path(tmp_path, caplog):
    outside = tmp_path / "elsewhere"
    (outside / "folder").mkdir(parents=True)
    (outside / "key.txt").write_text(SECRET)
    (outside / "folder" / "inside.txt").write_text(SECRET)
    content = small_site(tmp_path)
    os.symlink(outside / "key.txt", content / "images" / "key.txt")
    os.symlink(outside / "folder", content / "images" / "folder")
    problems, log = run_build(content, tmp_path / "out", caplog, SEARCH_INDEX=False)
    assert problems == 2, log
    assert f"images/key.txt: is really {outside / 'key.txt'}, outside the" in log
    assert "folder/inside.txt: is really" in log
    assert SECRET not in all_text(tmp_path / "out")


def test_a_link_out_of_the_content_folder_copies_nothing_anywhere(tmp_path, caplog):
    (tmp_path / "requirements.txt").write_text(SECRET)
    text = article().replace("Some text.", "Some text.\n\n[x]({static}/../requirements.txt)")
    content = small_site(tmp_path, {"a.md": text})
    output = tmp_path / "build" / "out"
    problems, log = run_build(content, output, caplog, SEARCH_INDEX=False)
    assert problems and "a.md:12: the link to `/../requirements.txt` points outside the" in log
    assert SECRET not in all_text(tmp_path / "build")


def test_restructuredtext_cannot_pull_in_a_local_file(tmp_path, caplog):
    secret = tmp_path / "key.pem"
    secret.write_text(SECRET)
    rst = (f"A rest article\n##############\n\n:date: 2026-09-01\n:modified: 2026-11-01\n:category: The impact\n"
           f":tags: trust\n:slug: rest\n:step: 2\n:summary: Test.\n\n.. include:: {secret}\n   :literal:\n\n"
           f".. raw:: html\n   :file: {secret}\n\nText.\n")
    content = small_site(tmp_path, {"a.md": article(), "b.rst": rst})
    run_build(content, tmp_path / "out", caplog, SEARCH_INDEX=False)
    assert SECRET not in all_text(tmp_path / "out")


# --- markup ---------------------------------------------------------------------------------

BAD_MARKUP = {
    "refresh": ('<meta http-equiv="refresh" content="3; url=https://elsewhere.example.com/">', "refresh"),
    "form": ('<form action="https://collect.example.com/"><button>Send</button></form>', "action="),
    "svg": ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "javascript:"),
    "style element": ("<style>body { display: none }</style>", "<style"),
    "animated href": ('<svg><a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>', "javascript:"),
}


@pytest.mark.parametrize("case", BAD_MARKUP)
def test_markup_the_policy_forbids_in_an_article_fails_with_file_and_line(tmp_path, caplog, case):
    markup, snippet = BAD_MARKUP[case]
    content = small_site(tmp_path, {"a.md": article().replace("Some text.", f"Some text.\n\n{markup}\n")})
    problems, log = run_build(content, tmp_path / "out", caplog, SEARCH_INDEX=False)
    assert problems, log
    assert "articles/a.md:12:" in log and snippet in log, log


def test_an_svg_with_a_script_is_refused(tmp_path, caplog):
    svg = ('<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("/x?" + localStorage.length)</script>'
           '<style>text { fill: red }</style><text>x</text></svg>')
    content = small_site(tmp_path, images={"diagram.svg": svg, "fine.svg": '<svg xmlns="http://www.w3.org/2000/svg">'
                                           '<style>text { fill: red }</style><text>x</text></svg>'})
    problems, log = run_build(content, tmp_path / "out", caplog, SEARCH_INDEX=False)
    assert problems == 1, log
    assert "images/diagram.svg holds a script" in log and "fine.svg" not in log


def test_a_template_with_a_handler_is_refused_naming_the_template(tmp_path, caplog):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    footer = theme / "templates" / "partials" / "footer.html"
    footer.write_text(footer.read_text() + '\n<button type="button" onclick="steal()">Hi</button>\n')
    problems, log = run_build(small_site(tmp_path), tmp_path / "out", caplog, SEARCH_INDEX=False, THEME=str(theme))
    assert problems, log
    assert "an event handler attribute (`onclick=`), most likely from" in log and "partials/footer.html:" in log
    # On every page, said once.
    assert problems == 1 and log.count("page policy:") == 1 and "other page(s)" in log


def french_catalog_with(tmp_path, changes):
    """A copy of the site's catalogs with some French texts replaced, and compiled."""
    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "locale", locale)
    po = locale / "fr" / "LC_MESSAGES" / "site.po"
    with po.open("rb") as source:
        catalog = read_po(source)
    for msgid, msgstr in changes.items():
        catalog[msgid].string = msgstr
    with po.open("wb") as target:
        write_po(target, catalog, width=76, sort_output=True, no_location=True)
    with po.with_suffix(".mo").open("wb") as target:
        write_mo(target, catalog)
    return locale, po


INJECTIONS = {
    "Skip to main content": 'Passer<script src="https://evil.example.com/x.js"></script>',
    "Get help or leave": 'Aide" onfocus="alert(1)',
    "Loading.": '"><meta http-equiv="refresh" content="0; url=https://evil.example.com/',
}


def test_a_translation_with_markup_fails_the_build_and_stays_text(tmp_path, caplog):
    locale, po = french_catalog_with(tmp_path, INJECTIONS)
    content = small_site(tmp_path)
    shutil.copytree(TEST_CONTENT / "fr" / "pages", content / "fr" / "pages")
    problems, log = run_build(content, tmp_path / "out", caplog, SEARCH_INDEX=False,
                              LOCALE_PATHS=[str(locale)], I18N_GETTEXT_LOCALEDIR=str(locale))
    lines = po.read_text(encoding="utf-8").splitlines()
    # A tag where the English has none is refused by name; a quote alone is only escaped.
    assert "the translation of 'Get help or leave'" not in log
    for msgid in ("Skip to main content", "Loading."):
        line = next(number for number, text in enumerate(lines, start=1) if text == f'msgid "{msgid}"')
        assert f"{os.path.relpath(po)}:{line}: the translation of {msgid!r} is refused" in log, log
    page = (tmp_path / "out" / "fr" / "index.html").read_text(encoding="utf-8")
    assert "evil.example.com" not in page.replace("&#34;", '"').split("<body", 1)[0]
    assert 'onfocus="' not in page and "<script src=\"https://evil" not in page
    assert 'aria-label="Aide&#34; onfocus=&#34;alert(1)"' in page
    assert '<meta http-equiv="refresh"' not in page
    # The Exit control keeps every text it needs, so it still erases answers.
    assert 'data-i18n-activated="' in page


def test_a_translation_may_keep_its_link_written_as_in_english(tmp_path):
    from site_i18n.catalog_check import problem
    english = 'If you are afraid of your partner, please see <a href="%(help_url)s">Getting help now</a> first.'
    assert problem(english, 'Si vous avez peur, voyez <a href="%(help_url)s">Obtenir de l\'aide</a> d\'abord.') is None
    assert "which the English text does not have" in problem(english, 'Voyez <a href="https://evil.example.com">ici</a>.')
    assert "is missing or written differently" in problem(english, "Voyez la page d'aide.")
    assert "holds `<b>`" in problem("Plain words", "Des <b>mots</b>")
    assert "outside the allowed tags" in problem(english, 'Voyez <a href="%(help_url)s">ici</a> <img src=x onerror=y')


# --- the output folder ------------------------------------------------------------------------

@pytest.mark.parametrize("where", ["content", ".", "theme", ".."])
def test_make_html_refuses_an_output_folder_that_is_or_holds_the_project(where):
    before = sorted(path.name for path in ROOT.iterdir())
    result = subprocess.run(["make", "-s", "html", f"OUTPUTDIR={ROOT / where}"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "output folder" in result.stdout + result.stderr and "Nothing was built" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert sorted(path.name for path in ROOT.iterdir()) == before
    assert (ROOT / "content" / "articles").is_dir() and (ROOT / ".git").exists()


@pytest.mark.parametrize("where", ["content", ".", ".git"])
def test_make_publish_refuses_an_output_folder_that_is_or_holds_the_project(where):
    result = subprocess.run(["make", "-s", "publish", f"OUTPUTDIR={ROOT / where}", "SITEURL=https://practice.example.org",
                             "PUBLISH_EXAMPLE_SITE=yes"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Nothing was built or deleted" in output and "Published" not in output
    assert (ROOT / "content" / "articles").is_dir() and (ROOT / ".git").exists()
    assert not list(ROOT.glob(".*.new-*")) and not list(ROOT.glob(".*.old-*"))


def test_publish_refuses_an_output_that_holds_a_hidden_or_backup_file(tmp_path):
    from output_guard.folders import unpublishable_files
    (tmp_path / "images").mkdir()
    for name in ("index.html", "images/a.png", "images/.env", "page.html~", ".well-known/x"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert unpublishable_files(tmp_path) == [".well-known", "images/.env", "page.html~"]


# --- smaller items ------------------------------------------------------------------------------

@pytest.mark.parametrize("slug", ['a"b<c>', "two words", "../up", "ünïcode"])
def test_an_unsafe_slug_fails_with_file_and_line(tmp_path, caplog, slug):
    content = small_site(tmp_path, {"a.md": article(slug=slug)})
    problems, log = run_build(content, tmp_path / "out", caplog, SEARCH_INDEX=False)
    assert problems, log
    assert f"articles/a.md:6: `Slug: {slug}` can hold only letters, digits and hyphens" in log


def test_a_yaml_alias_bomb_is_refused_before_it_is_expanded():
    from pelican.plugins.reflection_checklists.markdown_blocks.errors import AuthoringError
    from pelican.plugins.reflection_checklists.markdown_blocks.source_scan import parse_options
    levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for level in range(1, 12):
        previous = chr(ord("a") + level - 1)
        levels.append(f"{chr(ord('a') + level)}: &{chr(ord('a') + level)} [{', '.join(['*' + previous] * 9)}]")
    lines = [(number, text) for number, text in enumerate(levels, start=11)]
    with pytest.raises(AuthoringError) as refused:
        parse_options(lines, 10)
    assert refused.value.line == 12 and "YAML alias (`*a`)" in refused.value.message


def test_static_files_are_copied_as_they_are_never_read_as_text(tmp_path, caplog):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
    files = {"notes.txt": "/// checklist | x\n- [ ] a\n///\n", "handout.html": "<p>x</p>\n/// checklist | y\n",
             "photo.png": png}
    content = small_site(tmp_path, images=files)
    problems, log = run_build(content, tmp_path / "out", caplog, SEARCH_INDEX=False)
    assert problems == 0, log
    assert "Traceback" not in log
    for name, data in files.items():
        assert (tmp_path / "out" / "images" / name).read_bytes() == (data if isinstance(data, bytes) else data.encode())


def test_a_reader_turned_off_in_settings_builds(tmp_path, caplog):
    content = small_site(tmp_path, images={"handout.html": "<p>x</p>"})
    (content / "articles" / "old.html").write_text("<html><head><title>Old</title></head><body>x</body></html>")
    problems, log = run_build(content, tmp_path / "out", caplog, SEARCH_INDEX=False, READERS={"html": None, "htm": None})
    assert problems == 0, log
    assert not (tmp_path / "out" / "old").exists()
