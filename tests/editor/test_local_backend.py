"""The running editor's file backend refuses what is not the editor's own page writing the site's
content: another page's request (sent by a real browser from another local address, and by
hand with a foreign Origin or Host), a path outside content/, and the backend reached directly."""

import http.server
import json
import threading
import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.editor


def persist(path, text="Title: X\n\nText.\n"):
    """A save as Decap's proxy backend sends it."""
    return {"action": "persistEntry", "params": {
        "branch": "main", "dataFiles": [{"slug": "x", "path": path, "raw": text}], "assets": [],
        "options": {"collectionName": "articles", "commitMessage": "x", "useWorkflow": False, "status": "draft"}}}


def post(url, body, headers):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", **headers})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def test_the_editors_own_page_may_write_inside_content(editor):
    status, _ = post(editor.url + "api/v1", persist("content/articles/zz-allowed.md"), {"Origin": editor.origin})
    assert status == 200 and (editor.site / "content" / "articles" / "zz-allowed.md").read_text() == "Title: X\n\nText.\n"
    (editor.site / "content" / "articles" / "zz-allowed.md").unlink()


@pytest.mark.parametrize("headers", [
    {"Origin": "http://evil.example"},
    {"Origin": "http://127.0.0.1:1"},   # another page on this computer
    {},                                  # no Origin at all
])
def test_a_write_from_any_other_page_is_refused(editor, headers):
    status, answer = post(editor.url + "api/v1", persist("content/articles/zz-foreign.md"), headers)
    assert status == 403 and "only the editor's own page may read or change" in answer["error"]
    assert not (editor.site / "content" / "articles" / "zz-foreign.md").exists()


def test_a_request_for_another_host_is_refused(editor):
    # A site whose DNS name now points at 127.0.0.1 sends its own name as Host.
    status, answer = post(editor.url + "api/v1", persist("content/articles/zz-host.md"),
                          {"Host": "rebound.example", "Origin": "http://rebound.example"})
    assert status == 421 and "only answers" in answer["error"]
    assert not (editor.site / "content" / "articles" / "zz-host.md").exists()


@pytest.mark.parametrize("path", ["Makefile", "content/../pelicanconf.py", "../outside.md", "content/../../outside.md"])
def test_a_path_outside_content_is_refused_even_from_the_editors_page(editor, path):
    status, answer = post(editor.url + "api/v1", persist(path, "all:\n\techo hacked\n"), {"Origin": editor.origin})
    assert status == 403 and "outside content/" in answer["error"]
    assert not (editor.site / "Makefile").exists() and not (editor.site.parent / "outside.md").exists()
    assert not (editor.site / "pelicanconf.py").exists()


def test_the_backend_itself_answers_nobody_but_the_editor(editor):
    # decap-server's port is on 127.0.0.1 too; without the editor's secret for this run it writes nothing.
    status, answer = post(f"http://127.0.0.1:{editor.backend_port}/api/v1", persist("content/articles/zz-direct.md"),
                          {"Origin": editor.origin})
    assert status == 403 and not (editor.site / "content" / "articles" / "zz-direct.md").exists()


class OtherSite(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<!doctype html><title>Another site</title><p>Some other page.</p>")

    def log_message(self, *args):
        pass


def test_a_page_open_in_another_tab_cannot_write_through_the_editor(editor, page):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), OtherSite)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
        body = json.dumps(persist("content/articles/zz-tab.md"))
        # A form-like request needs no permission from the editor; its answer is opaque to the page.
        page.evaluate("""([url, body]) => fetch(url, {method: 'POST', mode: 'no-cors', body,
                          headers: {'Content-Type': 'text/plain'}}).catch(() => null)""", [editor.url + "api/v1", body])
        # A JSON request needs the editor's permission (CORS), which it never gives.
        refused = page.evaluate("""([url, body]) => fetch(url, {method: 'POST', body,
                          headers: {'Content-Type': 'application/json'}}).then(() => false, () => true)""",
                                [editor.url + "api/v1", body])
        assert refused
        assert not (editor.site / "content" / "articles" / "zz-tab.md").exists()
    finally:
        server.shutdown()
