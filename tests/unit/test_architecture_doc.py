"""docs/architecture.md stays true: its tables against the code.

- The plugin table (`| plugin | owns | signals |`) has one row for each plugin of `PLUGINS`
  whose code is in this repository (a folder in plugins/, or a namespace plugin of the
  checklist package), and no other row.
- Each row's signals are the ones the plugin's code connects (`signals.<name>.connect`).
- What the doc says about imports: a plugin imports its own modules, the shared libraries of
  the libraries table (whose last column names exactly the plugins importing each), the
  checklist package, and only the other plugins the imports table names; the checklist
  package imports nothing from plugins/.

A failure names the row to fix. When the doc's claim itself changes, change this test with it.
"""

import ast
import re
from pathlib import Path

import pytest

import pelicanconf

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "architecture.md"
PLUGINS_DIR = ROOT / "plugins"
PACKAGE = PLUGINS_DIR / "pelican-reflection-checklists"
PACKAGE_PLUGINS = PACKAGE / "pelican" / "plugins"  # the namespace plugins the package holds
PELICAN_OWN = {"signals", "_utils"}  # pelican.plugins' own modules, not plugins

IMPORT_CLAIM = ("Besides its own modules, a plugin imports only these libraries, the checklist "
                "package and, where this table says, another plugin")
PACKAGE_CLAIM = "The checklist package imports nothing from `plugins/`."


def doc_text():
    return " ".join(DOC.read_text(encoding="utf-8").split())


def table(header):
    """The rows of the doc's table headed `header`, each a list of cells."""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    wanted = [cell.strip() for cell in header.strip("|").split("|")]
    for number, line in enumerate(lines):
        if [cell.strip() for cell in line.strip().strip("|").split("|")] == wanted:
            break
    else:
        pytest.fail(f"docs/architecture.md has no table headed `{header}`")
    rows = []
    for line in lines[number + 2:]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        assert len(cells) == len(wanted), f"docs/architecture.md: this row has {len(cells)} cells, not " \
                                          f"{len(wanted)} (a `|` inside a cell?): {line[:100]}"
        rows.append(cells)
    return rows


def names(cell):
    return re.findall(r"`([^`]+)`", cell)


def short_name(entry):
    return str(getattr(entry, "__name__", entry)).rsplit(".", 1)[-1]


def local_plugins():
    """{name: folder} for each PLUGINS entry whose code is in this repository."""
    found = {}
    for name in map(short_name, pelicanconf.PLUGINS):
        for folder in (PLUGINS_DIR / name, PACKAGE_PLUGINS / name):
            if (folder / "__init__.py").is_file():
                found[name] = folder
    return found


def site_modules():
    """What `import <name>` finds in plugins/ (pelicanconf.py puts the folder on the path)."""
    return ({path.name for path in PLUGINS_DIR.iterdir() if (path / "__init__.py").is_file()}
            | {path.stem for path in PLUGINS_DIR.glob("*.py")})


def sources(folder):
    return sorted(path for path in folder.rglob("*.py") if "__pycache__" not in path.parts)


def connected_signals(folder):
    """The `<name>` of every `signals.<name>.connect` in the folder's code."""
    found = set()
    for path in sources(folder):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if (isinstance(node, ast.Attribute) and node.attr == "connect" and isinstance(node.value, ast.Attribute)
                    and isinstance(node.value.value, ast.Name) and node.value.value.id == "signals"):
                found.add(node.value.attr)
    return found


