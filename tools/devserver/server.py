"""Serving the output folder over HTTP with pretty URLs, the site's 404 page and livereload."""

import os

RELOAD_SCRIPT = b'<script src="/livereload.js"></script>'


def make_app(output):
    """A tornado app serving `output` with pretty URLs, our 404 page and livereload."""
    from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler, StaticFileHandler
    from livereload.server import LiveScriptInjector
    from tornado import web

    class Watcher:  # LiveReloadHandler logs its watcher's last file
        filepath = None

    LiveReloadHandler.watcher = Watcher()
    LiveReloadHandler.live_css = True

    class Inject(LiveScriptInjector):
        script = RELOAD_SCRIPT

    class SiteHandler(StaticFileHandler):
        def write_error(self, status_code, **kwargs):
            page = os.path.join(output, "404.html")
            if status_code == 404 and os.path.isfile(page):
                self.set_header("Content-Type", "text/html; charset=UTF-8")
                with open(page, "rb") as handle:
                    self.finish(handle.read().replace(b"</head>", RELOAD_SCRIPT + b"</head>", 1))
            else:
                super().write_error(status_code, **kwargs)

    return web.Application(
        [
            (r"/livereload", LiveReloadHandler),
            (r"/livereload.js", LiveReloadJSHandler),
            (r"/(.*)", SiteHandler, {"path": output, "default_filename": "index.html"}),
        ],
        transforms=[Inject],
    )


def reload_browsers():
    from livereload.handlers import LiveReloadHandler

    LiveReloadHandler.reload_waiters("*")
