"""The checklist's stylesheet and scripts, for themes that do not bundle them themselves.

`STATIC_DIR` holds the sources: `checklist.css`, `my-reflections.css` and one ES module per component
(`SCRIPT_SOURCES`: `storage.js`, `checklist.js`, `my-reflections.js`), plus `init.js`, which
imports the components and starts them. A theme that bundles them (this project's own does,
with esbuild) imports the modules it needs and starts the components itself. With
`CHECKLIST_INCLUDE_ASSETS = True` (the default), the plugin writes `reflection-checklists.css`,
(both stylesheets in one file), the modules and `reflection-checklists.js` (init.js, the entry module) into the output's theme
folder after each build, and every page with a checklist links the stylesheet and the entry.
"""

import shutil
from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"
SCRIPT_SOURCES = ("storage.js", "checklist.js", "my-reflections.js")
STYLESHEETS = ("checklist.css", "my-reflections.css")
FOLDER = "reflection-checklists"


def assets_url(settings):
    """Where pages link the files: root-relative unless SITEURL is set (a subpath site sets it)."""
    return f"{settings.get('SITEURL', '').rstrip('/')}/{settings.get('THEME_STATIC_DIR', 'theme')}/{FOLDER}"


def write_assets(output_path, theme_static_dir):
    folder = Path(output_path) / theme_static_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "reflection-checklists.css").write_text(
        "\n".join((STATIC_DIR / name).read_text(encoding="utf-8") for name in STYLESHEETS), encoding="utf-8")
    for name in SCRIPT_SOURCES:
        shutil.copyfile(STATIC_DIR / name, folder / name)
    shutil.copyfile(STATIC_DIR / "init.js", folder / "reflection-checklists.js")
