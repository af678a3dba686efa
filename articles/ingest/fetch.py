"""Fetching a URL: the one place the archive opens a network connection (`ingest URL`, the admin's paste page).

A URL comes from whoever runs ingest or pastes in the admin, and the answer is shown back to them, so a
fetch must not reach into the machine's own network (SSRF):

- only http and https, on the first request and on every redirect;
- the host is resolved once (socket.getaddrinfo) and refused when any address it resolves to is not a public
  one: loopback, private, link-local, shared (100.64.0.0/10), multicast, reserved, unspecified, and IPv6
  spellings of such an IPv4 address (::ffff:127.0.0.1, 6to4, NAT64, Teredo). Resolving first covers every
  spelling of an address (2130706433, 0x7f.1, 0177.0.0.1, [::1], localhost);
- the connection goes to the address that was checked, never to a second look-up of the name (DNS rebinding),
  while the Host header, TLS SNI and the certificate check use the host name;
- redirects (at most MAX_REDIRECTS) are followed here, each hop checked like the first;
- the whole fetch, connecting and every read included, must finish within settings.FETCH_DEADLINE seconds:
  every read waits only for the time left, so a server sending a byte a second can't hold ingest;
- settings.FETCH_ALLOWED_HOSTS names hosts (or networks, 10.0.0.0/8) an operator allows although internal.

Built on the standard library's http.client: requests is not a dependency, and urllib gives no say over
which address a connection goes to. Whatever goes wrong with one URL is an InputError with the reason.
"""

from __future__ import annotations

import functools
import http.client
import io
import ipaddress
import socket
import ssl
import string
import time
import urllib.parse
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

MAX_INPUT_BYTES = 50 * 1024 * 1024  # one file, page or feed
MAX_REDIRECTS = 5
USER_AGENT = "NewsArchive/0.1 (+https://github.com/newsarchive)"
READ_CHUNK = 64 * 1024
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ALLOW_HINT = "set FETCH_ALLOWED_HOSTS to allow it"
MAX_VALIDATOR = 500  # characters of an ETag or Last-Modified kept for the next conditional GET

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT (RFC 6598)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # IPv4 addresses through a NAT64 gateway (RFC 6052)


class InputError(Exception):
    """An input that can't be read at all; the message is the reason shown to the user."""


class Fetched(bytes):
    """The bytes of an HTTP answer, with its Content-Type header (which may name the charset) and the
    URL that answered (after redirects: what a feed's relative links are relative to).

    A conditional GET (fetch(url, etag=..., last_modified=...)) the server answered 304 Not Modified is
    empty, with status 304. etag and last_modified are the answer's validators, to send next time
    ("" when it gave none, or one no HTTP header could carry back)."""

    content_type: str = ""
    url: str = ""
    status: int = 200
    etag: str = ""
    last_modified: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def fetch(url: str, *, etag: str = "", last_modified: str = "") -> Fetched:
    """GET a URL under the rules above: the answer's bytes, or an InputError saying why not.

    With etag or last_modified (the validators of an earlier answer, Fetched.etag and .last_modified)
    the GET is conditional: a server whose answer has not changed says 304, and the Fetched is empty."""
    deadline = _Deadline(settings.FETCH_DEADLINE)
    allowed = allowed_hosts(settings.FETCH_ALLOWED_HOSTS)
    headers = {"User-Agent": USER_AGENT, "Connection": "close"}
    if etag := _validator(etag):
        headers["If-None-Match"] = etag
    if last_modified := _validator(last_modified):
        headers["If-Modified-Since"] = last_modified
    try:
        return _follow(url, deadline, allowed, headers)
    except InputError:
        raise
    except TimeoutError:
        raise InputError(f"took longer than {deadline.seconds} s (FETCH_DEADLINE)") from None
    except ssl.SSLCertVerificationError as exc:
        raise InputError(f"TLS certificate not accepted: {exc.verify_message or exc}") from None
    except ssl.SSLError as exc:
        raise InputError(f"TLS failed: {exc.reason or exc}") from None
    except http.client.RemoteDisconnected:
        raise InputError("the server closed the connection without answering") from None
    except http.client.BadStatusLine as exc:
        raise InputError(f"not an HTTP answer: it starts {_short(exc.line)}") from None
    except http.client.IncompleteRead as exc:
        raise InputError(f"the answer was cut short after {len(exc.partial):,} bytes") from None
    except http.client.InvalidURL as exc:
        raise InputError(f"not a valid URL: {exc}") from None
    except http.client.HTTPException as exc:
        raise InputError(f"broken HTTP answer: {type(exc).__name__}: {_short(str(exc))}") from None
    except OSError as exc:  # refused, reset, unreachable network, …
        raise InputError(f"unreachable: {exc.strerror or exc}") from None
    except ValueError as exc:  # a header value or URL part http.client refuses to send
        raise InputError(f"cannot be fetched: {exc}") from None


