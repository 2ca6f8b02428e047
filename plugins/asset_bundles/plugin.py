"""The theme's stylesheet and scripts: each bundle is one minified, fingerprinted file.

`ASSET_BUNDLES` names each bundle's entry file under `ASSET_SOURCE_PATH` (theme/assets). esbuild
(installed from npm at the version package-lock.json pins; the Makefile installs it) follows the
entry's imports (`@import` in CSS, `import` in the ES modules), so one request brings a page
everything it needs and nothing leaks onto `window`: the bundle is an ES module. `ASSET_ALIASES`
maps a bare import name to a folder: `reflection-checklists/checklist.js` is the checklist
package's own module, wherever pip installed it.

Each file is written as `<entry's folder>/<entry's name>.<8 hex digits of its sha256>.<ext>`
into the theme's output folder, once per build (a language's sub-site writes the same bytes
to the same place), its earlier versions removed, and templates read its URL from ASSET_URLS:
`{{ SITEURL }}/{{ ASSET_URLS.css }}`.
"""

import hashlib
import posixpath
import re
import subprocess
import tempfile
from pathlib import Path

from pelican import signals

from site_errors import OwnerError


class AssetBundleError(OwnerError):
    """esbuild is missing, or a stylesheet or script cannot be bundled."""


def esbuild_command(settings, entries, outdir):
    command = [settings.get("ESBUILD", "esbuild"), *entries, "--bundle", "--minify", "--format=esm",
               "--charset=utf8", "--legal-comments=none", "--log-level=error", f"--outdir={outdir}",
               "--outbase=."]
    command += [f"--alias:{name}={folder}" for name, folder in settings.get("ASSET_ALIASES", {}).items()]
    return command


def run_esbuild(settings, entries, outdir):
    source = Path(settings["ASSET_SOURCE_PATH"])
    try:
        result = subprocess.run(esbuild_command(settings, entries, outdir), cwd=source,
                                capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise AssetBundleError(
            f"esbuild is not installed ({settings.get('ESBUILD', 'esbuild')}): it bundles the theme's "
            "stylesheet and scripts. `make html` installs it (npm ci --omit=dev, once).") from None
    if result.returncode != 0:
        raise AssetBundleError(f"The theme's stylesheet or scripts in {source} could not be bundled:\n"
                               f"{result.stderr.strip()}")


def build_bundles(settings):
    """Write every bundle; return {name: URL path under the main site's root}."""
    bundles = settings.get("ASSET_BUNDLES", {})
    theme_folder = Path(settings["OUTPUT_PATH"]) / settings["THEME_STATIC_DIR"]
    # A language's sub-site has THEME_STATIC_DIR "../theme" (pelican-i18n-subsites): its pages link
    # the main site's copy through main_siteurl, so its URLs are the main site's.
    theme_url = re.sub(r"^(\.\./)+", "", posixpath.normpath(settings["THEME_STATIC_DIR"]))
    urls = {}
    with tempfile.TemporaryDirectory() as outdir:
        run_esbuild(settings, [f"./{entry}" for entry in bundles.values()], outdir)
        for name, entry in bundles.items():
            built = Path(outdir, entry).read_bytes()
            stem, extension = posixpath.splitext(entry)
            target = f"{stem}.{hashlib.sha256(built).hexdigest()[:8]}{extension}"
            path = theme_folder / target
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(built)
            remove_older(path, stem, extension)
            urls[name] = f"{theme_url}/{target}"
    return urls


def remove_older(path, stem, extension):
    """The bundle's earlier versions, which `make html` (it keeps its output folder) would
    otherwise leave beside the new one, build after build."""
    earlier = re.compile(rf"{re.escape(posixpath.basename(stem))}\.[0-9a-f]{{8}}{re.escape(extension)}")
    for other in path.parent.iterdir():
        if other != path and earlier.fullmatch(other.name):
            other.unlink()


def resolve_bundles(generators):
    settings = generators[0].settings
    if not settings.get("ASSET_BUNDLES"):
        return
    urls = build_bundles(settings)
    for generator in generators:
        if hasattr(generator, "env"):
            generator.env.globals["ASSET_URLS"] = urls


def register():
    # After the output folder is emptied (publish) and before any page is written.
    signals.all_generators_finalized.connect(resolve_bundles)
