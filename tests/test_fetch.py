"""Fetching URLs (articles/ingest/fetch.py): no way into internal addresses (SSRF), and a deadline for the whole fetch.

Real HTTP servers run on 127.0.0.1 in threads; names the tests invent (news.example) resolve through a patched
socket.getaddrinfo, so nothing here leaves the machine.
"""

import html
import shutil
import socket
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.urls import reverse

from articles import collect
from articles.ingest import fetch as fetching
from articles.ingest import formats
from articles.ingest.fetch import InputError, allowed_hosts, fetch, not_public
from articles.models import Article

PAGE = b"""<!doctype html><html><head><title>Lighthouse keeper retires</title></head><body><article>
<h1>Lighthouse keeper retires</h1>
<p>After forty years the keeper of the north light, Ada Lorne, handed over the keys on Sunday morning.</p>
<p>"I will miss the storms more than anything," said Ada Lorne, standing on the gallery of the tower.</p>
<p>The light will be automated next spring, the harbour board said in a statement on Friday.</p>
</article></body></html>"""


# --- Servers and names ---------------------------------------------------------------------------


class Site(BaseHTTPRequestHandler):
    """Answers from server.routes: path -> (status, headers, body); a header given as None is left out.
    Every request is recorded in server.seen as (path, Host header, User-Agent)."""

    def do_GET(self):
        self.server.seen.append((self.path, self.headers.get("Host"), self.headers.get("User-Agent")))
        status, headers, body = self.server.routes.get(self.path, (404, {}, b"not here"))
        self.send_response(status)
        headers = {"Content-Length": str(len(body)), **headers}
        for name, value in headers.items():
            if value is not None:
                self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class TrickleBody(Site):
    """Headers promptly, then one byte every half second, forever."""

    def do_GET(self):
        self.server.seen.append((self.path, self.headers.get("Host"), self.headers.get("User-Agent")))
        self.send_response(200)
        self.send_header("Content-Length", "100000")
        self.end_headers()
        _trickle(self)


class TrickleHeaders(Site):
    """A status line, then a header one byte every half second, forever."""

    def do_GET(self):
        self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
        _trickle(self)


def _trickle(handler):
    while not handler.server.stop.is_set():
        try:
            handler.wfile.write(b"a")
        except OSError:  # the client gave up
            return
        handler.server.stop.wait(0.5)


class NoStatusLine(Site):
    """Reads the request, then closes without a word, or says something that isn't HTTP (server.reply)."""

    def do_GET(self):
        self.server.seen.append((self.path, self.headers.get("Host"), self.headers.get("User-Agent")))
        if self.server.reply:
            self.wfile.write(self.server.reply)
        self.close_connection = True


@pytest.fixture
def web():
    """start(routes, handler=Site) -> a running server on 127.0.0.1; all are stopped after the test."""
    servers = []

    def start(routes=None, handler=Site, reply=b""):
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.routes, server.seen, server.reply, server.stop = routes or {}, [], reply, threading.Event()
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop.set()
        server.shutdown()
        server.server_close()


def at(server, path="/", host="127.0.0.1", scheme="http") -> str:
    return f"{scheme}://{host}:{server.server_port}{path}"


@pytest.fixture
def dns(monkeypatch):
    """dns.answers[name] = [answer, …]: each look-up of name takes the next answer (the last one repeats);
    an answer is an address or a tuple of addresses. dns.calls lists the names looked up."""
    real = socket.getaddrinfo

    class Resolver:
        answers: dict = {}
        calls: list = []

        def __call__(self, host, port, *args, **kwargs):
            if host not in self.answers:
                return real(host, port, *args, **kwargs)
            self.calls.append(host)
            queue = self.answers[host]
            answer = queue.pop(0) if len(queue) > 1 else queue[0]
            addresses = (answer,) if isinstance(answer, str) else answer
            return [info for address in addresses for info in real(address, port, *args, **kwargs)]

    resolver = Resolver()
    resolver.answers, resolver.calls = {}, []
    monkeypatch.setattr(fetching.socket, "getaddrinfo", resolver)
    return resolver


@pytest.fixture(autouse=True)
def fetch_settings(settings):
    """The defaults (nothing internal allowed), with a short deadline so a hang fails fast."""
    settings.FETCH_ALLOWED_HOSTS = []
    settings.FETCH_DEADLINE = 5
    return settings