def _follow(url: str, deadline: _Deadline, allowed: AllowedHosts, headers: dict[str, str]) -> Fetched:
    for hop in range(MAX_REDIRECTS + 1):
        hop_note = "" if hop == 0 else f"redirect to {url}: "  # what the reasons below are about
        target = _Target.parse(url, hop_note)
        addresses = vetted_addresses(target.host, target.port, allowed, hop_note)
        connection, response = _Connection(target, addresses, deadline), None
        try:
            connection.request("GET", target.path, headers=headers)
            response = connection.getresponse()
            location = response.getheader("Location")
            if response.status in REDIRECT_STATUSES and location:
                url = _redirect(url, location)
                continue
            if response.status == 304 and ("If-None-Match" in headers or "If-Modified-Since" in headers):
                fetched = Fetched(b"")  # the body of a 304 is never read: nothing to parse
            elif 200 <= response.status < 300:
                fetched = Fetched(_body(response))
            else:
                raise InputError(f"HTTP error {response.status} {response.reason}")
            fetched.status = response.status
            fetched.content_type = response.getheader("Content-Type") or ""
            fetched.url = url
            fetched.etag = _validator(response.getheader("ETag") or "")
            fetched.last_modified = _validator(response.getheader("Last-Modified") or "")
            return fetched
        finally:
            if response is not None:
                response.close()
            connection.close()
    raise InputError(f"more than {MAX_REDIRECTS} redirects")


def _validator(value: str) -> str:
    """An ETag or Last-Modified value as it may be sent back: "" for one too long or with characters a
    header can't carry (http.client would refuse to send it, and the feed would fail on every poll)."""
    value = value.strip()
    return value if len(value) <= MAX_VALIDATOR and value.isascii() and value.isprintable() else ""


def _redirect(url: str, location: str) -> str:
    """The URL a Location header leads to from url. Header bytes arrive as Latin-1: a raw UTF-8 path is
    percent-encoded back to its bytes, as urllib does."""
    location = urllib.parse.quote(location.strip(), safe=string.punctuation, encoding="iso-8859-1")
    try:
        return urllib.parse.urljoin(url, location)
    except ValueError as exc:
        raise InputError(f"redirect to a malformed URL {_short(location)}: {exc}") from None


def _body(response: http.client.HTTPResponse) -> bytes:
    length = response.getheader("Content-Length") or ""
    if length.strip().isdigit() and int(length) > MAX_INPUT_BYTES:
        raise InputError(f"larger than {_size(MAX_INPUT_BYTES)}")
    chunks, size = [], 0
    while chunk := response.read(READ_CHUNK):
        size += len(chunk)
        if size > MAX_INPUT_BYTES:
            raise InputError(f"larger than {_size(MAX_INPUT_BYTES)}")
        chunks.append(chunk)
    return b"".join(chunks)


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n:,} bytes"


