"""The editor's one address on 127.0.0.1: its page, Decap CMS's files, the file backend behind
a guard, and the build's word on each save.

    /               the editor page (page/index.html)
    /config.yml     Decap's configuration (config.py fills in this site's categories)
    /editor/...     this project's scripts and styles for the editor (page/)
    /decap/...      Decap CMS's own built files, from the npm package in node_modules
    /api/v1         the file backend (decap-server, backend.js), through guard.py's checks
    /editor/check   POST after a save: what the site's build says about the saved file

Every response carries a Content-Security-Policy that lets the page load and fetch from this
address only. A request for another Host gets 421; a POST from any other page gets 403.
"""

import asyncio
import html
import json
import mimetypes
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tornado import httpclient, web

from . import check, guard

PAGE = Path(__file__).resolve().parent / "page"
DECAP_DIST = Path(__file__).resolve().parent / "node_modules" / "decap-cms" / "dist"
MAX_BODY = 50 * 1024 * 1024  # decap-server's own limit; an image travels inside the JSON

# Scripts, fetches, fonts and frames come from this address only. Decap needs two allowances:
# 'unsafe-eval', as it checks its configuration with Ajv, which compiles each schema with
# `new Function`; and 'unsafe-inline' for styles, as its React styles are <style> elements
# (emotion). Every script it could run is still one of the files this server sends.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self'; connect-src 'self' blob:; media-src 'self'; worker-src 'self'; frame-src 'self'; "
    "manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}

mimetypes.add_type("text/javascript", ".mjs")


class Editor:
    """What the handlers share: the site, the backend's address and secret, the last save."""

    def __init__(self, site, settings_file, port, backend_port, secret, config_text, preview_url=""):
        self.site = Path(site).resolve()
        self.settings_file = Path(settings_file).resolve()
        self.port = port
        self.backend = f"http://127.0.0.1:{backend_port}/api/v1"
        self.secret = secret
        self.config_text = config_text
        self.preview_url = preview_url
        self.saved = []  # the files the last save wrote
        self.checks = ThreadPoolExecutor(max_workers=1)  # one build at a time


class Guarded(web.RequestHandler):
    def initialize(self, editor):
        self.editor = editor

    def set_default_headers(self):
        for name, value in HEADERS.items():
            self.set_header(name, value)

    refused = False

    def prepare(self):
        refusal = guard.host_refusal(self.request.host, self.editor.port)
        if refusal:
            self.refuse(421, refusal)

    def refuse(self, status, message):
        self.refused = True
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=UTF-8")
        self.finish(json.dumps({"error": f"Refused: {message}"}))

    def from_own_page(self):
        refusal = guard.origin_refusal(self.request.headers, self.request.host)
        if refusal:
            self.refuse(403, refusal)
            return False
        return True

    def json_body(self):
        if self.request.headers.get("Content-Type", "").split(";")[0].strip() != "application/json":
            self.refuse(415, "send JSON.")
            return None
        try:
            return json.loads(self.request.body or b"null")
        except ValueError:
            self.refuse(400, "the request is not valid JSON.")
            return None


class PageHandler(Guarded):
    def get(self):
        page = (PAGE / "index.html").read_text(encoding="utf-8")
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.finish(page.replace("{{ preview_url }}", html.escape(self.editor.preview_url, quote=True)))


class ConfigHandler(Guarded):
    def get(self):
        self.set_header("Content-Type", "text/yaml; charset=UTF-8")
        self.finish(self.editor.config_text)


class FilesHandler(Guarded, web.StaticFileHandler):
    def initialize(self, editor, path):
        Guarded.initialize(self, editor)
        web.StaticFileHandler.initialize(self, path)

    def set_extra_headers(self, path):
        self.set_header("Cache-Control", "no-store")


class BackendHandler(Guarded):
    """decap-server's API, for the editor's page only, on the site's content only."""

    async def post(self):
        if not self.from_own_page():
            return
        body = self.json_body()
        if self.refused:
            return
        refusal = guard.request_refusal(str(self.editor.site), body)
        if refusal:
            self.refuse(403, refusal)
            return
        request = httpclient.HTTPRequest(
            self.editor.backend, method="POST", body=self.request.body, request_timeout=120,
            headers={"Content-Type": "application/json", "X-Editor-Secret": self.editor.secret})
        response = await httpclient.AsyncHTTPClient().fetch(request, raise_error=False)
        if response.code == 200:
            saved = guard.saved_paths(body)
            if saved:
                self.editor.saved = saved
        self.set_status(response.code if response.code >= 200 else 502)
        self.set_header("Content-Type", "application/json; charset=UTF-8")
        self.finish(response.body or b"{}")


class CheckHandler(Guarded):
    """The build's messages about the last saved file (runs the build; takes a few seconds)."""

    async def post(self):
        if not self.from_own_page():
            return
        paths = list(self.editor.saved)
        if not paths:
            self.finish({"paths": [], "ok": True, "messages": [], "other_problems": 0, "failed": False})
            return
        loop = asyncio.get_running_loop()
        result = await loop.run_in_executor(self.editor.checks, check.check, self.editor.settings_file,
                                            self.editor.site, paths)
        self.finish(result.as_json())


class Unknown(Guarded):
    def prepare(self):
        super().prepare()
        if not self.refused:
            raise web.HTTPError(404)


def make_app(editor):
    shared = {"editor": editor}
    return web.Application([
        (r"/", PageHandler, shared),
        (r"/config\.yml", ConfigHandler, shared),
        (r"/api/v1", BackendHandler, shared),
        (r"/editor/check", CheckHandler, shared),
        (r"/editor/(.*)", FilesHandler, {**shared, "path": str(PAGE)}),
        (r"/decap/(.*)", FilesHandler, {**shared, "path": str(DECAP_DIST)}),
    ], default_handler_class=Unknown, default_handler_args=shared)