def refusal(url: str) -> str:
    with pytest.raises(InputError) as exc:
        fetch(url)
    return str(exc.value)


def within(seconds: float, function, *args):
    """function(*args) run in a thread that must return (or raise) within seconds; its result or exception."""
    outcome = {}

    def run():
        try:
            outcome["value"] = function(*args)
        except BaseException as exc:  # handed to the test's thread
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still fetching after {seconds} s"
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


# --- Internal addresses are refused ---------------------------------------------------------------


def test_loopback_url_is_refused_by_default(web):
    server = web({"/x": (200, {}, PAGE)})
    assert refusal(at(server, "/x")) == (
        "refused: 127.0.0.1 is a loopback address (set FETCH_ALLOWED_HOSTS to allow it)"
    )
    assert server.seen == []


@pytest.mark.parametrize(
    "host",
    ["2130706433", "0x7f.1", "0177.0.0.1", "127.1", "[::1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "localhost"],
)
def test_every_spelling_of_loopback_is_refused(web, host):
    server = web({"/": (200, {}, PAGE)})
    reason = refusal(at(server, host=host))
    assert reason.startswith("refused: ") and "a loopback address" in reason, reason
    assert reason.endswith("(set FETCH_ALLOWED_HOSTS to allow it)")
    assert server.seen == []


def test_a_public_looking_name_that_resolves_to_loopback_is_refused(web, dns):
    server = web({"/": (200, {}, PAGE)})
    dns.answers["news.example"] = ["127.0.0.1"]
    assert refusal(at(server, host="news.example")) == (
        "refused: news.example resolves to 127.0.0.1, a loopback address (set FETCH_ALLOWED_HOSTS to allow it)"
    )
    assert server.seen == []


@pytest.mark.parametrize(
    "address, kind",
    [
        ("10.1.2.3", "a private address"),
        ("192.168.1.20", "a private address"),
        ("172.16.0.1", "a private address"),
        ("169.254.169.254", "a link-local address"),
        ("100.64.0.7", "a shared address (100.64.0.0/10, carrier-grade NAT)"),
        ("224.0.0.251", "a multicast address"),
        ("0.0.0.0", "an unspecified address"),
        ("240.0.0.1", "a reserved address"),
        ("fd00::1", "a private address"),
        ("fe80::1", "a link-local address"),
        ("fec0::1", "a site-local address"),
        ("ff02::1", "a multicast address"),
        ("::", "an unspecified address"),
        ("::127.0.0.1", "a reserved address"),
        ("2002:a01:203::1", "a 6to4 IPv6 form of 10.1.2.3, a private address"),
        ("64:ff9b::a01:203", "a NAT64 IPv6 form of 10.1.2.3, a private address"),
        ("::ffff:169.254.169.254", "an IPv4-mapped IPv6 form of 169.254.169.254, a link-local address"),
    ],
)
def test_a_name_resolving_to_any_non_public_address_is_refused_saying_what_it_is(dns, address, kind):
    dns.answers["intranet.example"] = [address]
    assert refusal("http://intranet.example/news") == (
        f"refused: intranet.example resolves to {address}, {kind} (set FETCH_ALLOWED_HOSTS to allow it)"
    )


def test_one_internal_address_among_public_ones_is_enough_to_refuse(dns):
    dns.answers["mixed.example"] = [("93.184.215.14", "10.0.0.1")]
    assert refusal("https://mixed.example/") == (
        "refused: mixed.example resolves to 10.0.0.1, a private address (set FETCH_ALLOWED_HOSTS to allow it)"
    )


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"])
def test_public_addresses_pass(address):
    import ipaddress

    assert not_public(ipaddress.ip_address(address)) is None


# --- What an operator allows ---------------------------------------------------------------------


def test_an_allowed_network_is_fetched_with_its_content_type(web, fetch_settings):
    fetch_settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1/32"]
    server = web({"/x": (200, {"Content-Type": "text/html; charset=windows-1252"}, PAGE)})
    fetched = fetch(at(server, "/x"))
    assert fetched == PAGE
    assert fetched.content_type == "text/html; charset=windows-1252"
    [(path, host, agent)] = server.seen
    assert (path, host, agent) == ("/x", f"127.0.0.1:{server.server_port}", fetching.USER_AGENT)


def test_an_allowed_host_name_is_fetched_and_asked_for_by_name(web, dns, fetch_settings):
    fetch_settings.FETCH_ALLOWED_HOSTS = ["Intranet.Example."]
    dns.answers["intranet.example"] = ["127.0.0.1"]
    server = web({"/x": (200, {}, PAGE)})
    assert fetch(at(server, "/x", host="intranet.example")) == PAGE
    assert server.seen[0][1] == f"intranet.example:{server.server_port}"


def test_allowed_hosts_are_names_or_networks_and_a_bad_network_is_named():
    allowed = allowed_hosts(["Intranet.Example.", "10.0.0.0/8", "[::1]", " ", "127.0.0.1"])
    assert allowed.names == {"intranet.example"}
    assert [str(n) for n in allowed.networks] == ["10.0.0.0/8", "::1/128", "127.0.0.1/32"]
    with pytest.raises(ImproperlyConfigured, match="'10.0.0.0/33' is neither a host name nor a network"):
        allowed_hosts(["10.0.0.0/33"])


def test_a_deadline_that_is_not_positive_is_a_configuration_error(fetch_settings):
    fetch_settings.FETCH_DEADLINE = 0
    with pytest.raises(ImproperlyConfigured, match="FETCH_DEADLINE=0"):
        fetch("http://news.example/")


# --- Redirects -----------------------------------------------------------------------------------


def test_a_redirect_from_an_allowed_server_to_link_local_is_refused(web, fetch_settings):
    fetch_settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1/32"]
    metadata = "http://169.254.169.254/latest/meta-data/"
    server = web({"/a": (302, {"Location": metadata}, b"")})
    assert refusal(at(server, "/a")) == (
        f"refused: redirect to {metadata}: 169.254.169.254 is a link-local address "
        "(set FETCH_ALLOWED_HOSTS to allow it)"
    )


def test_a_redirect_from_an_allowed_name_to_ipv6_loopback_is_refused(web, dns, fetch_settings):
    fetch_settings.FETCH_ALLOWED_HOSTS = ["news.example"]
    dns.answers["news.example"] = ["127.0.0.1"]
    server = web({})
    server.routes["/a"] = (301, {"Location": f"http://[::1]:{server.server_port}/b"}, b"")
    reason = refusal(at(server, "/a", host="news.example"))
    assert reason.startswith(f"refused: redirect to http://[::1]:{server.server_port}/b: ::1 is a loopback address")
    assert [path for path, _host, _agent in server.seen] == ["/a"]


def test_a_redirect_to_another_scheme_is_refused(web, fetch_settings):
    fetch_settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    server = web({"/a": (302, {"Location": "ftp://files.example/story.txt"}, b"")})
    assert refusal(at(server, "/a")) == (
        "refused: redirect to ftp://files.example/story.txt: only http and https URLs are fetched, not ftp"
    )
    assert refusal("file:///etc/passwd") == "refused: only http and https URLs are fetched, not file"


def test_relative_redirects_are_followed_and_every_hop_is_looked_up_once(web, dns, fetch_settings):
    fetch_settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    dns.answers["news.example"] = ["127.0.0.1"]
    server = web({"/a": (301, {"Location": "/b?page=1"}, b""), "/b?page=1": (200, {}, PAGE)})
    fetched = fetch(at(server, "/a", host="news.example"))
    assert fetched == PAGE
    assert fetched.url == at(server, "/b?page=1", host="news.example")  # what relative links are relative to
    assert [path for path, _host, _agent in server.seen] == ["/a", "/b?page=1"]
    assert dns.calls == ["news.example", "news.example"]


def test_a_redirect_loop_stops(web, fetch_settings):
    fetch_settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    server = web({"/loop": (302, {"Location": "/loop"}, b"")})
    assert refusal(at(server, "/loop")) == "more than 5 redirects"
    assert len(server.seen) == 6


def test_a_malformed_redirect_is_an_input_error(web, fetch_settings):
    fetch_settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    server = web(
        {"/a": (302, {"Location": "http://[::1"}, b""), "/b": (302, {"Location": "//news.example:0x50/"}, b"")}
    )
    assert refusal(at(server, "/a")) == "redirect to a malformed URL 'http://[::1': Invalid IPv6 URL"
    assert refusal(at(server, "/b")).startswith("redirect to http://news.example:0x50/: not a valid URL: Port")


# --- DNS rebinding: the connection goes to the address that was checked ---------------------------


def test_the_name_is_looked_up_once_and_the_checked_address_is_the_one_connected_to(web, dns, fetch_settings):
    # A second look-up would answer 127.0.0.2, where nothing listens: only the vetted 127.0.0.1 works.
    fetch_settings.FETCH_ALLOWED_HOSTS = ["127.0.0.0/8"]
    dns.answers["news.example"] = ["127.0.0.1", "127.0.0.2"]
    server = web({"/x": (200, {}, PAGE)})
    assert fetch(at(server, "/x", host="news.example")) == PAGE
    assert dns.calls == ["news.example"]
    assert server.seen == [("/x", f"news.example:{server.server_port}", fetching.USER_AGENT)]


def test_a_name_that_rebinds_to_an_internal_address_between_redirects_is_refused(web, dns, fetch_settings):
    fetch_settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1/32"]
    dns.answers["news.example"] = ["127.0.0.1", "10.0.0.5"]
    server = web({})
    second = at(server, "/b", host="news.example")
    server.routes["/a"] = (302, {"Location": second}, b"")
    assert refusal(at(server, "/a", host="news.example")) == (
        f"refused: redirect to {second}: news.example resolves to 10.0.0.5, a private address "
        "(set FETCH_ALLOWED_HOSTS to allow it)"
    )


# --- The deadline and broken answers ---------------------------------------------------------------


def test_a_body_trickling_a_byte_at_a_time_is_cut_off_at_the_deadline(web, fetch_settings):
    fetch_settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    fetch_settings.FETCH_DEADLINE = 2
    server = web(handler=TrickleBody)
    with pytest.raises(InputError, match=r"^took longer than 2 s \(FETCH_DEADLINE\)$"):
        within(8, fetch, at(server, "/slow"))


def test_headers_trickling_a_byte_at_a_time_are_cut_off_at_the_deadline(web, fetch_settings):
    fetch_settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    fetch_settings.FETCH_DEADLINE = 1
    server = web(handler=TrickleHeaders)
    with pytest.raises(InputError, match=r"^took longer than 1 s"):
        within(6, fetch, at(server, "/slow"))


def test_a_server_closing_without_a_status_line_is_an_input_error(web, fetch_settings):
    fetch_settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    silent = web(handler=NoStatusLine)
    assert refusal(at(silent)) == "the server closed the connection without answering"
    chatty = web(handler=NoStatusLine, reply=b"SSH-2.0-OpenSSH_9.2\r\n")
    assert refusal(at(chatty)) == r"not an HTTP answer: it starts 'SSH-2.0-OpenSSH_9.2\r\n'"


def test_http_errors_and_refused_connections_are_input_errors(web, fetch_settings):
    fetch_settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    server = web({"/busy": (503, {}, b"later")})
    assert refusal(at(server, "/gone")) == "HTTP error 404 Not Found"
    assert refusal(at(server, "/busy")) == "HTTP error 503 Service Unavailable"
    closed = web()
    url = at(closed)
    closed.shutdown()
    closed.server_close()
    assert refusal(url) == "unreachable: Connection refused"


def test_an_answer_over_the_size_limit_is_refused_with_or_without_a_length(web, fetch_settings, monkeypatch):
    fetch_settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    monkeypatch.setattr(fetching, "MAX_INPUT_BYTES", 1000)
    server = web({"/declared": (200, {}, b"x" * 5000), "/undeclared": (200, {"Content-Length": None}, b"x" * 5000)})
    assert refusal(at(server, "/declared")) == "larger than 1,000 bytes"
    assert refusal(at(server, "/undeclared")) == "larger than 1,000 bytes"
    assert fetching.MAX_INPUT_BYTES == 1000 and formats.MAX_INPUT_BYTES == 50 * 1024 * 1024


@pytest.mark.parametrize(
    "url, reason",
    [
        ("http://[::1", "not a valid URL: Invalid IPv6 URL"),
        ("http://news.example:99999/", "not a valid URL: Port out of range 0-65535"),
        ("http://news.example:port/", "not a valid URL: Port could not be cast to integer value as 'port'"),
        ("http:///story", "not a valid URL: it names no host"),
        ("http://a..b/", "not a valid host name 'a..b'"),
        (f"http://{'a' * 64}.example/", "not a valid host name"),
        ("gopher://news.example/", "refused: only http and https URLs are fetched, not gopher"),
    ],
)
def test_malformed_urls_are_input_errors(url, reason):
    assert refusal(url).startswith(reason)


# --- TLS: the certificate is checked against the name, the connection goes to the vetted address --------


@pytest.fixture
def tls_site(web, dns, fetch_settings, tmp_path, monkeypatch):
    """An HTTPS server on 127.0.0.1 with a certificate for news.example, which this process trusts."""
    if not shutil.which("openssl"):
        pytest.fail("The HTTPS fetch test needs the openssl command to make a certificate: apt-get install openssl")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=news.example",
         "-addext", "subjectAltName=DNS:news.example"],
        check=True, capture_output=True,
    )  # fmt: skip
    fetch_settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    dns.answers.update({"news.example": ["127.0.0.1"], "other.example": ["127.0.0.1"]})
    server = web({"/x": (200, {"Content-Type": "text/html"}, PAGE)})
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert, key)
    server.socket = server_context.wrap_socket(server.socket, server_side=True)
    trusting = ssl.create_default_context(cafile=str(cert))
    return server, trusting


