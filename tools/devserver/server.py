"""Serving the output folder over HTTP with pretty URLs, the site's 404 page and livereload.

The devserver answers as production does, and only to its own address:

- every response carries the security headers of deploy/_headers (the `/*` block, which
  deploy/nginx-security-headers.conf repeats), read from that file at start; the one change is
  that the Content-Security-Policy's `connect-src` also allows the livereload socket,
  `ws://HOST:PORT` for the address the page came from, and nothing else;
- a request whose `Host` is not the devserver's own address (the bound address, `localhost`,
  `127.0.0.1`, `[::1]` with the port; when bound to 0.0.0.0 or ::, also this machine's names
  and addresses) gets 421, so a page on another site cannot reach it through DNS rebinding;
- the livereload socket only accepts the devserver's own origin (`http://HOST:PORT`);
- a connection that sends no complete request for `idle_timeout` seconds is closed, and an open
  livereload socket that stops answering pings is closed too (Tornado's public settings);
- a missing file gets the site's own 404 page (output/404.html) with status 404.
"""

import os
import socket
from pathlib import Path
from urllib.parse import urlsplit

RELOAD_SCRIPT = b'<script src="/livereload.js"></script>'
HEADERS_FILE = Path(__file__).resolve().parents[2] / "deploy" / "_headers"
LOCAL_NAMES = {"localhost", "127.0.0.1", "[::1]"}
ANY_ADDRESS = {"", "0.0.0.0", "::", "[::]"}
IDLE_TIMEOUT = 30.0  # seconds a connection may stay silent or half-sent
PING_INTERVAL = 10.0  # seconds between pings on a livereload socket
MAX_BODY = 64 * 1024  # the devserver only answers GET and HEAD; the socket's messages are tiny


def production_headers(path=HEADERS_FILE):
    """{name: value} of the headers deploy/_headers sends with every file (its `/*` block)."""
    rules, current = {}, None
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
        elif current is not None:
            name, _, value = line.strip().partition(":")
            current[name.strip()] = value.strip()
    headers = rules.get("/*", {})
    if "Content-Security-Policy" not in headers:
        raise ValueError(f"{path} has no Content-Security-Policy for /*")
    return headers


def with_livereload_socket(policy, host):
    """The policy with `ws://HOST` added to connect-src (the one thing livereload.js needs)."""
    socket_origin = f"ws://{host}"
    directives = [part.strip() for part in policy.split(";") if part.strip()]
    for number, directive in enumerate(directives):
        if directive.split()[0].lower() == "connect-src":
            sources = directive.split()[1:]
            if sources == ["'none'"]:
                sources = []
            directives[number] = " ".join(["connect-src", *sources, socket_origin])
            break
    else:  # no connect-src: default-src applied; keep it and add the socket
        default = next((d.split()[1:] for d in directives if d.split()[0].lower() == "default-src"), ["'self'"])
        directives.append(" ".join(["connect-src", *[s for s in default if s != "'none'"], socket_origin]))
    return "; ".join(directives)


def _bracketed(address):
    return f"[{address}]" if ":" in address and not address.startswith("[") else address


def machine_addresses():
    """This machine's host names and interface addresses (IPv6 in brackets), as a browser writes them."""
    names = set()
    for name in {socket.gethostname(), socket.getfqdn()}:
        if not name:
            continue
        names.add(name.lower())
        try:
            names.update(_bracketed(info[4][0].split("%")[0]) for info in socket.getaddrinfo(name, None))
        except OSError:
            pass
    try:  # Linux: every interface's IPv4 address (ioctl SIOCGIFADDR) and IPv6 addresses
        import fcntl
        import struct

        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            for _, interface in socket.if_nameindex():
                try:
                    packed = fcntl.ioctl(probe.fileno(), 0x8915, struct.pack("256s", interface.encode()[:15]))
                except OSError:
                    continue  # no IPv4 address on this interface
                names.add(socket.inet_ntoa(packed[20:24]))
    except (ImportError, OSError, AttributeError):
        pass
    try:
        with open("/proc/net/if_inet6", encoding="ascii") as handle:
            for line in handle:
                digits = line.split()[0]
                names.add(_bracketed(socket.inet_ntop(socket.AF_INET6, bytes.fromhex(digits))))
    except (OSError, ValueError):
        pass
    return names


