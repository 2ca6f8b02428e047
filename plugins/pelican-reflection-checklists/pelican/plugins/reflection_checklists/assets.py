"""The checklist's stylesheet and script, for themes that do not bundle them themselves.

`STATIC_DIR` holds the sources; `SCRIPT_SOURCES` is their order (a theme bundling them,
as this project's own does with webassets, lists them in that order, then starts the
components itself). With `CHECKLIST_INCLUDE_ASSETS = True` (the default), the plugin
writes `reflection-checklists.css` and `reflection-checklists.js` into the output's theme
folder after each build, and every page with a checklist links them.
"""

import shutil
from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"
SCRIPT_SOURCES = ("storage.js", "checklist.js", "my-reflections.js")
STYLESHEET = "checklist.css"
FOLDER = "reflection-checklists"


def assets_url(settings):
    """Where pages link the files: root-relative unless SITEURL is set (a subpath site sets it)."""
    return f"{settings.get('SITEURL', '').rstrip('/')}/{settings.get('THEME_STATIC_DIR', 'theme')}/{FOLDER}"


def write_assets(output_path, theme_static_dir):
    folder = Path(output_path) / theme_static_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(STATIC_DIR / STYLESHEET, folder / "reflection-checklists.css")
    scripts = [(STATIC_DIR / name).read_text(encoding="utf-8") for name in (*SCRIPT_SOURCES, "init.js")]
    (folder / "reflection-checklists.js").write_text("\n".join(scripts), encoding="utf-8")