def _short(value: object, limit: int = 60) -> str:
    text = value if isinstance(value, str) else repr(value)
    return repr(text[:limit] + "…") if len(text) > limit else repr(text)


# --- Which URLs and addresses ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Target:
    tls: bool
    host: str  # ASCII (IDNA) host name, or an IP address without brackets
    port: int
    path: str  # path and query, percent-encoded

    @classmethod
    def parse(cls, url: str, hop_note: str = "") -> _Target:
        try:
            parts = urllib.parse.urlsplit(url.strip())
            port = parts.port
        except ValueError as exc:  # "Invalid IPv6 URL", "Port out of range 0-65535", …
            raise InputError(f"{hop_note}not a valid URL: {exc}") from None
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise InputError(f"refused: {hop_note}only http and https URLs are fetched, not {scheme or 'this'}")
        if not parts.hostname:
            raise InputError(f"{hop_note}not a valid URL: it names no host")
        try:
            host = parts.hostname.encode("idna").decode("ascii")
        except UnicodeError as exc:  # an empty or overlong label, a character IDNA refuses
            raise InputError(f"{hop_note}not a valid host name {_short(parts.hostname)}: {exc}") from None
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        path = urllib.parse.quote(path, safe=string.punctuation)  # spaces and non-ASCII, as browsers send them
        return cls(tls=scheme == "https", host=host, port=port or (443 if scheme == "https" else 80), path=path)


@dataclass(frozen=True)
class AllowedHosts:
    names: frozenset[str]
    networks: tuple[IPNetwork, ...]

    def allow(self, host: str, ip: IPAddress) -> bool:
        plain = getattr(ip, "ipv4_mapped", None) or ip
        return _host_key(host) in self.names or any(a in net for net in self.networks for a in {ip, plain})


def allowed_hosts(entries: list[str] | tuple[str, ...]) -> AllowedHosts:
    """FETCH_ALLOWED_HOSTS read: host names, and IP addresses or networks (127.0.0.1, 10.0.0.0/8)."""
    names, networks = set(), []
    for entry in entries:
        entry = entry.strip().strip("[]")
        if not entry:
            continue
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            if "/" in entry or ":" in entry:
                raise ImproperlyConfigured(
                    f"FETCH_ALLOWED_HOSTS: {entry!r} is neither a host name nor a network like 10.0.0.0/8."
                ) from None
            names.add(_host_key(entry))
    return AllowedHosts(frozenset(names), tuple(networks))


def _host_key(host: str) -> str:
    try:
        return host.lower().rstrip(".").encode("idna").decode("ascii")
    except UnicodeError:
        return host.lower().rstrip(".")


def vetted_addresses(host: str, port: int, allowed: AllowedHosts, hop_note: str = "") -> list[tuple]:
    """(family, type, proto, sockaddr) of every address host resolves to, once, if all of them may be
    fetched; else an InputError naming the address and what kind it is."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise InputError(f"unreachable: {hop_note}cannot resolve {host} ({exc.strerror})") from None
    literal = _ip_or_none(host)
    addresses = []
    for family, type_, proto, _canonname, sockaddr in infos:
        ip = ipaddress.ip_address(sockaddr[0])
        if not allowed.allow(host, ip) and (kind := not_public(ip)):
            shown = sockaddr[0]
            subject = f"{shown} is" if literal is not None else f"{host} resolves to {shown},"
            raise InputError(f"refused: {hop_note}{subject} {kind} ({ALLOW_HINT})")
        addresses.append((family, type_, proto, sockaddr))
    if not addresses:
        raise InputError(f"unreachable: {hop_note}{host} has no address")
    return addresses


def _ip_or_none(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def not_public(ip: IPAddress) -> str | None:
    """What kind of address ip is when it isn't one of the public internet ("a private address"), else None."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = [(ip.ipv4_mapped, "an IPv4-mapped"), (ip.sixtofour, "a 6to4")]
        if ip in _NAT64:
            embedded.append((ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF), "a NAT64"))
        if ip.teredo:
            embedded += [(v4, "a Teredo") for v4 in ip.teredo]
        for v4, form in embedded:
            if v4 is not None and (kind := not_public(v4)):
                return f"{form} IPv6 form of {v4}, {kind}"
    checks = (
        (ip.is_unspecified, "an unspecified address"),
        (ip.is_loopback, "a loopback address"),
        (ip.is_link_local, "a link-local address"),
        (ip.is_multicast, "a multicast address"),
        (ip in _SHARED, "a shared address (100.64.0.0/10, carrier-grade NAT)"),
        (getattr(ip, "is_site_local", False), "a site-local address"),
        (ip.is_reserved, "a reserved address"),
        (ip.is_private, "a private address"),
        (not ip.is_global, "not a public address"),
    )
    return next((kind for failed, kind in checks if failed), None)


