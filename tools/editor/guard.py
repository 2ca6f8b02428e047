"""What the editor lets through to the files: its own page only, and the site's content only.

Pure functions, no server: tools/editor/server.py asks them about every request.

- A request must name the editor's own address in `Host` (so a site that points its DNS name
  at 127.0.0.1 gets nothing), and a request that changes anything must come from the editor's
  own page (`Origin`, and `Sec-Fetch-Site` where the browser sends it): a page the therapist
  has open in another tab cannot save, delete or read a file through the editor.
- Every path a backend request names must lead, once `..` and symbolic links are resolved,
  into the site's content folder, or be the practice file itself.
"""

import os

# decap-server's file-system backend knows these actions; the editor needs no other.
ACTIONS = {
    "info", "entriesByFolder", "entriesByFiles", "getEntry", "persistEntry", "getMedia", "getMediaFile",
    "persistMedia", "deleteFile", "deleteFiles", "getDeployPreview",
}
CONTENT = "content"
PRACTICE_FILE = "practice.toml"


def own_hosts(port):
    return {f"127.0.0.1:{port}", f"localhost:{port}"}


def host_refusal(host, port):
    """Why a request with this `Host` header is refused, or None."""
    if (host or "").lower() in own_hosts(port):
        return None
    return (f"this editor only answers http://127.0.0.1:{port}/, not {host!r}. Open the address "
            "`make edit` printed.")


def origin_refusal(headers, host):
    """Why a request that changes something is refused, or None (`headers`: a mapping)."""
    origin = headers.get("Origin")
    if origin != f"http://{host}":
        return (f"only the editor's own page may read or change the site's files; this request came from "
                f"{origin or 'no page'!r}. Nothing was changed.")
    site = headers.get("Sec-Fetch-Site")
    if site not in (None, "same-origin"):
        return (f"only the editor's own page may read or change the site's files; the browser says this "
                f"request is {site!r}. Nothing was changed.")
    return None


def _paths(value, key=""):
    """Every path a backend request names: `path`, `newPath`, `folder`, `mediaFolder`, `paths`,
    at any depth of its parameters."""
    if isinstance(value, dict):
        for name, item in value.items():
            yield from _paths(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from _paths(item, key)
    elif key in ("path", "newPath", "folder", "mediaFolder", "paths"):
        yield value


def within(path, folder):
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def path_refusal(site, path):
    """Why the editor may not read or write `path` (relative to the site folder), or None.

    Allowed: anything inside content/ and the practice file. `..` and symbolic links are
    resolved first, so neither leads anywhere else.
    """
    if not isinstance(path, str) or not path or "\0" in path or os.path.isabs(path):
        return f"{path!r} is not a path inside the site's folder."
    site = os.path.realpath(site)
    resolved = os.path.realpath(os.path.join(site, path))
    if within(resolved, os.path.realpath(os.path.join(site, CONTENT))):
        return None
    if resolved == os.path.realpath(os.path.join(site, PRACTICE_FILE)):
        return None
    return (f"{path!r} is outside {CONTENT}/: the editor only reads and writes the site's content "
            f"and {PRACTICE_FILE}.")


def request_refusal(site, body):
    """Why a backend request (decoded JSON) is refused, or None."""
    if not isinstance(body, dict) or body.get("action") not in ACTIONS:
        action = body.get("action") if isinstance(body, dict) else None
        return f"the editor does not do {action!r}."
    for path in _paths(body.get("params") or {}):
        refusal = path_refusal(site, path)
        if refusal:
            return refusal
    return None


def saved_paths(body):
    """The files a `persistEntry` request writes (after any rename), relative to the site."""
    if body.get("action") != "persistEntry":
        return []
    params = body.get("params") or {}
    files = params.get("dataFiles") or [params.get("entry") or {}]
    return [item.get("newPath") or item.get("path") for item in files if item.get("newPath") or item.get("path")]
