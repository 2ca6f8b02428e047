"""`make serve PORT=...` builds the site and serves it at that port, as production would: the
security headers, the site's 404 page, a plain message when the port is taken, and the address
a phone can open when asked to serve the whole network. Run on the product's test site (tests/site)."""

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from tests.conftest import ROOT, site_make_env

pytestmark = pytest.mark.slow  # each runs `make` and a server: `make test` only


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    output = tmp_path_factory.mktemp("serve") / "out"
    subprocess.run(["make", "-s", "html", f"OUTPUTDIR={output}"], cwd=ROOT, check=True, capture_output=True, timeout=300,
                   env=site_make_env())
    return output


def start(output, port, *options):
    # `make serve` builds first; the module's build is reused (the output is up to date).
    return subprocess.Popen(["make", "-s", "serve", f"PORT={port}", f"OUTPUTDIR={output}", *options],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True, env=site_make_env())


def wait_for(server, url):
    deadline = time.monotonic() + 120
    while True:
        try:
            return urllib.request.urlopen(url, timeout=5)
        except urllib.error.HTTPError as error:
            return error
        except OSError:
            assert server.poll() is None, server.stdout.read()
            assert time.monotonic() < deadline, "make serve did not answer in time"
            time.sleep(0.5)


def stop(server):
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)
    return server.stdout.read()


def test_make_serve_serves_the_built_site_with_production_headers_and_its_404_page(built):
    port = free_port()
    server = start(built, port)
    try:
        with wait_for(server, f"http://127.0.0.1:{port}/what-trust-is/") as response:
            page = response.read().decode()
            assert "default-src 'self'" in response.headers["Content-Security-Policy"]
        assert "What trust is" in page and "Exit this page" in page and "livereload" not in page
        missing = wait_for(server, f"http://127.0.0.1:{port}/no-such-page/")
        assert missing.code == 404 and "Exit this page" in missing.read().decode()
    finally:
        stop(server)


def test_a_taken_port_stops_with_a_message_and_a_non_zero_exit(built):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(["make", "-s", "serve", f"PORT={port}", f"OUTPUTDIR={built}"], cwd=ROOT,
                                capture_output=True, text=True, timeout=300, env=site_make_env())
    assert result.returncode != 0
    assert f"make serve PORT={port + 1}" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_serving_the_whole_network_prints_an_address_a_phone_can_open(built):
    port = free_port()
    server = start(built, port, "BIND=0.0.0.0")
    try:
        wait_for(server, f"http://127.0.0.1:{port}/").close()
    finally:
        said = stop(server)
    assert "0.0.0.0" not in said.split("Open:", 1)[1]
    assert f"http://127.0.0.1:{port}/ (this computer)" in said