def test_https_checks_the_certificate_against_the_host_name(tls_site, monkeypatch):
    server, trusting = tls_site
    assert refusal(at(server, "/x", host="news.example", scheme="https")).startswith(
        "TLS certificate not accepted: self-signed certificate"
    )
    monkeypatch.setattr(fetching, "tls_context", lambda: trusting)
    assert fetch(at(server, "/x", host="news.example", scheme="https")) == PAGE
    assert server.seen[-1][1] == f"news.example:{server.server_port}"
    assert refusal(at(server, "/x", host="other.example", scheme="https")).startswith(
        "TLS certificate not accepted: Hostname mismatch"
    )


# --- Where fetch is used: ingest and the admin's paste page ---------------------------------------------


@pytest.mark.django_db
def test_ingest_reports_a_refused_url_and_stores_the_good_file_beside_it(web, tmp_path, capsys):
    server = web({"/x": (200, {"Content-Type": "text/html"}, PAGE)})
    url = at(server, "/x")
    good = tmp_path / "good.txt"
    good.write_text("Tide gauge repaired\n\nThe gauge on the north pier works again.\n")
    with pytest.raises(SystemExit) as exit_info:
        call_command("ingest", url, str(good))
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert f"rejected {url}: refused: 127.0.0.1 is a loopback address (set FETCH_ALLOWED_HOSTS to allow it)" in err
    assert "read 1, stored 1" in err
    assert list(Article.objects.values_list("headline", flat=True)) == ["Tide gauge repaired"]
    assert server.seen == []


