"""`make edit`: the editor's command line. Starts the file backend, the live preview and the
editor's own address, prints that address, and stops all three with Ctrl+C.

    python -m tools.editor [--site .] [--settings pelicanconf.py] [--output output]
                           [--port 8001] [--preview-port 8000] [--preview-cache DIR] [--no-preview]

Port 0 picks a free port (the tests use it). Everything listens on 127.0.0.1 only.
"""

import argparse
import asyncio
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BACKEND = HERE / "backend.js"
HOST = "127.0.0.1"


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def port_taken(port):
    with socket.socket() as probe:
        try:
            probe.bind((HOST, port))
        except OSError:
            return True
    return False


def wait_for_port(port, process, what, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"The {what} stopped at start (exit {process.returncode}); see the lines above.")
        try:
            with socket.create_connection((HOST, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"The {what} did not start within {seconds} s.")


def start_backend(site, port, secret):
    node = shutil.which("node")
    if not node:
        raise SystemExit("The editor needs Node.js (the `node` command). Install it, then run make edit again.")
    if not (HERE / "node_modules" / "decap-server").is_dir():
        raise SystemExit("The editor's packages are not installed. Run `make edit`, which installs them.")
    environment = {**os.environ, "EDITOR_SITE": str(site), "EDITOR_SECRET": secret}
    return subprocess.Popen([node, str(BACKEND), str(port)], cwd=HERE, env=environment)


def start_preview(site, settings, output, port, cache=None):
    command = [sys.executable, "-m", "tools.devserver", "--settings", str(settings), "--content",
               str(site / "content"), "--output", str(output), "--port", str(port), "--bind", HOST,
               *(["--cache", str(cache)] if cache else [])]
    environment = {**os.environ, "PRACTICE_FILE": str(site / "practice.toml")}
    return subprocess.Popen(command, cwd=ROOT, env=environment)


def stop_if_one_stopped(children):
    """Without its file backend or its preview the editor would fail at the next save: stop it all."""
    for name, child in children.items():
        if child.poll() is not None:
            print(f"The {name} stopped (exit {child.returncode}); stopping the editor.", file=sys.stderr, flush=True)
            raise KeyboardInterrupt


def read_site_settings(settings, site):
    os.environ["PRACTICE_FILE"] = str(site / "practice.toml")
    sys.path.insert(0, str(ROOT / "plugins"))
    from tools.build import read_settings_plainly

    return read_settings_plainly(str(settings), {"PATH": str(site / "content")})


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=str(ROOT), help="the folder holding content/ and practice.toml")
    parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    parser.add_argument("--output", default=str(ROOT / "output"), help="where the live preview builds the site")
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--preview-port", type=int, default=8000)
    parser.add_argument("--preview-cache", help="the live preview's content cache (default: the devserver's)")
    parser.add_argument("--no-preview", action="store_true", help="no live preview (the devserver)")
    args = parser.parse_args(argv)
    site, settings = Path(args.site).resolve(), Path(args.settings).resolve()

    from tornado.netutil import bind_sockets

    from .config import decap_config
    from .server import Editor, make_app

    try:
        sockets = bind_sockets(args.port, address=HOST)
    except OSError as error:
        print(f"Cannot open the editor on {HOST}:{args.port} ({error.strerror}): another program uses that "
              f"port. Choose another, e.g. make edit EDIT_PORT={args.port + 1}", file=sys.stderr)
        return 1
    port = sockets[0].getsockname()[1]
    preview_port = None if args.no_preview else (args.preview_port or free_port())
    if preview_port and port_taken(preview_port):
        print(f"Cannot start the live preview on {HOST}:{preview_port}: another program uses that port "
              f"(a `make devserver` already running?). Stop it, or choose another, e.g. make edit "
              f"PORT={preview_port + 1}", file=sys.stderr)
        return 1
    preview_url = f"http://{HOST}:{preview_port}/" if preview_port else ""
    config_text = decap_config(read_site_settings(settings, site), preview_url)

    secret = secrets.token_urlsafe(32)
    backend_port = free_port()
    children = {"file backend": start_backend(site, backend_port, secret)}
    def stop(*_):
        raise KeyboardInterrupt

    # Ctrl+C stops everything even when the shell started us with SIGINT ignored (as a background job).
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, stop)
    try:
        wait_for_port(backend_port, children["file backend"], "file backend")
        if preview_port:
            children["live preview"] = start_preview(site, settings, Path(args.output).resolve(), preview_port,
                                                     args.preview_cache)
        editor = Editor(site, settings, port, backend_port, secret, config_text, preview_url)
        asyncio.set_event_loop(asyncio.new_event_loop())
        from tornado.httpserver import HTTPServer
        from tornado.ioloop import IOLoop, PeriodicCallback

        HTTPServer(make_app(editor), max_body_size=50 * 1024 * 1024).add_sockets(sockets)
        PeriodicCallback(lambda: stop_if_one_stopped(children), 1000).start()
        print(f"Editor: http://{HOST}:{port}/  (Ctrl+C to stop)", flush=True)
        if preview_url:
            print(f"Live preview of the site: {preview_url}", flush=True)
        print(f"Editing the files in {site / 'content'} and {site / 'practice.toml'}.", flush=True)
        IOLoop.current().start()
    except KeyboardInterrupt:
        pass
    finally:
        for child in children.values():
            if child.poll() is None:
                child.terminate()
        for child in children.values():
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
        print("Stopped the editor.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
