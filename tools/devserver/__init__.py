"""`make devserver`: serve the site while you write, rebuilt on save, the browser reloaded.

    python -m tools.devserver [--content content] [--output output] [--settings pelicanconf.py]
                              [--port 8000] [--bind 127.0.0.1]

Two steps after each save, so the page you are editing comes back quickly and
the whole site still ends exactly as `make html` writes it:

1. `fast_path.Rebuilder`: one long-lived Pelican with its content cache
   rewrites the saved file's own page (every page after a theme change, a
   fresh Pelican after a settings or plugin change); the browser reloads.
2. `full_check.FullCheck`: once saves pause, the real `make html` build runs
   into a staging folder, and every file that differs is copied over (files it
   no longer writes are removed); the browser reloads again if anything did.
   Home, category, tag and neighbour pages, the sitemap and the search index
   are brought in line here, so no rule about "which pages show what" can be
   wrong.

`watcher.watch` feeds saves to both; `server.make_server` serves the output with
livereload, production's security headers (deploy/_headers), the site's 404 page,
a Host check against DNS rebinding, an Origin check on the livereload socket and
an idle-connection timeout. `make html` is unaffected.
"""

from .fast_path import POST_PROCESSING_PLUGINS, Rebuilder
from .full_check import FullCheck
from .watcher import watch

__all__ = ["POST_PROCESSING_PLUGINS", "FullCheck", "Rebuilder", "watch"]