# --- Connections to the vetted address, reads within the deadline --------------------------------------


class _Deadline:
    def __init__(self, seconds: float):
        if not seconds or seconds <= 0:
            raise ImproperlyConfigured(f"FETCH_DEADLINE={seconds!r} must be a positive number of seconds.")
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def remaining(self) -> float:
        """Seconds left, or TimeoutError when none are."""
        left = self._end - time.monotonic()
        if left <= 0:
            raise TimeoutError("deadline passed")
        return left


class _Connection(http.client.HTTPConnection):
    """HTTP or HTTPS to addresses checked beforehand, never to a new look-up of the host name; the Host
    header, SNI and the certificate check use the name. Every read of the answer is bounded by the deadline."""

    def __init__(self, target: _Target, addresses: list[tuple], deadline: _Deadline):
        super().__init__(target.host, target.port, timeout=deadline.remaining())
        self.default_port = 443 if target.tls else 80  # no ":443" in the Host header
        self._tls = target.tls
        self._addresses = addresses
        self._deadline = deadline
        self.response_class = functools.partial(_Response, deadline=deadline)

    def connect(self) -> None:
        sock = _open_socket(self._addresses, self._deadline)
        if self._tls:
            try:
                sock.settimeout(self._deadline.remaining())
                sock = tls_context().wrap_socket(sock, server_hostname=self.host)
            except BaseException:
                sock.close()
                raise
        self.sock = sock


def _open_socket(addresses: list[tuple], deadline: _Deadline) -> socket.socket:
    error: OSError | None = None
    for family, type_, proto, sockaddr in addresses:
        sock = socket.socket(family, type_, proto)
        try:
            sock.settimeout(deadline.remaining())
            sock.connect(sockaddr)
        except TimeoutError:
            sock.close()
            raise
        except OSError as exc:
            sock.close()
            error = exc
            continue
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock
    raise error or OSError("no address to connect to")


@functools.cache
def tls_context() -> ssl.SSLContext:
    return ssl.create_default_context()


class _Response(http.client.HTTPResponse):
    """An answer whose status line, headers and body are all read within the deadline."""

    def __init__(self, sock: socket.socket, *args, deadline: _Deadline, **kwargs):
        super().__init__(_DeadlineSocket(sock, deadline), *args, **kwargs)


class _DeadlineSocket:
    """What HTTPResponse asks of a socket (makefile), giving a file whose every read waits only for the time left."""

    def __init__(self, sock: socket.socket, deadline: _Deadline):
        self._sock, self._deadline = sock, deadline

    def makefile(self, mode: str) -> io.BufferedReader:
        return io.BufferedReader(_DeadlineReader(self._sock, self._deadline))


class _DeadlineReader(io.RawIOBase):
    def __init__(self, sock: socket.socket, deadline: _Deadline):
        super().__init__()
        self._sock = sock
        self._raw = sock.makefile("rb", buffering=0)  # keeps the socket open after the connection lets go of it
        self._deadline = deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int | None:
        self._sock.settimeout(self._deadline.remaining())
        return self._raw.readinto(buffer)

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()
