"""The French site's words: complete French catalogs (a message the code shows with no French
entry fails here), none of the theme's English phrases on a French page, and the French help
list. Checked on the product's test site (tests/site); tests/content/test_french.py checks the
practice's own French pages (counterparts, plain French, diagrams) when its French site is on."""

import pytest
from babel.messages.pofile import read_po

from tests.conftest import ROOT
from tests.helpers import extract_catalogs, page_url, reader_pages, soup, unpaired_pages

PACKAGE_LOCALE = ROOT / "plugins" / "pelican-reflection-checklists" / "pelican" / "plugins" / "reflection_checklists" / "locale"


def test_every_page_has_its_counterpart_in_the_other_language_and_back(site):
    assert unpaired_pages(site) == ([], [])


def catalog(path):
    with open(path, "rb") as source:
        return read_po(source)


@pytest.fixture(scope="module")
def templates_pot(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pot")
    return {domain: catalog(pot) for domain, pot in extract_catalogs(ROOT, folder).items()}


@pytest.mark.parametrize("domain, po", [("site", ROOT / "locale" / "fr" / "LC_MESSAGES" / "site.po"),
                                        ("reflection_checklists", PACKAGE_LOCALE / "fr" / "LC_MESSAGES" / "reflection_checklists.po")])
def test_every_message_has_a_french_entry_without_straight_quotes(templates_pot, domain, po):
    """The build check for French: a message the code shows with no French entry fails here
    (run `make translations`, then translate the empty entries)."""
    french = catalog(po)
    untranslated, quoted = [], []
    for message in templates_pot[domain]:
        if not message.id:
            continue
        entry = french.get(message.id)
        strings = (entry.string if isinstance(entry.string, tuple) else (entry.string,)) if entry else ("",)
        if not entry or not all(strings) or entry.fuzzy:
            untranslated.append(message.id)
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        if any(text.count('"') > ids[0].count('"') for text in strings):
            quoted.append(message.id)
    assert untranslated == [], "no French entry (run make translations): " + repr(untranslated)
    assert quoted == [], "write « » in French, a straight quote breaks an HTML attribute: " + repr(quoted)


def test_no_english_words_of_the_theme_on_french_pages(site, templates_pot):
    french = catalog(ROOT / "locale" / "fr" / "LC_MESSAGES" / "site.po")
    english = {message.id for message in templates_pot["site"]
               if isinstance(message.id, str) and len(message.id.split()) >= 2 and "%(" not in message.id
               and "<" not in message.id and french.get(message.id) and french.get(message.id).string != message.id}
    found = {}
    for page in reader_pages(site):
        if page_url(site, page).startswith("/fr/"):
            text = " ".join(soup(page).get_text(" ").split())
            hits = sorted(words for words in english if words in text)
            if hits:
                found[page_url(site, page)] = hits
    assert found == {}


def test_the_french_help_list_reaches_everyone_the_english_one_does():
    from consultation.help_resources import DEFAULT_HELP_RESOURCES
    english, french = DEFAULT_HELP_RESOURCES["CA-ON"]["en"], DEFAULT_HELP_RESOURCES["CA-ON"]["fr"]
    numbers = lambda entries: sorted((e.get("call") or "", e.get("text") or "", e["group"]) for e in entries)  # noqa: E731
    assert numbers(english) == numbers(french)
    text = " ".join(entry["how"] + " " + entry["name"] + " " + entry.get("serves", "") for entry in french).lower()
    for words in ("911", "9-8-8", "hommes", "trans", "votre partenaire", "jeunes", "francophones"):
        assert words in text, words


def test_the_french_help_page_lists_the_french_services(site):
    doc = soup(site / "fr" / "getting-help-now" / "index.html")
    names = [strong.get_text() for strong in doc.select(".help-list strong")]
    assert "Fem'aide" in names and "9-8-8 : Ligne d'aide en cas de crise de suicide" in names
    assert doc.find("a", href="tel:988") is not None
