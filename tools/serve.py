"""Serve the built site (`make serve`): production's headers, the site's 404 page, no reload.

    python -m tools.serve --output output [--port 8000] [--bind 127.0.0.1]

A port already in use stops with a plain message and a non-zero exit. Bound to every
address (`BIND=0.0.0.0`, to try the site on a phone on the same network), it prints the
addresses a phone can open, not 0.0.0.0.
"""

import argparse
import asyncio
import sys

from tools.devserver.server import ANY_ADDRESS, machine_addresses, make_server


def addresses_to_open(bind, port):
    if bind not in ANY_ADDRESS:
        return [f"http://{bind}:{port}/"]
    # IPv4 addresses a phone on the same network can reach; loopback only works on this machine.
    found = sorted(address for address in machine_addresses()
                   if address.count(".") == 3 and address.replace(".", "").isdigit() and not address.startswith("127."))
    return [f"http://{address}:{port}/" for address in found] + [f"http://127.0.0.1:{port}/ (this computer)"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default="output")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--bind", default="127.0.0.1")
    args = parser.parse_args(argv)

    from tornado.ioloop import IOLoop
    from tornado.netutil import bind_sockets

    try:
        sockets = bind_sockets(args.port, address=args.bind)
    except OSError as error:
        print(f"Cannot serve on {args.bind}:{args.port} ({error.strerror}): another program is using that "
              f"port. Choose another one, e.g. make serve PORT={args.port + 1}", file=sys.stderr)
        return 1
    port = sockets[0].getsockname()[1]
    asyncio.set_event_loop(asyncio.new_event_loop())
    make_server(args.output, port, args.bind, live_reload=False).add_sockets(sockets)
    print("Serving the site (Ctrl+C to stop). Open:", *[f"  {url}" for url in addresses_to_open(args.bind, port)],
          sep="\n", flush=True)
    try:
        IOLoop.current().start()
    except KeyboardInterrupt:
        print("Stopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