@pytest.mark.django_db
def test_pasting_a_loopback_url_in_the_admin_shows_the_refusal_on_the_jobs_page(web, admin_client):
    server = web({"/x": (200, {"Content-Type": "text/html"}, PAGE)})
    response = admin_client.post(reverse("admin:articles_article_paste"), {"url": at(server, "/x"), "preview": "1"})
    collect.run_worker(once=True)  # a worker fetches pasted URLs (articles/jobs.py)
    page = html.unescape(admin_client.get(response.url).content.decode())
    refusal = "refused: 127.0.0.1 is a loopback address (set FETCH_ALLOWED_HOSTS to allow it)"
    assert f"failed after 1 attempt: {refusal}" in page  # at once: trying again would be refused again
    assert not Article.objects.exists()
    assert server.seen == []


@pytest.mark.django_db
def test_pasting_an_allowed_internal_url_in_the_admin_stores_the_page(web, admin_client, fetch_settings):
    fetch_settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    server = web({"/x": (200, {"Content-Type": "text/html"}, PAGE)})
    admin_client.post(reverse("admin:articles_article_paste"), {"url": at(server, "/x"), "preview": "1"})
    collect.run_worker(once=True)
    assert Article.objects.get().headline == "Lighthouse keeper retires"
    assert [path for path, _host, _agent in server.seen] == ["/x"]
