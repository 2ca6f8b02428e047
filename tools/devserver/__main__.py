"""The devserver's command line: build, serve, watch (see tools/devserver/__init__.py)."""

import argparse
import asyncio
import logging
import os
import sys
import threading
import time

from pelican.log import init as init_logging

from . import FullCheck, Rebuilder, watch
from .server import IDLE_TIMEOUT, make_server, reload_browsers
from .watcher import settings_files


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--content", default="content")
    parser.add_argument("--output", default="output")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--cache", help="content cache folder (default: cache/devserver next to the settings)")
    parser.add_argument("--idle-timeout", type=float, default=IDLE_TIMEOUT,
                        help=f"close a connection silent or half-sent for this many seconds (default {IDLE_TIMEOUT:g})")
    args = parser.parse_args(argv)

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-8s %(message)s"))
    init_logging(level=logging.WARNING, handler=handler)
    logging.getLogger("tornado.access").setLevel(logging.ERROR)

    from tornado.ioloop import IOLoop
    from tornado.netutil import bind_sockets

    loop_holder = {}

    def reload():
        loop = loop_holder.get("loop")
        if loop is not None:
            loop.add_callback(reload_browsers)

    def announce(result):
        print(f"{time.strftime('%H:%M:%S')} {result.summary()}", flush=True)
        if result.kind != "failed":
            reload()

    def checked(check):
        if check.output.strip() and not check.ok:
            print(check.output.rstrip(), flush=True)
        print(f"{time.strftime('%H:%M:%S')} {check.summary()}", flush=True)
        if any(name.endswith((".html", ".css", ".js")) for name in check.updated):
            reload()

    try:
        sockets = bind_sockets(args.port, address=args.bind)
    except OSError as error:
        print(f"Cannot serve on {args.bind}:{args.port} ({error.strerror}). Choose another port, "
              f"e.g. make devserver PORT={args.port + 1}", file=sys.stderr)
        return 1
    port = sockets[0].getsockname()[1]

    rebuilder = Rebuilder(args.settings, args.content, args.output, cache_dir=args.cache, on_rebuilt=announce)
    full_check = FullCheck(args.settings, args.content, args.output, rebuilder.lock, on_checked=checked)
    print("Building the whole site first...", flush=True)
    rebuilder.build_all()
    full_check.schedule()  # the sitemap and the search index come from the full build

    asyncio.set_event_loop(asyncio.new_event_loop())
    loop = IOLoop.current()
    make_server(rebuilder.output, port, args.bind, idle_timeout=args.idle_timeout).add_sockets(sockets)
    loop_holder["loop"] = loop
    watched = [*rebuilder.watched(), *(path for path in settings_files(rebuilder.settings_file) if os.path.isfile(path))]
    print(f"Serving on http://{args.bind}:{port}/ (Ctrl+C to stop). Watching "
          + ", ".join(os.path.relpath(path) for path in watched[:-1]) + f" and {os.path.relpath(watched[-1])}.",
          flush=True)

    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(rebuilder, stop, full_check.schedule), name="watch", daemon=True)
    watcher.start()
    try:
        loop.start()
    except KeyboardInterrupt:
        print("\nStopped.")
    finally:
        stop.set()
        full_check.close()
        rebuilder.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