def allowed_hosts(bind, port):
    """Every `Host` header value the devserver answers: its own addresses, with the port."""
    names = set(LOCAL_NAMES)
    if bind:
        names.add(_bracketed(bind).lower())  # 0.0.0.0 too: the address the start-up line prints
    if bind in ANY_ADDRESS:
        names |= machine_addresses()
    hosts = {f"{name}:{port}" for name in names}
    if port == 80:
        hosts |= names  # browsers leave the default port out
    return {host.lower() for host in hosts}


def make_app(output, port, bind="127.0.0.1", headers=None, live_reload=True):
    """A tornado app serving `output` with pretty URLs, our 404 page and (unless `live_reload`
    is False, as for `make serve`) livereload."""
    from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler, StaticFileHandler
    from livereload.server import LiveScriptInjector
    from tornado import web

    headers = dict(production_headers() if headers is None else headers)
    policy = headers.pop("Content-Security-Policy")
    hosts = allowed_hosts(bind, port)
    own = f"{_bracketed(bind) if bind not in ANY_ADDRESS else '127.0.0.1'}:{port}"

    class Watcher:  # LiveReloadHandler logs its watcher's last file
        filepath = None

    LiveReloadHandler.watcher = Watcher()
    LiveReloadHandler.live_css = True

    class Inject(LiveScriptInjector):
        script = RELOAD_SCRIPT

    class Guarded:
        """Production's security headers on every response; other hosts get 421."""

        def host_allowed(self):
            return self.request.host.lower() in hosts

        def set_default_headers(self):
            for name, value in headers.items():
                self.set_header(name, value)
            host = self.request.host.lower() if self.host_allowed() else own
            self.set_header("Content-Security-Policy", with_livereload_socket(policy, host))

        def prepare(self):
            if not self.host_allowed():
                raise web.HTTPError(421)

        def write_error(self, status_code, **kwargs):
            if status_code == 421:
                self.set_header("Content-Type", "text/plain; charset=UTF-8")
                self.finish(f"421 Misdirected Request: this devserver only answers http://{own}/ "
                            f"(or localhost), not {self.request.host!r}.\n")
            else:
                super().write_error(status_code, **kwargs)

    class Socket(Guarded, LiveReloadHandler):
        def check_origin(self, origin):
            """Only pages the devserver served may connect (livereload's own check allows any)."""
            parts = urlsplit(origin)
            return self.host_allowed() and parts.scheme == "http" and parts.netloc.lower() == self.request.host.lower()

    class Script(Guarded, LiveReloadJSHandler):
        pass

    class SiteHandler(Guarded, StaticFileHandler):
        def write_error(self, status_code, **kwargs):
            page = os.path.join(output, "404.html")
            if status_code == 404 and os.path.isfile(page):
                self.set_header("Content-Type", "text/html; charset=UTF-8")
                with open(page, "rb") as handle:
                    self.finish(handle.read())  # Inject adds the livereload script, as on every page
            else:
                super().write_error(status_code, **kwargs)

    class Unknown(Guarded, web.RequestHandler):
        """A request target that is not a path (`GET http://other/`, `OPTIONS *`): the same headers,
        the same host check, then 404."""

        def prepare(self):
            super().prepare()
            raise web.HTTPError(404)

    reload_routes = [(r"/livereload", Socket), (r"/livereload.js", Script)] if live_reload else []
    return web.Application(
        [
            *reload_routes,
            (r"/(.*)", SiteHandler, {"path": output, "default_filename": "index.html"}),
        ],
        transforms=[Inject] if live_reload else [],
        default_handler_class=Unknown,
        websocket_ping_interval=PING_INTERVAL,
        websocket_ping_timeout=3 * PING_INTERVAL,
        websocket_max_message_size=MAX_BODY,
    )


def make_server(output, port, bind="127.0.0.1", idle_timeout=IDLE_TIMEOUT, live_reload=True):
    """The HTTP server: silent or half-sent connections are closed after `idle_timeout` seconds."""
    from tornado.httpserver import HTTPServer

    return HTTPServer(make_app(output, port, bind, live_reload=live_reload), idle_connection_timeout=idle_timeout,
                      body_timeout=idle_timeout, max_body_size=MAX_BODY)


def reload_browsers():
    from livereload.handlers import LiveReloadHandler

    LiveReloadHandler.reload_waiters("*")
