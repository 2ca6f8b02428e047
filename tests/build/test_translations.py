"""Every reader-facing word of the theme and the plugins comes from a gettext catalog.

A pseudo-language proves it: `make translations`' own extraction (Babel, babel.cfg) is run,
every message gets a marked "translation" (⟦…⟧) in catalogs for a language `xx`, and the
site is built in that language. Any word a reader sees that is neither marked nor written
by the author (content, settings) was left out of the catalogs.
"""

import re

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup, Comment

from tests.conftest import ROOT, TEST_CONTENT, TEST_PRACTICE, build_site
from tests.helpers import extract_catalogs, html_pages

# Attributes whose words a reader (or a screen reader) meets.
READ_ATTRIBUTES = ("aria-label", "alt", "title", "placeholder")
DATE = re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}$")


def pseudo_catalog(pot, folder, domain):
    with open(pot, "rb") as source:
        catalog = read_po(source)
    for message in catalog:
        if message.id:
            message.string = tuple(f"⟦{one}⟧" for one in message.id) if message.pluralizable else f"⟦{message.id}⟧"
    target = folder / "xx" / "LC_MESSAGES"
    target.mkdir(parents=True, exist_ok=True)
    with open(target / f"{domain}.mo", "wb") as out:
        write_mo(out, catalog)
    return len(catalog)


@pytest.fixture(scope="module")
def pseudo_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pseudo-locale")
    pots = extract_catalogs(ROOT, folder)
    counts = [pseudo_catalog(pot, folder, domain) for domain, pot in pots.items()]
    assert min(counts) > 20, counts
    import site_i18n
    from consultation.help_resources import DEFAULT_HELP_RESOURCES
    try:
        # The English site alone, in the pseudo-language (the French site has its own tests).
        site = build_site(tmp_path_factory.mktemp("pseudo-site"), overrides={
            "DEFAULT_LANG": "xx", "DEFAULT_METADATA": {"lang": "xx"}, "I18N_SUBSITES": {},
            "ARTICLE_PATHS": ["articles"], "PAGE_PATHS": ["pages"],
            "LOCALE_PATHS": [str(folder)], "I18N_GETTEXT_LOCALEDIR": str(folder),
            "CHECKLIST_LOCALE_DIR": str(folder), "SEARCH_INDEX": False,
            "HELP_RESOURCES": {"CA-ON": {"xx": DEFAULT_HELP_RESOURCES["CA-ON"]["en"]}}})
        yield site
    finally:
        # The build switched this process's plugin texts to the pseudo-language: back to
        # English for the tests that render Markdown without a build.
        site_i18n.activate("en")


def authored_words():
    """Everything an author or site owner wrote: the test site's content and practice files, the settings."""
    texts = [path.read_text(encoding="utf-8") for path in TEST_CONTENT.rglob("*.md")]
    texts += [TEST_PRACTICE.read_text(encoding="utf-8")]
    texts += [(ROOT / name).read_text(encoding="utf-8") for name in ("pelicanconf.py", "publishconf.py")]
    texts.append((ROOT / "plugins" / "consultation" / "help_resources.py").read_text(encoding="utf-8"))
    joined = " ".join(" ".join(text.split()) for text in texts)
    return joined + " " + re.sub(r"[*_]", "", joined)  # and as rendered, without Markdown emphasis


def is_authored(words, authored):
    """Written by the author or owner: the whole text, or each part around the theme's glue
    (" · " between a title and the site name, ", " between a name and credentials)."""
    parts = [part for part in re.split(r" · |, |: ", words) if re.search(r"[A-Za-z]{2,}", part)]
    return words in authored or all(part.strip(" .") in authored for part in parts)


def unmarked_words(page, authored):
    doc = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for hidden in doc(["script", "style", "template"]):
        hidden.decompose()
    found = []
    # A text node inside a marked message (a link within a sentence) counts as marked: find
    # each node's place in the page's text and the ⟦…⟧ spans around it.
    nodes = [text for text in doc.find_all(string=True) if not isinstance(text, Comment)]
    full, starts = "", []
    for text in nodes:
        starts.append(len(full))
        full += str(text)
    spans = [(match.start(), match.end()) for match in re.finditer(r"⟦[^⟦⟧]*⟧", full, re.S)]
    pieces = [str(text) for text, start in zip(nodes, starts)
              if not any(low <= start < high for low, high in spans)]
    pieces += [element[name] for name in READ_ATTRIBUTES for element in doc.find_all(attrs={name: True})]
    pieces += [value for element in doc.find_all(True) for name, value in element.attrs.items()
               if name.startswith("data-i18n-")]
    for piece in pieces:
        words = " ".join(piece.split())
        if not re.search(r"[A-Za-z]{2,}", words) or "⟦" in words or DATE.match(words):
            continue
        if not is_authored(words, authored):
            found.append(words)
    return found


def test_every_word_readers_see_comes_from_a_catalog_or_from_the_author(pseudo_site):
    authored = authored_words()
    problems = {}
    for page in html_pages(pseudo_site):
        if "theme" in page.relative_to(pseudo_site).parts:
            continue
        words = unmarked_words(page, authored)
        if words:
            problems[page.relative_to(pseudo_site).as_posix()] = sorted(set(words))[:12]
    assert problems == {}, problems


def test_the_pseudo_language_reaches_the_page_chrome_and_the_checklists(pseudo_site):
    doc = BeautifulSoup((pseudo_site / "how-it-shows-up-day-to-day" / "index.html").read_text(encoding="utf-8"),
                        "html.parser")
    assert doc.html["lang"] == "xx"
    assert doc.select_one(".safety-bar__help").get_text(strip=True) == "⟦Get help now⟧"
    checklist = doc.select_one('[data-module="checklist"]')
    assert checklist["data-i18n-count"] == "⟦{ticked} of {total} ticked⟧"
    assert doc.select_one("#my-reflections-title").get_text() == "⟦My reflections⟧"
    assert doc.select_one(".my-reflections")["data-i18n-notes"] == "⟦My notes:⟧"