def imports(path):
    """(line, name) of each module of plugins/ and each Pelican plugin the file imports:
    `import x.y` and `from x.y import z` give x; `pelican.plugins.x...` gives x."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    local = site_modules()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules = [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            modules = [(node.module, [alias.name for alias in node.names])]
        else:
            continue  # relative imports stay inside their own plugin
        for module, imported in modules:
            parts = module.split(".")
            if parts[:2] == ["pelican", "plugins"]:
                plugins = parts[2:3] or imported  # `from pelican.plugins import sitemap`
                yield from ((node.lineno, name) for name in plugins if name not in PELICAN_OWN)
            elif parts[0] in local:
                yield node.lineno, parts[0]


def plugin_rows():
    rows = table("| plugin | owns | signals |")
    assert rows, "docs/architecture.md: the plugin table has no rows"
    return {names(plugin)[0]: set(names(signals)) for plugin, _owns, signals in rows}


def library_rows():
    rows = table("| module | what it is | plugins that import it |")
    return {names(module)[0]: set(names(importers)) for module, _what, importers in rows}


def import_rows():
    edges = set()
    for importers, imported, _why in table("| plugin | imports the plugin | for |"):
        edges |= {(importer, names(imported)[0]) for importer in names(importers)}
    return edges


def test_the_plugin_table_lists_each_plugin_of_this_repository_in_plugins():
    listed, present = set(plugin_rows()), set(local_plugins())
    assert not present - listed, (f"docs/architecture.md: add a row to the plugin table for "
                                  f"{sorted(present - listed)} (in PLUGINS, code in this repository)")
    assert not listed - present, (f"docs/architecture.md: the plugin table names {sorted(listed - present)}, "
                                  "which is not a plugin folder of this repository listed in PLUGINS")


def test_each_rows_signals_are_the_ones_its_code_connects():
    rows, wrong = plugin_rows(), []
    for name, folder in local_plugins().items():
        said, connected = rows.get(name, set()), connected_signals(folder)
        if said != connected:
            wrong.append(f"`{name}`: the doc says {sorted(said)}, the code connects {sorted(connected)}")
    assert not wrong, "docs/architecture.md, plugin table, signals column:\n" + "\n".join(wrong)


def test_the_shared_libraries_exist_and_are_no_plugins():
    plugins = {short_name(entry) for entry in pelicanconf.PLUGINS}
    for library in library_rows():
        assert library in site_modules(), f"docs/architecture.md names a library `{library}` plugins/ does not hold"
        assert library not in plugins, f"docs/architecture.md: `{library}` is in PLUGINS, so not a library"


def test_plugins_import_only_what_the_doc_says():
    assert IMPORT_CLAIM in doc_text(), "docs/architecture.md no longer says what plugins import; update this test"
    libraries = library_rows()
    package = {path.name for path in PACKAGE_PLUGINS.iterdir() if (path / "__init__.py").is_file()}
    edges, users, where = set(), {library: set() for library in libraries}, {}
    for name, folder in local_plugins().items():
        if name in package:
            continue  # the package's own modules: see the next test
        for path in sources(folder):
            for line, imported in imports(path):
                if imported == name or imported in package:
                    continue
                if imported in libraries:
                    users[imported].add(name)
                else:
                    edges.add((name, imported))
                    where.setdefault((name, imported), f"{path.relative_to(ROOT)}:{line}")
    said = import_rows()
    assert not edges - said, ("docs/architecture.md, imports table: add (or remove the import) "
                              + "; ".join(f"`{a}` imports `{b}` ({where[a, b]})" for a, b in sorted(edges - said)))
    assert not said - edges, ("docs/architecture.md, imports table: no such import in the code: "
                              + "; ".join(f"`{a}` → `{b}`" for a, b in sorted(said - edges)))
    wrong = [f"`{library}`: the doc says {sorted(libraries[library])}, imported by {sorted(users[library])}"
             for library in libraries if libraries[library] != users[library]]
    assert not wrong, "docs/architecture.md, libraries table, last column:\n" + "\n".join(wrong)


def test_the_checklist_package_imports_nothing_of_the_site():
    assert PACKAGE_CLAIM in doc_text(), "docs/architecture.md no longer says this; update this test"
    found = [f"{path.relative_to(ROOT)}:{line} imports `{name}`"
             for folder in (PACKAGE / "pelican", PACKAGE / "tests") for path in sources(folder)
             for line, name in imports(path) if name in site_modules()]
    assert not found, "the checklist package must stand alone:\n" + "\n".join(found)
