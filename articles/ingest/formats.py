"""Parsing: bytes from files, feeds and pages become ParsedArticle objects, or Rejections.

Nothing here touches the database. Each reader yields, for one input, either articles or a
Rejection naming where (path, line or entry number) and why, so one bad input never stops
the others. Formats: plain text (like shared/samples), JSON / JSON Lines (our export format
and the common field names of other tools), RSS/Atom (feedparser), HTML pages (trafilatura).
"""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import hashlib
import html
import html.entities
import io
import json
import re
import sys
import urllib.parse
import xml.parsers.expat
import xml.sax
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

# fetch (the one network chokepoint, articles/ingest/fetch.py) is called as formats.fetch, so tests can replace it.
from articles.ingest import name_data
from articles.ingest.fetch import MAX_INPUT_BYTES, Fetched, InputError, fetch  # noqa: F401 (Fetched: re-exported)
from articles.ingest.people_state import _given_name_word, fold
from articles.ingest.sanitize import MarkupTooLarge, clean_html, html_to_text, strip_control, text_to_html

FORMATS = ("text", "json", "feed", "html")
MAX_BODY_CHARS = 500_000  # PostgreSQL's tsvector holds at most 1 MB; no news article is this long


SPEAKER_KINDS = ("person", "organisation", "unknown")  # models.Quote.SpeakerKind's values


@dataclass
class ParsedQuote:
    text: str
    speaker: str | None
    speaker_as_written: str = ""
    partial: bool = False
    evidence: str = ""  # the extractor's rule that gave the speaker (quotes.Quote.evidence)
    speaker_kind: str = ""  # "person", "organisation", "unknown" (quotes.Quote.speaker_kind); "" not said


@dataclass
class ParsedArticle:
    headline: str
    body_text: str  # plain text, paragraphs separated by a blank line
    body_html: str  # sanitised
    origin: str  # where it came from, for reports: "path:line", "url#entry 3"
    source: str = ""  # outlet name
    via: str = ""  # aggregator or feed it came through
    published: dt.date | None = None  # the publisher's own date (in the time zone the input gave)
    url: str = ""
    # How much of `published` the input gave: DAY, or MONTH / YEAR ("April 2017", "2017": the first day of it).
    published_precision: str = "day"
    byline: str = ""
    published_at: dt.datetime | None = None  # the moment, in UTC, when the input gives a time and zone
    # A feed entry's identity: the feed's address and the entry's guid/id in it (else its link, else
    # "sha256:" and a hash of its title and content); empty for inputs that are not feed entries.
    feed_url: str = ""
    entry_id: str = ""
    # Present when the input already carries extraction results (our export format):
    # they are stored as given instead of being extracted again.
    people: list[str] | None = None
    topics: list[str] | None = None
    quotes: list[ParsedQuote] | None = None


@dataclass
class Rejection:
    origin: str
    reason: str

    def __post_init__(self) -> None:
        if "\n" in self.reason or "\r" in self.reason:  # one rejection, one line of the report
            self.reason = " ".join(self.reason.split())

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass
class Options:
    format: str | None = None  # force one of FORMATS
    source: str = ""  # outlet for inputs that don't name one (overrides a feed's title)
    date: dt.date | None = None  # publication date for inputs that don't state one
    date_precision: str = "day"  # how much of it is known (DAY, MONTH, YEAR), as Dated.precision
    keep_broken_feeds: bool = False  # store what could be read of a feed that is not well-formed XML


# --- Input: files, folders, URLs, stdin ---------------------------------------------------


def expand_inputs(targets: Iterable[str]) -> Iterator[str | Rejection]:
    """Paths, folders (recursively, in name order), URLs and '-' as individual inputs."""
    for target in targets:
        if target == "-" or re.match(r"^https?://", target, re.I):
            yield target
            continue
        path = Path(target)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            if not files:
                yield Rejection(target, "folder holds no files")
            yield from (str(p) for p in files)
        elif path.is_file():
            yield target
        elif "://" in target:
            yield Rejection(target, "only http and https URLs can be fetched")
        else:
            yield Rejection(target, "no such file or folder")


def read_bytes(target: str) -> bytes:
    if target == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    elif re.match(r"^https?://", target, re.I):
        return fetch(target)
    else:
        path = Path(target)
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise InputError(f"file is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"input is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB")
    return data


# --- Character encodings ----------------------------------------------------------------------
#
# Plain text and JSON are UTF-8 unless the HTTP answer names a charset: a file in another encoding
# is refused with its first bad byte rather than guessed at (a wrong guess stores mojibake with no
# error). Feeds are decoded by feed_text(): the byte order mark, else the charset declared (HTTP, then
# the XML declaration), else UTF-8, else detection; feeds without a declaration in another encoding
# are common, and a feed is long enough to tell. HTML pages are decoded as browsers do: byte order
# mark, then the HTTP charset, then <meta charset> (or http-equiv Content-Type), then an XML
# declaration, else UTF-8, else detection as for feeds (a page that declares nothing is as often
# Latin-1 or windows-1252, and refusing it lost it). UTF-8 with a few stray bytes is UTF-8
# (_utf8_or_none), in feeds and pages.

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']""")
HTML_PRESCAN_BYTES = 8192  # where a page's <meta charset> is looked for (browsers: the first 1024)


def _bom_encoding(data: bytes) -> str | None:
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def http_charset(content_type: str) -> str | None:
    """The charset an HTTP Content-Type header names ("text/html; charset=ISO-8859-1"), if any."""
    match = _CHARSET.search(content_type or "")
    return match[1] if match else None


def _codec(label: str | None) -> str | None:
    """Python's codec for an encoding label, or None for a label no text codec knows ("base64",
    "hex" or "rot13" in a page's charset are codecs too, but not of text: ignored, as browsers do)."""
    if not label:
        return None
    try:
        info = codecs.lookup(label.strip())
    except LookupError:
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None


def _decode_strictly(data: bytes, codec: str, what: str, advice: str = "") -> str:
    """data decoded with codec, or an InputError naming the first bad byte and its line."""
    try:
        return data.decode("utf-8-sig" if codec == "utf-8" else codec)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        where = f"offset {exc.start}, line {line}"
        raise InputError(f"{what} (invalid byte 0x{data[exc.start]:02x} at {where}){advice}") from None
    except (UnicodeError, LookupError) as exc:  # a codec that cannot read these bytes at all
        raise InputError(f"{what} ({exc}){advice}") from None


def decode(data: bytes, content_type: str = "") -> str:
    """Plain text or JSON: UTF-8 (a byte order mark is honoured), or the HTTP answer's charset."""
    if bom := _bom_encoding(data):
        return _decode_strictly(data, bom, f"not {bom.removesuffix('-sig').upper()} text despite its byte order mark")
    declared = http_charset(content_type)
    if codec := _codec(declared):
        return _decode_strictly(data, codec, f"not {declared} text as its HTTP Content-Type declares")
    return _decode_strictly(data, "utf-8", "not UTF-8 text", ": save it as UTF-8")


_XML_DECLARATION_TEXT = re.compile(r"<\?xml\b[^>]*\?>")
# charset-normalizer's measure of mess gives Western text read as Central European (cp1250: "Fęte")
# about the same score as the right reading (cp1252: "Fête") when the text is short; Western text is
# what an undeclared feed mostly is, so cp1252 is taken when it scores within this of the best.
WESTERN_MARGIN = 0.05


def feed_text(data: bytes, content_type: str = "") -> str:
    """A feed's bytes as text: by its byte order mark, else the charset declared (HTTP Content-Type,
    then the XML declaration), else UTF-8 when the bytes are UTF-8, else detected (charset-normalizer).
    A declared single-byte charset on bytes that are UTF-8 (with letters beyond ASCII) is a wrong
    declaration, and a declared charset the bytes can't be is ignored: either would store mojibake."""
    if wide := _utf16_or_32(data):  # by its byte order mark, or the way "<?" is written (XML's appendix F)
        return _decode_strictly(data, wide, f"not {wide.upper()} text as its first bytes say")
    if bom := _bom_encoding(data):
        if bom == "utf-8-sig" and (text := _utf8_or_none(data.removeprefix(codecs.BOM_UTF8))) is not None:
            return text
        return _decode_strictly(data, bom, f"not {bom.removesuffix('-sig').upper()} text despite its byte order mark")
    head = data[:HTML_PRESCAN_BYTES]
    declared = (
        http_charset(content_type),
        m[1].decode("ascii") if (m := _XML_ENCODING.match(head)) else None,
    )
    utf8 = _utf8_or_none(data)
    for label in declared:
        codec = _codec(label)
        if codec is None:
            continue
        if codec.startswith(("utf-16", "utf-32")):  # no byte order mark, and an ASCII declaration: not UTF-16
            codec = "utf-8"
        if utf8 is not None and (codec == "utf-8" or _single_byte(codec)):
            return utf8
        try:
            return data.decode(codec)
        except (UnicodeError, LookupError):
            break  # declared wrongly: what the bytes are is detected below
    if utf8 is not None:
        return utf8
    return _detected(data)


_WIDE_STARTS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16's: FF FE 00 00 is UTF-32
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
    (b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"), (b"<\x00?\x00", "utf-16-le"),
)  # fmt: skip


def _utf16_or_32(data: bytes) -> str | None:
    return next((codec for start, codec in _WIDE_STARTS if data.startswith(start)), None)


# UTF-8 with a few stray bytes (a Latin-1 "ü" pasted in, a character cut short) is still UTF-8: at least
# this many characters beyond ASCII read right for each stray byte. Text in another encoding forms UTF-8's
# sequences by chance only (EUC-JP, the likeliest: under one for each byte that is not; Latin-1: none).
UTF8_STRAY_RATIO = 4


def _utf8_or_none(data: bytes) -> str | None:
    """data as UTF-8 text, or None when it is not UTF-8. A few stray bytes in text that is UTF-8 otherwise
    are each U+FFFD, as browsers read them: detection would read the whole text as another charset
    (mojibake), and refusing it would lose it."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd")
    strays = replaced - data.count("\ufffd".encode())  # less the U+FFFD the text itself holds
    beyond_ascii = len(text) - len(text.encode("ascii", errors="ignore")) - replaced
    return text if beyond_ascii >= UTF8_STRAY_RATIO * strays else None


@functools.cache
def _single_byte(codec: str) -> bool:
    """True for a codec reading each byte as a character (latin-1, cp1252, koi8-r…): it reads UTF-8's
    two bytes of "é" as two characters, where a multi-byte one (gb18030, euc-jp…) reads them as one."""
    try:
        return len(b"\xc3\xa9".decode(codec, errors="replace")) == 2
    except (UnicodeError, LookupError):
        return False  # a codec that takes no error handler ("idna", "punycode"): no single-byte text codec


def _detected(data: bytes) -> str:
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError("not UTF-8 text, no charset declared, and no other encoding reads it")
    for match in matches:
        if "cp1252" in match.could_be_from_charset and match.chaos <= best.chaos + WESTERN_MARGIN:
            return data.decode("cp1252")
    return str(best)


def html_encoding(data: bytes, content_type: str = "") -> tuple[str, str]:
    """(codec, what the page is said to be and by what) for an HTML page, as a browser would choose."""
    if bom := _bom_encoding(data):
        return bom, f"{bom.removesuffix('-sig').upper()} text despite its byte order mark"
    head = data[:HTML_PRESCAN_BYTES]
    for label, where in (
        (http_charset(content_type), "its HTTP Content-Type"),
        (m[1].decode("ascii") if (m := _META_CHARSET.search(head)) else None, "its <meta> charset"),
        (m[1].decode("ascii") if (m := _XML_ENCODING.match(head)) else None, "its XML declaration"),
    ):
        codec = _codec(label)
        if codec is None:
            continue  # no declaration, or a label no codec knows: browsers ignore it too
        if codec in ("ascii", "latin-1", "iso8859-1"):
            codec = "cp1252"  # what browsers read for these labels (WHATWG Encoding)
        elif codec.startswith(("utf-16", "utf-32")):
            codec = "utf-8"  # a page without a UTF-16 byte order mark is not UTF-16, whatever it says
        return codec, f"{label} text as {where} declares"
    return "utf-8", _UNDECLARED


_UNDECLARED = "UTF-8 text, and the page declares no charset"


def decode_html(data: bytes, content_type: str = "") -> str:
    """A page's bytes as text in the encoding html_encoding() chooses; a page that declares none and is not UTF-8
    is read in the charset charset-normalizer detects (_detected, as feed_text does), not refused: an InputError
    only when no charset reads it. As for feeds, a declared single-byte charset on bytes that are UTF-8 is a wrong
    declaration (reading "é" as "Ã©" would store mojibake), and a declared charset the bytes can't be is ignored
    for detection (refusing the page lost it)."""
    codec, declared = html_encoding(data, content_type)
    if codec in ("utf-8", "utf-8-sig") and (text := _utf8_or_none(data.removeprefix(codecs.BOM_UTF8))) is not None:
        return text  # UTF-8, with a few stray bytes or none
    if declared == _UNDECLARED:
        return _detected(data)
    if codec != "utf-8-sig" and _single_byte(codec) and (text := _utf8_or_none(data)) is not None:
        return text  # UTF-8 declared as Latin-1 or windows-1252
    try:
        return data.decode(codec)
    except (UnicodeError, LookupError):
        return _detected(data)


def head_text(data: bytes, size: int = 2000) -> str:
    """The start of an input as text, good enough to recognise its format by."""
    return data[:size].decode(_bom_encoding(data) or "utf-8", errors="replace")


def format_by_name(target: str) -> str | None:
    name = target.lower().split("?")[0]
    for suffixes, fmt in (
        ((".json", ".jsonl", ".ndjson"), "json"),
        ((".rss", ".atom", ".xml"), "feed"),
        ((".html", ".htm"), "html"),
        ((".txt", ".text"), "text"),
    ):
        if name.endswith(suffixes):
            return fmt
    return None


def detect_format(target: str, head: str) -> str:
    if fmt := format_by_name(target):
        return fmt
    start = head.lstrip()[:500].lower()
    if start.startswith(("{", "[")):
        return "json"
    if start.startswith("<?xml") or re.match(r"<(rss|feed|rdf:rdf)\b", start):
        return "html" if "<html" in start else "feed"
    if start.startswith(("<!doctype html", "<html")) or "<body" in start:
        return "html"
    return "text"


def read_input(target: str, options: Options) -> Iterator[ParsedArticle | Rejection]:
    """Every article of one input (file, URL or '-'), or the reasons it was rejected. Whatever goes
    wrong with one input, even a bug of ours, is its rejection with a reason; the run goes on."""
    label = "<stdin>" if target == "-" else target
    try:
        yield from _read_input(target, label, options)
    except Exception as exc:  # noqa: BLE001 - one input must never cost the others (issue 11)
        yield Rejection(label, f"could not be read: {exc.__class__.__name__}: {exc}")


def _read_input(target: str, label: str, options: Options) -> Iterator[ParsedArticle | Rejection]:
    address = _address(target)
    try:
        if _is_local(target) and _json_by_name_or_head(target, options):
            # JSON Lines are streamed: an export of a million articles never sits in memory.
            yield from parse_json_lines(Path(target), label, options, address=address)
            return
        data = read_bytes(target)
    except InputError as exc:
        yield Rejection(label, str(exc))
        return
    except OSError as exc:
        yield Rejection(label, f"cannot read: {exc.strerror or exc}")
        return
    yield from _parse_bytes(data, target, label, options)


def read_fetched(fetched: Fetched, target: str, options: Options) -> Iterator[ParsedArticle | Rejection]:
    """Every article of a URL's answer fetched already (a feed the collector polled, articles/collect.py),
    read as read_input() reads a URL: same formats, same identities, same rejections."""
    try:
        yield from _parse_bytes(fetched, target, target, options)
    except Exception as exc:  # noqa: BLE001 - as read_input: one input's failure is its rejection
        yield Rejection(target, f"could not be read: {exc.__class__.__name__}: {exc}")


def _parse_bytes(data: bytes, target: str, label: str, options: Options) -> Iterator[ParsedArticle | Rejection]:
    address = _address(target)
    content_type = getattr(data, "content_type", "")  # a URL's; files and stdin declare none
    if not data.removeprefix(codecs.BOM_UTF8).strip():
        yield Rejection(label, "empty input")
        return
    fmt = options.format or detect_format(target, head_text(data))
    if fmt == "feed":  # bytes: decoded by the feed's declarations or by detection (feed_text)
        yield from parse_feed(data, label, options, content_type=content_type, address=address)
        return
    if fmt == "html":  # bytes: the parser reads them in the encoding they declare
        yield from parse_html(data, label, options, content_type=content_type)
        return
    text = _text_or_rejection(data, label, content_type)
    if isinstance(text, Rejection):
        yield text
        return
    if fmt == "json":
        yield from parse_json(text, label, options, address=address)
    else:
        yield from parse_text(text, label, options)


def _is_local(target: str) -> bool:
    return target != "-" and not re.match(r"^https?://", target, re.I)


def _address(target: str) -> str:
    """Where an input was read from, as a feed's address: its URL, a file's file: URI, "" for stdin."""
    if target == "-":
        return ""
    if not _is_local(target):
        return target
    return Path(target).resolve().as_uri()


def _json_by_name_or_head(target: str, options: Options) -> bool:
    """Whether a local file is to be read as JSON: asked for, or recognised by its name or start
    (read from its first bytes only, so a large JSON Lines file is never read whole)."""
    if options.format:
        return options.format == "json"
    if fmt := format_by_name(target):
        return fmt == "json"
    with open(target, "rb") as handle:
        head = handle.read(2000)
    return detect_format(target, head_text(head)) == "json"


def _text_or_rejection(data: bytes, origin: str, content_type: str = "") -> str | Rejection:
    """Plain text or JSON decoded (see decode), or why it can't be read: a bad byte, or nothing in it."""
    try:
        text = decode(data, content_type)
    except InputError as exc:
        return Rejection(origin, str(exc))
    return text if text.strip() else Rejection(origin, "empty input")


# --- Plain text ----------------------------------------------------------------------------

_POST_FOOTER = re.compile(r"^The post (?P<headline>.+?) appeared first on (?P<site>.+?)\.*$", re.I)
_SOURCE_LINE = re.compile(r"^Source:\s*(?P<name>.+?)\s*$", re.I)
_BYLINE = re.compile(r"^By\s+(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\s*$")


def parse_text(text: str, origin: str, options: Options) -> Iterator[ParsedArticle | Rejection]:
    """Headline first; body paragraphs; then optionally the WordPress footer and 'Source:' line."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        yield Rejection(origin, "no headline: the file is empty")
        return
    headline = lines.pop(0).strip()
    source, via, byline = "", "", ""
    # Footer lines, read from the end: they name the outlet and aggregator, and are not body.
    while lines:
        last = lines[-1].strip()
        if not last:
            lines.pop()
        elif match := _SOURCE_LINE.match(last):
            via = match["name"]
            lines.pop()
        elif match := _POST_FOOTER.match(last):
            source = match["site"].split(" | ")[0].strip().rstrip(".")
            lines.pop()
        else:
            break
    body_lines = lines
    first = next((i for i, line in enumerate(body_lines) if line.strip()), None)
    if first is not None and (match := _BYLINE.match(body_lines[first].strip())):
        byline = match["name"]
        body_lines = body_lines[first + 1 :]
    body = "\n".join(body_lines).strip()
    if "\n\n" in body:
        paragraphs = [" ".join(block.split()) for block in re.split(r"\n\s*\n", body)]
    else:  # no blank lines: one paragraph a line
        paragraphs = [" ".join(line.split()) for line in body.split("\n")]
    body_text = "\n\n".join(p for p in paragraphs if p)
    yield finish(
        ParsedArticle(
            headline=headline,
            body_text=body_text,
            body_html="",
            origin=origin,
            source=options.source or source,
            via=via,
            **_published(Dated(None), options),
            byline=byline,
        )
    )


# --- JSON and JSON Lines ---------------------------------------------------------------------

_FIELDS = {
    "headline": ("headline", "title", "name"),
    "body": ("body", "content", "text", "body_text", "article", "description"),
    "body_html": ("body_html", "content_html", "html"),
    "published": ("published", "date", "pubDate", "pub_date", "published_at", "publishedAt", "datetime", "created_at"),
    "url": ("url", "link", "permalink", "canonical_url"),
    "source": ("source", "outlet", "publisher", "site_name", "sitename", "feed"),
    "via": ("via", "aggregator"),
    "byline": ("byline", "author", "authors", "creator"),
}


def _field(obj: dict, name: str):
    for key in _FIELDS[name]:
        value = obj.get(key)
        if value not in (None, "", []):
            return value
    return None


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):  # {"name": "…"} as many tools write an author or a source
        value = value.get("name") or value.get("title") or ""
    if isinstance(value, list):
        return ", ".join(_as_text(v) for v in value if v)
    return str(value).strip()


_HTML_IN_TEXT = re.compile(r"<(p|div|br|a|em|strong)\b", re.I)  # a "content" field holding HTML
_HTTP_URL = re.compile(r"^https?://[^\s/]+", re.I)


def article_from_json(obj, origin: str, options: Options) -> ParsedArticle | Rejection:
    if not isinstance(obj, dict):
        return Rejection(origin, f"expected a JSON object, found {type(obj).__name__}")
    try:
        dated = parse_moment(_field(obj, "published"))
        if dated.at is None and obj.get("published_at") not in (None, ""):  # our export: date and moment
            dated = dated._replace(at=parse_moment(obj["published_at"]).at)
    except ValueError as exc:
        return Rejection(origin, str(exc))
    feed_url, entry_id = _as_text(obj.get("feed_url")), _as_text(obj.get("entry_id"))
    if bool(feed_url) != bool(entry_id):
        return Rejection(origin, '"feed_url" and "entry_id" (a feed entry\'s identity) go together')
    body_html = _as_text(_field(obj, "body_html"))
    body = _as_text(_field(obj, "body"))
    if body and not body_html and "<" in body and _HTML_IN_TEXT.search(body):
        body_html, body = body, ""  # a "content" field holding HTML
    quotes = obj.get("quotes")
    if quotes is not None:
        if not isinstance(quotes, list) or not all(isinstance(q, dict) and q.get("text") for q in quotes):
            return Rejection(origin, '"quotes" must be a list of objects with a "text"')
        if bad := [q["speaker_kind"] for q in quotes if q.get("speaker_kind") not in (None, "", *SPEAKER_KINDS)]:
            return Rejection(origin, f'a quote\'s "speaker_kind" is person, organisation or unknown, not {bad[0]!r}')
        quotes = [
            ParsedQuote(
                text=str(q["text"]),
                speaker=q.get("speaker") or None,
                speaker_as_written=str(q.get("speaker_as_written") or ""),
                partial=bool(q.get("partial")),
                # The export's "organisation" kept (an older export says nothing: unknown unless a person speaks).
                speaker_kind=q.get("speaker_kind") or "",
            )
            for q in quotes
        ]
    people = obj.get("people")
    topics = obj.get("topics")
    for key, value in (("people", people), ("topics", topics)):
        if value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            return Rejection(origin, f'"{key}" must be a list of names')
    return finish(
        ParsedArticle(
            headline=_as_text(_field(obj, "headline")),
            body_text=body,
            body_html=body_html,
            origin=origin,
            source=options.source or _as_text(_field(obj, "source")),
            via=_as_text(_field(obj, "via")),
            **_published(dated, options),
            url=_as_text(_field(obj, "url")),
            byline=_as_text(_field(obj, "byline")),
            feed_url=_identity(feed_url, 1000),
            entry_id=_identity(entry_id, 500),
            people=people,
            topics=topics,
            quotes=quotes,
        )
    )


def parse_json(text: str, origin: str, options: Options, *, address: str = "") -> Iterator[ParsedArticle | Rejection]:
    """A JSON object, a JSON list of objects (or {"articles": [...]}), a JSON Feed or JSON Lines.

    Text that doesn't parse whole is read as JSON Lines only when it looks like them (a line
    holding a whole object); anything else is one broken document, reported once, where it breaks."""
    try:
        data = json.loads(text)
    except RecursionError:
        yield Rejection(origin, _TOO_DEEP)
        return
    except json.JSONDecodeError as exc:
        lines = text.splitlines()
        if _looks_like_json_lines(lines):
            for number, line in enumerate(lines, 1):
                yield from _json_line(line, f"{origin}:{number}", options, address=address)
        elif not text.lstrip("\ufeff \t\r\n").startswith(("{", "[")):
            start = " ".join(text.split())[:30]
            yield Rejection(origin, f"not JSON: it starts {start!r}, not {{ or [ (an object, a list or JSON Lines)")
        else:
            where = f"line {exc.lineno} column {exc.colno}"
            if not text[exc.pos :].strip():
                where += " (the end of the input: is it cut short?)"
            yield Rejection(origin, f"not valid JSON: {_json_message(exc)} at {where}")
        return
    if is_json_feed(data):
        yield from parse_json_feed(data, origin, options, address=address)
        return
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, list):
        for number, obj in enumerate(data, 1):
            yield article_from_json(obj, f"{origin}#{number}", options)
    else:
        yield article_from_json(data, origin, options)


def _json_object(line: str) -> dict | None:
    """The JSON object a line holds on its own, if it does."""
    if not line.startswith("{"):
        return None
    try:
        value = json.loads(line)
    except (json.JSONDecodeError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def _looks_like_json_lines(lines: list[str]) -> bool:
    """Several lines, not opening a list, of which one (unindented) is a whole JSON object: the
    lines of a pretty-printed document are indented or are parts of an object, never a whole one."""
    content = [line for line in lines if line.strip()]
    if len(content) < 2 or content[0].lstrip("\ufeff").startswith("["):
        return False
    return any(_json_object(line) is not None for line in content)


def _json_line(line: str, origin: str, options: Options, *, address: str = "") -> Iterator[ParsedArticle | Rejection]:
    if not line.strip():
        return
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        yield Rejection(origin, f"broken JSON line: {_json_message(exc)} at column {exc.colno}")
        return
    except RecursionError:
        yield Rejection(origin, _TOO_DEEP)
        return
    if is_json_feed(obj):  # a JSON Feed on one line: its items
        yield from parse_json_feed(obj, origin, options, address=address)
        return
    yield article_from_json(obj, origin, options)


_TOO_DEEP = "JSON nested too deeply to be an article"


def _json_message(exc: json.JSONDecodeError) -> str:
    return exc.msg.removesuffix(" at")  # "Invalid control character at", followed by our own "at"


def _decode_line(raw: bytes) -> str:
    """One line of a JSON Lines file, which is UTF-8 (RFC 8259)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (invalid byte 0x{raw[exc.start]:02x} at column {exc.start + 1})") from None


def parse_json_lines(
    path: Path, origin: str, options: Options, *, address: str = ""
) -> Iterator[ParsedArticle | Rejection]:
    """Stream a JSON Lines file line by line; a file that is one JSON document is parsed whole."""
    with open(path, "rb") as handle:
        first = handle.readline(MAX_INPUT_BYTES + 1)
        try:
            first_text = _decode_line(first)
        except InputError:
            first_text = ""  # read whole below, whose decoding error says where and what to do
        if _json_object(first_text.strip()) is None:  # not JSON Lines, or its first line is broken
            handle.seek(0)
            if path.stat().st_size > MAX_INPUT_BYTES:
                yield Rejection(origin, "file is larger than 50 MB and is not JSON Lines")
                return
            text = _text_or_rejection(handle.read(), origin)
            if isinstance(text, Rejection):
                yield text
                return
            yield from parse_json(text, origin, options, address=address)
            return
        number, raw = 1, first
        while raw:
            try:
                line = _decode_line(raw)
            except InputError as exc:
                yield Rejection(f"{origin}:{number}", str(exc))
            else:
                yield from _json_line(line, f"{origin}:{number}", options, address=address)
            raw, number = handle.readline(), number + 1


# --- RSS and Atom ------------------------------------------------------------------------------
#
# An entry is an article identified within its feed (ParsedArticle.feed_url, .entry_id): archive.py
# finds it again by them on the next run, so entries sharing a link (a podcast's episodes) are each an
# article. The feed's address is the URL it was fetched from; for a file or standard input, its own
# rel="self" link, else its site link, else the file's location. Relative links are resolved against
# xml:base, else the address it was fetched from, else its self or site link; a link that can't be made
# an http(s) URL is left out (the entry is kept).

_HASH_PREFIX = "sha256:"
_UTF8_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>"
_RELATIVE_REFERENCE = re.compile(r"""\b(?:href|src)\s*=\s*["']?(?!https?:|mailto:|#|["'])""", re.I)
_HTML_TAG = re.compile(r"<[a-z!/]", re.I)


def parse_feed(
    data: bytes, origin: str, options: Options, *, content_type: str = "", address: str = ""
) -> Iterator[ParsedArticle | Rejection]:
    """RSS or Atom bytes, decoded as feed_text() says (declared charset, else byte order mark, else
    detection), parsed by feedparser. `address`: where the feed was read from (an http(s) URL, a file's
    file: URI, or nothing for standard input)."""
    try:
        text = feed_text(data, content_type)
    except InputError as exc:
        yield Rejection(origin, str(exc))
        return
    document, shift = _utf8_xml(_html_entities_as_references(text))
    fetched_from = getattr(data, "url", "") or address  # after redirects, for relative links
    base = fetched_from if _HTTP_URL.match(fetched_from) else ""
    feed = _feedparser(document, base)
    if not feed.get("version"):
        reason = getattr(feed.get("bozo_exception"), "getMessage", lambda: None)() or "no RSS or Atom feed found"
        yield Rejection(origin, f"not a feed: {reason}")
        return
    own = _feed_link(feed.feed, "self") or _feed_link(feed.feed, "alternate")
    if not base and own:
        base = own
        if any(_has_relative_links(entry) for entry in feed.entries):
            feed = _feedparser(document, base)  # again, so feedparser resolves links inside the content too
    if broken := _not_well_formed(feed, document, shift):
        count = len(feed.entries)
        if not options.keep_broken_feeds:
            kept = f"nothing stored from it: --keep-broken-feeds keeps the {count} entries that could be read"
            yield Rejection(origin, f"{broken}; {kept}")
            return
        yield Rejection(origin, f"{broken}; kept the {count} entries that could be read (--keep-broken-feeds)")
    scope = address if _HTTP_URL.match(address) else own or address or "stdin"
    outlet = options.source or _plain(feed.feed.get("title_detail"), feed.feed.get("title", ""))
    for number, entry in enumerate(feed.entries, 1):
        yield _feed_entry(entry, f"{origin}#entry {number}", options, outlet=outlet, scope=scope, base=base)


def _feed_entry(entry, where: str, options: Options, *, outlet: str, scope: str, base: str):
    content = entry.content[0] if entry.get("content") else entry.get("summary_detail") or {}
    raw = content.get("value", "") if content else entry.get("summary", "")
    body_html = _entry_html(raw, content.get("type", "text/html") if content else "text/html")
    link = entry.get("link", "")
    url = link if _HTTP_URL.match(link) else (urllib.parse.urljoin(base, link) if base and link else "")
    headline = _plain(entry.get("title_detail"), entry.get("title", ""))
    entry_id = (entry.get("id") or "").strip() or link or _HASH_PREFIX + _digest(f"{headline}\n{raw}")
    dated = _entry_date(entry)
    return finish(
        ParsedArticle(
            headline=headline or _first_sentence(body_html),
            body_text="",
            body_html=body_html,
            origin=where,
            source=outlet,
            **_published(dated, options),
            url=url if _HTTP_URL.match(url) else "",
            byline=_entry_byline(entry),
            feed_url=_identity(scope, 1000),
            entry_id=_identity(entry_id, 500),
        )
    )


UNTITLED_HEADLINE_CHARS = 100  # an untitled entry's headline: its first sentence, cut at a word past this
_SENTENCE = re.compile(r".+?[.!?…](?=\s|$)")


def _first_sentence(body_html: str) -> str:
    """The headline of an entry without a title, which RSS 2.0 and JSON Feed allow (a short post): the
    first sentence of its text, or as many of its first words as fit in UNTITLED_HEADLINE_CHARS, then
    "…". The text stays whole."""
    text = " ".join(html_to_text(body_html).split())
    first = match[0] if (match := _SENTENCE.match(text)) else text
    if len(first) <= UNTITLED_HEADLINE_CHARS:
        return first
    return first[: UNTITLED_HEADLINE_CHARS + 1].rsplit(" ", 1)[0].rstrip(" ,;:–—-") + "…"


def _feedparser(document: bytes, base: str):
    import feedparser

    # A stream, never the bytes themselves: feedparser would try bytes as a file name first. The text
    # is UTF-8 by now, and the headers say so (feedparser would otherwise take a feed without a
    # Content-Type for ISO-8859-1); Content-Location is its base for relative links.
    headers = {"content-type": "application/xml; charset=utf-8"}
    if base:
        headers["content-location"] = base
    return feedparser.parse(io.BytesIO(document), response_headers=headers)


def _feed_link(feed, rel: str) -> str:
    """The feed's own address (rel="self") or its site's (rel="alternate", RSS's <link>), if http(s)."""
    for link in feed.get("links", []):
        href = link.get("href", "")
        if link.get("rel") == rel and _HTTP_URL.match(href):
            return href
    return ""


def _has_relative_links(entry) -> bool:
    link = entry.get("link", "")
    if link and not _HTTP_URL.match(link):
        return True
    values = [c.get("value", "") for c in entry.get("content", [])] + [entry.get("summary", "")]
    return any(_RELATIVE_REFERENCE.search(value) for value in values)


def _not_well_formed(feed, document: bytes, shift: int) -> str:
    """Why the feed is not well-formed XML, in feedparser's words, or "" if it is. feedparser says
    bozo for other things too (a Content-Type that is not XML's, an encoding it had to guess), and its
    namespace-aware parser refuses a prefix nobody declared ("media:"), which XML itself allows: those
    feeds are read whole, so they are not refused."""
    exc = feed.get("bozo_exception")
    if not feed.get("bozo") or not isinstance(exc, xml.sax.SAXException):
        return ""
    try:
        xml.parsers.expat.ParserCreate().Parse(document, True)
        return ""  # well-formed XML; only its namespaces are not
    except xml.parsers.expat.ExpatError:
        pass
    message = exc.getMessage() if hasattr(exc, "getMessage") else str(exc)
    if isinstance(exc, xml.sax.SAXParseException):
        line, column = exc.getLineNumber(), exc.getColumnNumber()
        if line == 1:
            column = max(0, column - shift)  # the declaration put in front of a feed without one
        return f"not well-formed XML (line {line}, column {column}): {message}"
    return f"not well-formed XML: {message}"


def _entry_html(raw: str, kind: str) -> str:
    """An entry's content as HTML for finish() to sanitise. HTML without a single tag is text whose
    entities are decoded once here ("&ouml;" is ö) and whose line breaks are paragraphs; text is
    text, whatever it looks like."""
    if kind in ("text/html", "application/xhtml+xml"):
        if _HTML_TAG.search(raw):
            return raw
        raw = html.unescape(raw)
    return text_to_html(raw)


def _plain(detail, value: str) -> str:
    """A title as text: HTML ones (feedparser's type) without their markup and entities, text as it is."""
    if detail and detail.get("type") in ("text/html", "application/xhtml+xml"):
        return html_to_text(value)
    return " ".join((value or "").split())


def _entry_byline(entry) -> str:
    names = [a.get("name", "").strip() for a in entry.get("authors", []) if isinstance(a, dict)]
    names = [name for name in names if name]
    if names:
        return ", ".join(dict.fromkeys(names))
    return (entry.get("author_detail", {}).get("name") or entry.get("author") or "").strip()


def _entry_date(entry) -> Dated:
    """The entry's date where it was published, and the moment, from its own text ("Tue, 03 Jun 2025
    22:30:00 -0500" is 3 June; "2017-04" is April 2017), else from feedparser's reading (in UTC) of a date
    we don't know, unless only its ISO 8601 reader reads it: that one fills what it can't read from today's
    clock ("2024/05/13" is 1 December 2024 when read in December), and ISO dates are ours to read."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            dated = parse_moment(raw)
        except ValueError:
            dated = Dated(None)
        if dated.day:
            return dated
        if entry.get(f"{key}_parsed") and (parsed := _feedparser_date(raw)):
            moment = dt.datetime(*parsed[:6], tzinfo=dt.UTC)
            return Dated(moment.date(), moment if _A_TIME.search(raw) else None)  # no time: the day alone
    return Dated(None)


_A_TIME = re.compile(r"\d:\d\d")


def _feedparser_date(raw: str):
    """feedparser's reading of a date (a time tuple in UTC) by its readers other than ISO 8601's, or None."""
    from feedparser import datetimes

    for reader in datetimes._date_handlers:  # feedparser's list, in its order (pinned in requirements.txt)
        if reader is datetimes._parse_date_iso8601:
            continue
        try:
            parsed = reader(raw)
        except (KeyError, OverflowError, ValueError, AttributeError):  # as feedparser's _parse_date
            continue
        if parsed and len(parsed) == 9:
            return parsed
    return None


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _identity(value: str, limit: int) -> str:
    """An identity as stored: a value longer than its column is replaced by its hash."""
    value = strip_control(value).strip()
    return value if len(value) <= limit else _HASH_PREFIX + _digest(value)


_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
_NAMED_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]{1,31});")
_CDATA_OR_COMMENT = re.compile(r"(<!\[CDATA\[.*?\]\]>|<!--.*?-->)", re.S)


def _html_entities_as_references(text: str) -> str:
    """HTML's named entities (&nbsp; &eacute; &mdash;) as numeric character references, which XML
    defines. Feeds written by hand or by HTML-minded software use them although XML knows only its
    five, and what the publisher meant is plain: refusing such a feed as not well-formed lost its
    entries (245 of feedparser's own test feeds). CDATA sections and comments are left as they are:
    there the text is HTML the sanitiser decodes, or nothing. A name HTML does not define either stays,
    so the feed is still reported as not well-formed."""
    if "&" not in text:
        return text

    def reference(match: re.Match) -> str:
        name = match.group(1)
        characters = html.entities.html5.get(name + ";") if name not in _XML_ENTITIES else None
        return "".join(f"&#{ord(c)};" for c in characters) if characters else match.group(0)

    parts = _CDATA_OR_COMMENT.split(text)
    # split() with one group: even indexes are outside CDATA and comments, odd ones are the sections
    return "".join(part if i % 2 else _NAMED_ENTITY.sub(reference, part) for i, part in enumerate(parts))


def _utf8_xml(text: str) -> tuple[bytes, int]:
    """The feed as UTF-8 bytes saying so in its XML declaration (the one there, in place, so line
    numbers stay), and how many characters were put in front of its first line."""
    text = text.lstrip("\ufeff \t\r\n")  # whitespace before <?xml is an error nobody is helped by
    if match := _XML_DECLARATION_TEXT.match(text):
        return (_UTF8_DECLARATION + text[match.end() :]).encode("utf-8", "surrogatepass"), len(
            _UTF8_DECLARATION
        ) - match.end()
    return (_UTF8_DECLARATION + text).encode("utf-8", "surrogatepass"), len(_UTF8_DECLARATION)


# --- JSON Feed (https://jsonfeed.org/version/1.1) -------------------------------------------------


def is_json_feed(obj) -> bool:
    version = obj.get("version") if isinstance(obj, dict) else None
    return isinstance(version, str) and version.startswith(("https://jsonfeed.org/version/", "http://jsonfeed.org/"))


def parse_json_feed(
    feed: dict, origin: str, options: Options, *, address: str = ""
) -> Iterator[ParsedArticle | Rejection]:
    """Each item of a JSON Feed an article, identified by its id within the feed (as RSS entries are)."""
    items = feed.get("items")
    if not isinstance(items, list):
        yield Rejection(origin, 'a JSON Feed whose "items" is not a list')
        return
    own = next((u for u in (_as_text(feed.get(k)) for k in ("feed_url", "home_page_url")) if _HTTP_URL.match(u)), "")
    base = address if _HTTP_URL.match(address) else own
    scope = address if _HTTP_URL.match(address) else own or address or _as_text(feed.get("title")) or "stdin"
    outlet = options.source or _as_text(feed.get("title"))
    for number, item in enumerate(items, 1):
        where = f"{origin}#item {number}"
        if not isinstance(item, dict):
            yield Rejection(where, f"expected a JSON object, found {type(item).__name__}")
            continue
        yield _json_feed_item(item, where, options, outlet=outlet, scope=scope, base=base)


def _json_feed_item(item: dict, where: str, options: Options, *, outlet: str, scope: str, base: str):
    link = _as_text(item.get("url"))
    url = urllib.parse.urljoin(base, link) if base and link else link
    if item.get("content_html"):
        body_html = _as_text(item["content_html"])
    else:
        body_html = text_to_html(_as_text(item.get("content_text") or item.get("summary")))
    headline = _as_text(item.get("title"))
    item_id = _as_text(item.get("id"))
    entry_id = item_id or link or _HASH_PREFIX + _digest(f"{headline}\n{body_html}")
    headline = headline or _first_sentence(body_html)
    try:
        dated = parse_moment(item.get("date_published") or item.get("date_modified"))
    except ValueError:
        dated = Dated(None)
    authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
    return finish(
        ParsedArticle(
            headline=headline,
            body_text="",
            body_html=body_html,
            origin=where,
            source=outlet,
            **_published(dated, options),
            url=url if _HTTP_URL.match(url) else "",
            byline=_as_text(authors) if isinstance(authors, list) else "",
            feed_url=_identity(scope, 1000),
            entry_id=_identity(entry_id, 500),
        )
    )


# --- HTML pages ----------------------------------------------------------------------------------
#
# trafilatura finds the text (its precise mode, its balanced one when that finds only a sliver), and
# the lines of the story's block that are the site's go (read also, photo credits, copyright lines,
# calls to subscribe, advertising labels); what the page says about itself is read from its metadata
# (Open Graph, schema.org JSON-LD, <meta> names), not guessed: a headline without the site's name
# after or before it, the outlet only from a name the page gives it (og:site_name, the publisher, else
# the part of its title its address names), a byline only when it is a person's name, the date the
# page says it was published (else one in its address), never a copyright line's year.

# Words that say a byline or an "author" is not a person ("Staff Reporter", "Sports Desk").
NOT_A_PERSON_WORDS = frozenset(
    "the staff reporter reporters correspondent correspondents editor editors editorial desk team newsroom news "
    "agency press media wire service services bureau online digital admin administrator webmaster contributor "
    "contributors guest writer writers author authors updated posted published sports sport weather opinion "
    "business magazine gazette herald tribune journal daily weekly radio television tv group network live "
    "unknown anonymous various post times foundation institute university association society club council "
    "ministry department office company support redaktion redaktionen redacción rédaction redazione user users "
    # company forms and other languages' outlet words ("Harbourlicht Verlag GmbH", "Hildesheimer Presse")
    "gmbh ag eg inc ltd llc plc corp verlag zeitung presse magazin verein amt nachrichten "
    # a firm's "& Co KG", and news in other languages ("Noticias de …", "Diario …")
    "co kg noticias diario periódico jornal notizie giornale nieuws krant wiadomości".split()
)
# What a byline says its person is, before the name ("Interview Marit Oddny", "Autorin Lene Harkort",
# "Rechtsanwalt Jonas Petrov", "Online-Experte …"): not part of the name.
BYLINE_ROLE_WORDS = (
    "interview", "text", "author", "autor", "autorin", "auteur", "auteure", "autora", "reporter", "redakteur",
    "redakteurin", "rechtsanwalt", "rechtsanwältin", "experte", "expertin", "gastautor", "gastautorin",
)  # fmt: skip
# A byline's first word that says it is not a name: an article ("Die Tagespresse", "La República").
_ARTICLE_WORDS = frozenset("der die das den dem des ein eine la las el los le les il lo gli het een".split())
# A byline's last word that is a web domain's ending, as sites' "authors" read once their dots are gone
# ("Facebook Com", "Www Portalspozywczy Pl").
_DOMAIN_ENDINGS = frozenset("com org net info biz io co uk de at ch pl fr it es nl be eu ru br mx ar".split())
# Lower-case words inside names ("Hélène van der Berg").
NAME_PARTICLES = frozenset("van von der den de del della di da dos das du la le ter ten bin ibn al el y".split())
_ARTICLE_TYPES = ("Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
                  "BackgroundNewsArticle", "BlogPosting", "LiveBlogPosting", "Report", "ScholarlyArticle")  # fmt: skip
# Where pages state when they were published, best first (after article:published_time and JSON-LD).
_DATE_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "date", "pubdate",
    "publishdate", "publish-date", "publication_date", "sailthru.date", "parsely-pub-date",
    "citation_publication_date",
)  # fmt: skip
_AUTHOR_META = (
    "author", "article:author", "byl", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author",
    "citation_author",
)  # fmt: skip
_PUBLISHER_META = ("publisher", "dc.publisher", "dcterms.publisher", "application-name")
# A hyphen only with a space beside it: "Privatkredit-Zinsen" is one word, not "Privatkredit" and a headline.
_TITLE_SEPARATOR = r"(?:\s*(?:\||::|–|—|:|·|•|»|«|/)\s*|\s+-\s*|-\s+)"
# Between a headline and the site's name its address gives: a hyphen or a slash with spaces around it
# ("Krimiblog-Archiv" on archiv.krimiblog.example is one name), and guillemets too (German quotes with
# them: "»Kein Geld mehr für die Miete« (neues deutschland)").
_HOST_SEPARATOR = r"\s*(?:\||::|·|•)\s*|\s+(?:-|–|—|/|»|«)\s+|:\s+"
# "By", in the languages of the pages we read ("Von Lene Harkort", "Por Inés Calvar", "Par Odile Marchetti").
_BY = re.compile(r"^(?:(?:written|posted|words|text|story|reporting)\s+)?(?:by|von|vom|por|par|door)\s+", re.I)
_ROLE = re.compile(rf"^(?:\S+-)?(?:{'|'.join(BYLINE_ROLE_WORDS)})(?:\s*:\s*|\s+)", re.I)
_REGISTERED_ASSOCIATION = re.compile(r"\be\.\s?V\b\.?")  # German "e. V.": a club, not a person
# German's role words for men and women at once ("Autor/in", "Autor:in", "Redakteur*in"; "Autor; In" once an
# extractor split it): the "in" is the role's ending, not the next name's first word.
_GENDERED_ROLE = re.compile(rf"\b({'|'.join(BYLINE_ROLE_WORDS)})\s*[/:*;_]\s*in\b[\s:]*", re.I)


def parse_html(
    text: str | bytes, origin: str, options: Options, *, content_type: str = ""
) -> Iterator[ParsedArticle | Rejection]:
    import trafilatura

    if isinstance(text, bytes):
        try:
            text = decode_html(text, content_type)
        except InputError as exc:
            yield Rejection(origin, str(exc))
            return
    url = _url_of(origin)
    tree = trafilatura.load_html(text)
    page = _page_metadata(tree) if tree is not None else PageMetadata()
    document = _extracted(text, url)
    if document is None or not (document.text or "").strip():
        yield Rejection(origin, "no article text found in the page")
        return
    host = urllib.parse.urlsplit(document.url or url or "").hostname or ""
    title = page.title or (document.title or "").strip()
    # The outlet: the name the page gives its site, else the part of its title its address names.
    site = page.site_name or (named if _outlet_name(named := _site_named_in_title(title, host)) else "")
    headline = _without_site_name(title, site, page.heading, host)
    if site and (own := _site_name_beside(site, headline, page.title)) != site:
        site = own or (named if _outlet_name(named := _site_named_in_title(title, host)) else "")
        headline = _without_site_name(title, site, page.heading, host)
    paragraphs = [line.strip() for line in document.text.split("\n") if line.strip()]
    if (heading := _article_heading(headline, site, paragraphs, page.headings)) != headline:
        headline = heading
        if heading in paragraphs[:ARTICLE_HEADING_LINES]:
            paragraphs.remove(heading)  # the article's heading, not its text
    if paragraphs and headline and paragraphs[0] in (headline, page.heading):
        paragraphs = paragraphs[1:]  # trafilatura repeats the <h1>
    paragraphs = _without_chrome_lines(paragraphs)
    dated = page.published or Dated(None)
    if dated.day is not None and page.published_in_utc:
        dated = _local_day(dated, document.url or url or "")
    written = _page_text(tree) if tree is not None else ""
    if dated.day is None:
        try:
            # htmldate: the page's metadata or its address
            dated = Dated(_as_written(parse_date(document.date), written, text))
        except ValueError:
            pass
    if dated.day is None:
        dated = Dated(_date_in_text(tree if tree is not None else text, written, text))
    yield finish(
        ParsedArticle(
            headline=headline,
            body_text="\n\n".join(paragraphs),
            body_html="",
            origin=origin,
            source=options.source or site,
            **_published(dated, options),
            url=document.url or url or "",
            byline=_byline([*page.authors, document.author or ""], site),
        )
    )


# trafilatura's precision mode keeps menus and lists of other stories out, but it skips the rescues its
# balanced mode has (the page's text as a whole, a retry when little was found): on a page whose article
# it cannot see there (text in <noscript>, a wrapper named like chrome) it returns a sliver, a date or a
# "your browser is out of date" notice. Such a sliver gives way to what the next mode finds.
SLIVER_CHARS = 1000  # an extraction shorter than this may be a sliver…
SLIVER_RATIO = 5  # …when the next mode finds this many times as much


def _extracted(text: str, url: str | None):
    """trafilatura's document for the page: precision first, so menus and lists of other stories stay
    out; the balanced mode, then recall, when what precision found is nothing or a sliver."""
    import trafilatura

    # Metadata only for the date (no guess from the text: a copyright line's year is no date).
    dates = {"extensive_search": False, "original_date": True, "max_date": dt.date.today().isoformat()}
    best, size = None, 0
    for settings in ({"favor_precision": True}, {}, {"favor_recall": True}):
        if best is not None and size >= SLIVER_CHARS:
            break
        document = trafilatura.bare_extraction(
            text, with_metadata=True, url=url, date_extraction_params=dates, include_comments=False, **settings
        )
        found = len(" ".join((document.text or "").split())) if document is not None else 0
        if best is None or (found and found > SLIVER_RATIO * size):
            best, size = document, found
    return best


# Lines of the article's own block that are the site's, not the article's: what trafilatura keeps
# because a site writes them as paragraphs of the story.
# "Read also: <another story's headline>", in the languages of the pages we read; a line that begins so
# ("Read more: Saltney school reopens", "Lesen Sie auch: …"; not "Read more about the timetable in …").
READ_ALSO_PHRASES = (
    "read more", "read also", "also read", "see also", "related", "more on this", "recommended",
    "you may also like", "you might also like",
    "lesen sie auch", "lesen sie hier", "lesen sie mehr", "lies auch", "auch lesen", "auch interessant",
    "mehr zum thema", "mehr themen", "weitere themen", "schon gelesen", "zum weiterlesen", "weiterlesen",
    "das könnte sie auch interessieren", "das könnte dich auch interessieren",
    "das thema könnte dich auch interessieren",
    "lea también", "lee también", "vea también", "le puede interesar", "te puede interesar",
    "notas relacionadas", "noticias relacionadas",
    "à lire aussi", "lire aussi", "à lire également", "voir aussi",
    "czytaj też", "czytaj także", "czytaj więcej", "dowiedz się więcej", "zobacz też", "zobacz także",
    "leia também", "leia mais", "veja também", "leggi anche", "lees ook", "lees meer",
    # headings of a list of other stories ("More stories from the quay", "Weitere Artikel zum Thema")
    "more stories", "more from", "related articles", "related stories", "next article", "previous article",
    "weitere artikel", "weitere beiträge", "weitere aktuelle themen", "beiträge aus dem forum", "top-themen",
    "nächster artikel", "vorschau auf den nächsten artikel", "más noticias", "más sobre",
)  # fmt: skip
READ_ALSO_HEADING_WORDS = 8  # a heading that begins with one of them: short, no full stop
# A photo's credit: one of these words, then a colon or "©" ("Photo: Ines Calvar", "Titelbild: …").
CREDIT_WORDS = (
    "(c)", "copyright", "photo", "photos", "photo credit", "credit", "credits", "(credit", "image",
    "foto", "fotos", "bild", "bildquelle", "titelbild", "beitragsbild", "crédit photo", "crédits photos",
)  # fmt: skip
RIGHTS_RESERVED = (
    "all rights reserved", "alle rechte vorbehalten", "todos los derechos reservados", "tous droits réservés",
    "wszelkie prawa zastrzeżone",
)  # fmt: skip
CREDIT_LINE_WORDS = 30  # a caption or a copyright line is short; a paragraph quoting one is not
# The site asking the reader for something (to subscribe, sign up, follow it, donate) or saying that it
# is paid for what it links to: a short line holding one of these is the site's, not the story's.
CALL_TO_ACTION_PHRASES = (
    # as the site writes them to its reader, not as a story reports them ("residents can sign up for …")
    "sign up here", "sign up now", "sign up to get", "sign up to our", "sign up for our", "free sign up",
    "subscribe now", "subscribe to our", "subscribe here", "please subscribe", "our newsletter",
    "already a subscriber", "never miss the latest", "never miss our", "follow us on", "apps for ios and android",
    "submit your letter",
    "submit a letter", "affiliate link", "affiliate links", "may receive compensation",
    "products from one or more of our advertisers",
    "newsletter anmelden", "newsletter abonnieren", "rss-feed abonnieren", "jetzt abonnieren", "enthält werbung",
    "nicht eingeloggt",
    "síguenos en", "siguenos en", "suscríbete", "suscribirse aquí", "hazte miembro", "canal de telegram",
    "abonnez-vous", "suivez-nous", "inscrivez-vous",
)  # fmt: skip
CALL_TO_ACTION_WORDS = 40
# A label that marks what follows as an advertisement ("Anzeige – …", "*Werbung. …").
AD_LABELS = ("anzeige", "werbung", "advertisement", "sponsored", "publicidad", "publicité", "reklama")
_READ_ALSO = re.compile(rf"^(?:{'|'.join(map(re.escape, READ_ALSO_PHRASES))})\s*(?:[:»›>|?!…–-]|$)", re.I)
_READ_ALSO_HEADING = re.compile(rf"^(?:{'|'.join(map(re.escape, READ_ALSO_PHRASES))})\b", re.I)
_READ_ALSO_ALONE = re.compile(rf"^(?:{'|'.join(map(re.escape, READ_ALSO_PHRASES))})\s*[:?!…]?$", re.I)
_CREDIT = re.compile(rf"^(?:©|(?:{'|'.join(map(re.escape, CREDIT_WORDS))})\s*[:©])", re.I)
_CALL_TO_ACTION = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, CALL_TO_ACTION_PHRASES))})(?!\w)", re.I)
_AD_LABEL = re.compile(rf"^\W*(?:{'|'.join(AD_LABELS)})\s*(?:[.:|–—-]|$)", re.I)  # not "Werbung, sagt …"
_RIGHTS = re.compile(rf"©|{'|'.join(map(re.escape, RIGHTS_RESERVED))}", re.I)


def _without_chrome_lines(paragraphs: list[str]) -> list[str]:
    """The article's paragraphs without the lines that point to other stories, credit a photo, claim
    the page's copyright, ask the reader to subscribe or follow, or mark an advertisement. A "read also"
    heading alone on its line in the last third of the article starts the list of other stories: it goes
    with what follows."""
    for i, line in enumerate(paragraphs):
        if 3 * i >= 2 * len(paragraphs) and _READ_ALSO_ALONE.match(line):
            paragraphs = paragraphs[:i]
            break
    return [
        line
        for line in paragraphs
        if not (
            _READ_ALSO.match(line)
            or (
                _READ_ALSO_HEADING.match(line)
                and len(line.split()) <= READ_ALSO_HEADING_WORDS
                and not line.endswith(".")
            )
            or _CREDIT.match(line)
            or (len(line.split()) <= CREDIT_LINE_WORDS and _RIGHTS.search(line))
            or (len(line.split()) <= CALL_TO_ACTION_WORDS and _CALL_TO_ACTION.search(line))
            or _AD_LABEL.match(line)
        )
    ]


@dataclass
class PageMetadata:
    """What a page says about itself in its <head> (and JSON-LD), as pages write it."""

    title: str = ""  # og:title, else the JSON-LD article's headline
    heading: str = ""  # the first <h1>
    headings: list[str] = field(default_factory=list)  # every <h1>'s text, without its <style> and <script>
    site_name: str = ""  # og:site_name, else the publisher JSON-LD or <meta> names, if a name
    authors: list[str] = field(default_factory=list)  # JSON-LD's people (together), then <meta> authors
    published: Dated | None = None
    published_in_utc: bool = False  # the published time is given in UTC, not where it was written


def _page_metadata(tree) -> PageMetadata:
    meta: dict[str, str] = {}
    for element in tree.iter("meta"):
        # itemprop only for the date: an article's list of references gives each its "author" (microdata).
        key = (element.get("property") or element.get("name") or "").strip().lower()
        if not key and (element.get("itemprop") or "").strip().lower() == "datepublished":
            key = "datepublished"
        content = " ".join((element.get("content") or "").split())
        if key and content:
            meta.setdefault(key, content)
    article, website = _json_ld(tree)
    publisher = article.get("publisher") if article else None
    publisher = publisher[0] if isinstance(publisher, list) and publisher else publisher
    names = [
        meta.get("og:site_name", ""),
        _as_text(publisher.get("name")) if isinstance(publisher, dict) else "",
        _as_text(website.get("name")) if website else "",
        *(meta.get(key, "") for key in _PUBLISHER_META),
    ]
    authors = article.get("author") if article else None
    authors = authors if isinstance(authors, list) else [authors] if authors else []
    people = [
        _as_text(a.get("name")) if isinstance(a, dict) else _as_text(a)
        for a in authors
        if not isinstance(a, dict) or a.get("@type") in (None, "Person")
    ]
    times = [e.get("datetime", "") for e in tree.xpath("//time[@itemprop='datePublished' or @pubdate]")]
    heading = tree.xpath("string(//h1[1])") if tree.xpath("//h1") else ""
    headings = [" ".join("".join(h.xpath(_VISIBLE_TEXT)).split()) for h in tree.xpath("//h1")[:MAX_HEADINGS]]
    published, in_utc = _first_moment(
        [meta.get("article:published_time"), _as_text(article.get("datePublished")) if article else "", *times]
        + [meta.get(key) for key in _DATE_META]
    )
    return PageMetadata(
        title=meta.get("og:title") or (_as_text(article.get("headline")) if article else ""),
        heading=" ".join(str(heading).split()),
        headings=[h for h in headings if h],
        site_name=next((name for name in names if _outlet_name(name)), ""),
        authors=[", ".join(p for p in people if p)] + [meta[key] for key in _AUTHOR_META if key in meta],
        published=published,
        published_in_utc=in_utc,
    )


def _json_ld(tree) -> tuple[dict, dict]:
    """The page's schema.org article and website objects from its JSON-LD, if it has them."""
    objects: list[dict] = []

    def collect(value, depth: int = 0) -> None:
        if depth > 5:
            return
        if isinstance(value, list):
            for item in value:
                collect(item, depth + 1)
        elif isinstance(value, dict):
            objects.append(value)
            collect(value.get("@graph"), depth + 1)

    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            collect(json.loads(script.text_content()))
        except (ValueError, RecursionError):
            continue

    def of_type(names: tuple[str, ...]) -> dict:
        for obj in objects:
            kinds = obj.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(kind in names for kind in kinds):
                return obj
        return {}

    return of_type(_ARTICLE_TYPES), of_type(("WebSite",))


def _date_in_text(page, written: str = "", html_text: str = "") -> dt.date | None:
    """A full date the page's text gives (a dateline: "10.09.2017", "May 3, 2022"), found by htmldate's
    extensive search; the first of a month or year only when the text writes that day ("01.02.2022",
    "1. November 2021"): it is also what htmldate makes of a copyright line's year ("© 2024" is
    2024-01-01) or a month alone, not a date anyone wrote."""
    from htmldate import find_date

    try:
        found = find_date(page, extensive_search=True, original_date=True, max_date=dt.date.today().isoformat())
        day = dt.date.fromisoformat(found) if found else None
    except ValueError:
        return None
    if day is None:
        return None
    day = _as_written(day, written, html_text)
    return day if day.day != 1 or _writes_first_of_month(day, written) else None


def _page_text(tree) -> str:
    """The words of a page as a reader sees them (no scripts, no styles)."""
    parts = tree.xpath("//body//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)]")
    return " ".join(" ".join(str(part) for part in parts).split())


# A month's name in the languages of the pages we read, as its first letters ("Nov.", "November", "novembre",
# "März", "mayo", "août").
_MONTH_WORD = (
    r"(?:jan|feb|f[ée]v|m[äa]r|apr|avr|abr|ma[iyg]|mei|jun|jui|giu|jul|lug|aug|ao[uû]|ago|sep|set|o[ck]t|ott|out"
    r"|nov|de[cz]|d[ée]c|dic)[^\W\d]*\.?"
)


def _writes_first_of_month(day: dt.date, written: str) -> bool:
    """Whether the page's text writes `day`, the first of a month, with its day: "01.02.2022", "2022-02-01",
    "1. November 2021", "1er novembre 2021", "November 1, 2021" (a copyright line's year does not)."""
    year, month = day.year, day.month
    patterns = (
        rf"\b0?1\.\s?0?{month}\.\s?{year}\b",
        rf"\b{year}-{month:02d}-01\b",
        rf"\b0?1(?:\.|er|º|st)?\s+(?:de\s+)?{_MONTH_WORD},?\s+(?:de\s+)?{year}\b",
        rf"\b{_MONTH_WORD}\s+0?1(?:st)?,?\s+{year}\b",
    )
    return any(re.search(pattern, written, re.I) for pattern in patterns)


def _as_written(day: dt.date | None, written: str, html_text: str = "") -> dt.date | None:
    """`day` as htmldate found it, its day and month the other way round when the page's text writes it with
    dots, which always put the day first ("4. 2. 2022" is 4 February, not 2 April; "01.11.2023" is the
    1st of November, whatever a "11/01/2023" elsewhere reads as), unless the page also writes `day` itself."""
    if day is None or day.day > 12 or day.day == day.month or not written:
        return day
    try:
        swapped = day.replace(month=day.day, day=day.month)
    except ValueError:
        return day

    def dotted(d: dt.date) -> str:
        return rf"\b0?{d.day}\.\s?0?{d.month}\.\s?{d.year}\b"

    itself = (day.isoformat(), day.strftime("%Y/%m/%d"))  # in the metadata or an address
    if re.search(dotted(swapped), written) and not re.search(dotted(day), written):
        return day if any(form in html_text for form in itself) else swapped
    return day


def _first_moment(values: list) -> tuple[Dated | None, bool]:
    """The first of `values` that is a date, and whether it is a time given in UTC; a time in UTC is the
    day where it was written when another of `values` gives the same moment with the publisher's offset
    ("2019-10-18T22:04:00Z" and "Sat, 19 Oct 2019 00:04:00 +0200" are 19 October)."""
    moments: list[tuple[Dated, dt.timedelta | None]] = []
    for value in values:
        try:
            dated = parse_moment(value)
        except ValueError:
            continue
        if dated.day:
            text = _SEPT.sub("Sep", str(value).strip())
            written = _iso_datetime(text) or _rfc822_datetime(text)
            moments.append((dated, written.utcoffset() if written is not None and written.tzinfo else None))
    if not moments:
        return None, False
    first, offset = moments[0]
    if offset != dt.timedelta(0):
        return first, False
    for other, other_offset in moments[1:]:
        if other.at == first.at and other_offset:
            return other, False
    return first, True


def _local_day(dated: Dated, url: str) -> Dated:
    """A date given in UTC as the publisher's day: the day in the page's address when that is the day
    before or after (a New York story of 21:25 on 24 February is 02:25 UTC on the 25th)."""
    match = re.search(r"/((?:19|20)\d\d)[/-](\d\d?)[/-](\d\d?)(?:[/_.-]|$)", urllib.parse.urlsplit(url).path)
    try:
        day = dt.date(int(match[1]), int(match[2]), int(match[3])) if match else None
    except ValueError:
        return dated
    if day is not None and dated.day is not None and abs(day - dated.day) == dt.timedelta(days=1):
        return dated._replace(day=day)
    return dated


def _outlet_name(name: str) -> bool:
    """Whether a name a page gives its site is an outlet's name: not a copyright line ("© 2025 …, All
    rights reserved"), an address, a domain ("post.example") or a handle ("@brindlepost")."""
    name = name.strip()
    if not name or len(name) > 200 or re.search(r"©|\(c\)|copyright|rights reserved|\b(1[89]|20)\d\d\b", name, re.I):
        return False
    return not re.search(r"^@|://|^[\w-]+(\.[\w-]+)+$|[{}]", name)  # {…}: a template's placeholder


SITE_NAME_HEADLINE_WORDS = 4  # a headline shorter than this may be a site's name ("BMJV", "RS Ingenieure")


def _site_name_beside(site: str, headline: str, og_title: str) -> str:
    """The site's name when the name a page gives it is its title: the headline and the site's name
    ("Ferry fares frozen - Brindle Post", as application-name or og:site_name) give the site's name, the
    headline alone (application-name copying <title>) none. A site name that is also the page's og:title
    stays, and so does one holding a headline of a word or three: there the headline is the site's name
    (or part of it), not the other way round."""
    if len(headline.split()) < SITE_NAME_HEADLINE_WORDS:
        return site
    if site.casefold() == headline.casefold():
        return site if og_title else ""
    escaped = re.escape(headline)
    if match := re.match(rf"^{escaped}{_TITLE_SEPARATOR}(?P<rest>.+)$", site, re.I) or re.match(
        rf"^(?P<rest>.+?){_TITLE_SEPARATOR}{escaped}$", site, re.I
    ):
        return match["rest"] if _outlet_name(match["rest"]) else ""
    return site


def _without_site_name(title: str, site: str, heading: str = "", host: str = "") -> str:
    """The headline without the site's name after or before it ("Ferry fares frozen | The Post"), as
    the page names its site (og:site_name; "The" optional, any case; an abbreviation after it in
    brackets) or, when that name is not in the title, as its address does ("… - POST.EXAMPLE", "… |
    Harbour Post" on harbourpost.example); then without what follows or precedes the page's own <h1> after a separator
    (a tagline), or a separator left at the end."""
    title = re.sub(r"\s+(?:\||::|-|–|—|:|·|•|/)$", "", " ".join(title.split()))  # not a closing "»"
    for name in dict.fromkeys(n for n in (site, re.sub(r"^the\s+", "", site, flags=re.I)) if n):
        name = rf"{re.escape(name)}(?:\s*\([^()]{{1,15}}\))?"
        after, before = rf"^(?P<headline>.+?){_TITLE_SEPARATOR}{name}$", rf"^{name}{_TITLE_SEPARATOR}(?P<headline>.+)$"
        if match := re.match(after, title, re.I) or re.match(before, title, re.I):
            title = match["headline"]
            break
    else:
        parts = re.split(f"({_HOST_SEPARATOR})", title) if host else []
        if len(parts) >= 3 and _names_host(parts[-1], host):
            title = "".join(parts[:-2])
        elif len(parts) >= 3 and _names_host(parts[0], host):
            title = "".join(parts[2:])
    if heading and heading != title:
        escaped = re.escape(heading)
        after, before = rf"^{escaped}{_TITLE_SEPARATOR}\S", rf"^.*\S{_TITLE_SEPARATOR}{escaped}$"
        if re.match(after, title) or re.match(before, title):
            return heading
    return title


# A headline of a word or two, the site's own name or an address's slug may be a section's title, not the
# article's: og:title or trafilatura's title gives "Pressemitteilungen" on a press release, "Hauptmenü" or "Themen"
# on a page with no <title> of its own, "adac-kindersitztest-herbst-2018" where a template put the slug.
SECTION_TITLE_WORDS = 2
ARTICLE_HEADING_LINES = 3  # where trafilatura's extraction holds the article's own <h1>: its first lines
MAX_HEADINGS = 20
_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")
_DOMAIN = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+", re.I)
_VISIBLE_TEXT = ".//text()[not(ancestor::style) and not(ancestor::script)]"


def _article_heading(headline: str, site: str, paragraphs: list[str], headings: list[str]) -> str:
    """The article's own heading when `headline` may be a section's title (SECTION_TITLE_WORDS or fewer, the
    site's name, a slug): the first <h1> of the page among the first lines trafilatura extracted, that is the
    article's; else, for the site's name, the page's first <h1>. A headline that is itself an <h1> of the page
    stays ("About us" above a profile's sections), unless it is the heading just above the article's, with fewer
    words (a listing's "Press releases", then the release's headline). Otherwise the headline as it is."""
    folded = headline.casefold()
    is_site = bool(site) and folded == site.casefold()
    if not (len(headline.split()) <= SECTION_TITLE_WORDS or is_site or _SLUG.fullmatch(headline)):
        return headline
    h1s = {heading.casefold() for heading in headings}
    lines = paragraphs[:ARTICLE_HEADING_LINES]
    for i, line in enumerate(lines):
        if line.casefold() == folded or line.casefold() not in h1s:
            continue
        if folded not in h1s:
            return line
        if i and lines[i - 1].casefold() == folded and len(line.split()) > len(headline.split()):
            return line
        return headline
    if is_site and headings and headings[0].casefold() != folded and not _DOMAIN.fullmatch(headings[0]):
        return headings[0]  # (not a domain: "post.example" as the page's <h1>)
    return headline


def _site_named_in_title(title: str, host: str) -> str:
    """The part of a page's title before or after a separator that names the site at `host` ("ARTE
    Radio" in "… | ARTE Radio" on arteradio.com), or ""."""
    parts = re.split(f"(?:{_HOST_SEPARATOR})", " ".join(title.split())) if host else []
    if len(parts) >= 2 and _names_host(parts[-1], host):
        return parts[-1].strip()
    if len(parts) >= 2 and _names_host(parts[0], host):
        return parts[0].strip()
    return ""


def _names_host(text: str, host: str) -> bool:
    """Whether a part of a title names the site at `host`: its letters are the address's name, with or
    without its ending ("DOMRADIO.DE", "La Stampa" on lastampa.it, "ARTE Radio" on arteradio.com), or a
    short part begins with that name ("Bundeskanzleramt Österreich" on bundeskanzleramt.gv.at)."""
    labels = [re.sub(r"[\W_]", "", label) for label in host.casefold().split(".") if label and label != "www"]
    letters = re.sub(r"[\W_]", "", text.casefold())
    if not labels or not letters:
        return False
    joined = {"".join(labels[i:j]) for i in range(len(labels)) for j in range(i + 1, len(labels) + 1)}
    joined -= _DOMAIN_ENDINGS  # "UK" after a headline on a .co.uk site is a section's name, if anything
    words = text.split()
    first = re.sub(r"[\W_]", "", words[0].casefold()) if words else ""
    return letters in joined or (len(words) <= 3 and len(first) >= 5 and first in labels)


def _byline(candidates: list[str], site: str) -> str:
    """The people of the first candidate that names any ("Ruth Adeyemi and Tomas Wyck" gives both), or
    nothing: a byline holds people, not "Staff Reporter", the site's name, an address or a date."""
    for candidate in candidates:
        candidate = _GENDERED_ROLE.sub(r"\1:", candidate or "")  # "Autor/in: Korinna Hennig", not "In Korinna Hennig"
        parts = re.split(r"\s*(?:[,;&|/•]|\band\b|\bund\b|\bet\b|\by\b)\s*", candidate)
        people = [name for part in parts if (name := _person_name(part, site))]
        if people:
            return ", ".join(dict.fromkeys(people))[:300]
    return ""


def _the_less(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip(), flags=re.I).casefold()


def _person_name(text: str, site: str) -> str:
    """The person's name `text` is ("By Odile Marchetti" is Odile Marchetti), or ""."""
    # "Von Online-Experte …", "Interview von …"
    name = _BY.sub("", _ROLE.sub("", _BY.sub("", " ".join(text.split())))).strip(" .,:-–—")
    if not name or len(name) > 60 or re.search(r"[\d@/:#©()\[\]]", name) or _REGISTERED_ASSOCIATION.search(name):
        return ""
    words = name.split()
    folded = [w.lower().strip(".") for w in words]
    if not 2 <= len(words) <= 5 or NOT_A_PERSON_WORDS.intersection(folded) or any(map(_outlet_compound, words)):
        return ""
    if folded[0] in _ARTICLE_WORDS or folded[0] == "www" or folded[-1] in _DOMAIN_ENDINGS:
        return ""
    if all(len(word) == 1 for word in words):
        return ""  # letters alone ("K A"): initials, but of whom
    if site and _the_less(name) == _the_less(site) and not _persons_own_site(name):
        return ""  # the outlet given as the author (unless the site is a person's own: "Wolfgang Schmale")
    for word, low in zip(words, folded, strict=True):
        if low in NAME_PARTICLES:
            continue
        if _INITIAL.fullmatch(word):  # an initial ("J.", "J.R.")
            continue
        if not (word[0].isupper() and re.fullmatch(r"[^\W\d_]+(?:['’-][^\W\d_]+)*\.?", word)):
            return ""
    if folded[-1] in NAME_PARTICLES or not _words_of_a_name(words):
        return ""
    return name


_INITIAL = re.compile(r"(?:[^\W\d_]\.){1,3}")  # "J.", "J.R."


def _an_initial(word: str) -> bool:
    """An initial, also without its dot ("T J Okafor", "Odile M")."""
    return bool(_INITIAL.fullmatch(word)) or (len(word) == 1 and word.isupper())


def _words_of_a_name(words: list[str]) -> bool:
    """Whether a byline's capitalised words read as a person's name by what the people extractor knows of words
    (name_data): a name a given name or an initial opens (after a title: "Dr.", "Frau") is one unless the two or
    more words after it are all words of a language that are no names ("Mara Artikel Teilen"); a name no given
    name opens ("Tavonne Okri": names the lists lack) is one unless a word of it is a language's word that is no
    name ("Deutsche Welle", "Catch Themes", "Hafenblick Praxis") or a country's or a large city's ("Kestrel
    Austria"): an outlet, a firm, a department or a theme, as sites fill their author fields."""
    data = name_data.load()
    while len(words) > 1 and words[0].lower().rstrip(".") in data.titles:
        words = words[1:]  # "Dr. Lene Harkort", "Herr Wyck"
    first = words[0].lower()
    if _an_initial(words[0]) or _given_name_word(first) or _given_name_word(fold(first)):
        rest = [w for w in words[1:] if w.lower() not in NAME_PARTICLES and not _an_initial(w)]
        # One word after a given name is a surname, though a noun ("Ilse Harke"): the surname lists lack many;
        # two or more, all words, are a phrase.
        return len(rest) < 2 or not all(_word_no_name(w) for w in rest)
    if any(_word_no_name(w) for w in words):
        return False
    return not (fold(words[0]) in data.large_places or fold(words[-1]) in data.large_places)


def _word_no_name(word: str) -> bool:
    """A word of a language (English's 40,000 most frequent, German's whole list, the other languages' most
    frequent) that is no given name or surname the lists know: "Welle", "Themes", "Praxis"; not "Fischer",
    "Knight", "Harke"."""
    data = name_data.load()
    low = word.lower().rstrip(".")
    folded = fold(low)
    if folded in data.given_names or folded in data.surnames or _given_name_word(low):
        return False
    return (
        folded in data.english_words
        or name_data.word_listed(low, "de")
        or any(low in common for common in data.other_common_words.values())
    )


def _outlet_compound(word: str) -> bool:
    """A word compounding one of NOT_A_PERSON_WORDS, by a hyphen ("Software-Redaktion") or as German writes them
    ("Webteam", "Finanzmagazin"), that is no name the lists know ("Mayweather", "Hauser", "Grandstaff" are)."""
    low = fold(word.rstrip("."))
    if any(part in NOT_A_PERSON_WORDS for part in low.split("-")[1:]):
        return True
    data = name_data.load()
    if low in data.surnames or low in data.given_names:
        return False
    return any(low.endswith(tail) and len(low) > len(tail) + 1 for tail in NOT_A_PERSON_WORDS if len(tail) >= 4)


def _persons_own_site(name: str) -> bool:
    """A site named as its author is a person's own when a given name frequent somewhere opens its name
    ("Tobias Renn"), not an outlet's that reads as a name ("Marea Alta", "Nordküste Direkt")."""
    words = name.split()
    return bool(_person_name(name, "")) and fold(words[0]) in name_data.load().frequent_given_names


def _url_of(origin: str) -> str | None:
    return origin if origin.startswith(("http://", "https://")) else None


# --- Shared ------------------------------------------------------------------------------------


# How much of a publication date an input gives (the values of models.Article.DatePrecision): an approximate
# date is stored as the first day of its month or year, with its precision beside it.
DAY, MONTH, YEAR = "day", "month", "year"


class Dated(NamedTuple):
    """A publication date as an input gives it: the publisher's day (the first of the month or year when
    only that is known), the moment in UTC when a time and offset are given, and how much is known."""

    day: dt.date | None
    at: dt.datetime | None = None
    precision: str = DAY


def _published(dated: Dated, options: Options) -> dict:
    """An article's date fields: what its input says, else the date given for inputs that state none."""
    if dated.day is None:
        return {"published": options.date, "published_at": None, "published_precision": options.date_precision}
    return {"published": dated.day, "published_at": dated.at, "published_precision": dated.precision}


_MONTHS = "january february march april may june july august september october november december".split()
_MONTH_NUMBERS = {name[:length]: n for n, name in enumerate(_MONTHS, 1) for length in (3, len(name))}
_MONTH_NUMBERS["sept"] = 9  # "Sept. 2017": the AP's and many outlets' abbreviation
_SEPT = re.compile(r"\bSept\b\.?", re.I)  # in an RFC 822 date, which knows "Sep" only
_YEAR_ONLY = re.compile(r"^(\d{4})$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")  # ISO 8601's reduced precision
_MONTH_YEAR = re.compile(r"^([A-Za-z]{3,9})\.?,?\s+(\d{4})$")  # "April 2017", "Apr. 2017"


def _period(text: str) -> Dated | None:
    """A month or a year alone ("2017-04", "April 2017", "2017") as the first day of it, or None."""
    if match := _YEAR_ONLY.match(text):
        return Dated(dt.date(int(match[1]), 1, 1), None, YEAR)
    if match := _YEAR_MONTH.match(text):
        return Dated(dt.date(int(match[1]), int(match[2]), 1), None, MONTH)
    if (match := _MONTH_YEAR.match(text)) and match[1].lower() in _MONTH_NUMBERS:
        return Dated(dt.date(int(match[2]), _MONTH_NUMBERS[match[1].lower()], 1), None, MONTH)
    return None


def parse_date(value) -> dt.date | None:
    """ISO dates and date-times, RFC 822 dates (RSS), or None for no value: the publisher's date."""
    return parse_moment(value).day


def parse_moment(value) -> Dated:
    """The publisher's date, the moment in UTC and the precision of an ISO 8601 / RFC 3339 date or date-time
    (JSON, Atom, JSON Feed, page metadata), an RFC 822 one (RSS), or a month or year alone ("2017-04",
    "April 2017", "Sept. 2017", "2017" or the number 2017: approximate dates stay approximate, not the 1st of
    January); other numbers are Unix timestamps. The date is the day
    where it was written, in the offset it gives ("Tue, 03 Jun 2025 22:30:00 -0500" is 3 June, 03:30 UTC on
    4 June); the moment is None unless a time and its offset are given. Dated(None) for no value; ValueError
    for a value that is not a date."""
    if value in (None, "") or isinstance(value, bool):
        return Dated(None)
    if isinstance(value, int) and 1000 <= value <= 2999:
        # A year written as a number ({"date": 2017}), not a timestamp: 2017 seconds after 1970 is no one's date.
        return Dated(dt.date(value, 1, 1), None, YEAR)
    if isinstance(value, (int, float)):  # a Unix timestamp
        moment = dt.datetime.fromtimestamp(value, dt.UTC)
        return Dated(moment.date(), moment)
    text = str(value).strip()
    try:
        if period := _period(text):
            return period
    except ValueError:  # "2017-13"
        raise ValueError(f"unreadable date {text!r}: use YYYY-MM-DD, YYYY-MM or YYYY") from None
    moment = _iso_datetime(text) or _rfc822_datetime(_SEPT.sub("Sep", text))
    if moment is not None:
        return Dated(moment.date(), moment.astimezone(dt.UTC) if moment.tzinfo else None)
    try:
        return Dated(dt.date.fromisoformat(text[:10]))
    except ValueError:
        raise ValueError(f"unreadable date {text!r}: use YYYY-MM-DD") from None


def _iso_datetime(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        return None


def _rfc822_datetime(text: str) -> dt.datetime | None:
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def finish(article: ParsedArticle) -> ParsedArticle | Rejection:
    """Fill the text or HTML from the other, and refuse what can't be stored."""
    _strip_control_characters(article)
    article.headline = " ".join(article.headline.split())
    if article.body_html:
        try:
            article.body_html = clean_html(article.body_html)
        except MarkupTooLarge as exc:
            return Rejection(article.origin, str(exc))
        if not article.body_text:
            article.body_text = html_to_text(article.body_html)
    if not article.body_html:
        article.body_html = text_to_html(article.body_text)
    article.body_text = article.body_text.strip()
    if not article.headline:
        return Rejection(article.origin, "no headline")
    if not article.body_text:
        return Rejection(article.origin, "no body text")
    if len(article.body_text) > MAX_BODY_CHARS:
        return Rejection(article.origin, f"body is {len(article.body_text):,} characters; at most {MAX_BODY_CHARS:,}")
    if too_long := _too_long(article):
        return Rejection(article.origin, too_long)
    if article.url and not _HTTP_URL.match(article.url):
        return Rejection(article.origin, f"url {article.url!r} is not an http(s) URL")
    if article.published and article.published > dt.date.today() + dt.timedelta(days=1):
        return Rejection(article.origin, f"publication date {article.published} is in the future")
    if article.published is None:
        article.published_precision = DAY  # no date: unknown whatever was asked (Article's constraint)
    return article


def _strip_control_characters(article: ParsedArticle) -> None:
    # body_html: clean_html() strips it, and finish() always passes it through clean_html().
    for name in ("headline", "body_text", "source", "via", "url", "byline"):
        setattr(article, name, strip_control(getattr(article, name)))
    if article.people:
        article.people = [strip_control(name) for name in article.people]
    if article.topics:
        article.topics = [strip_control(name) for name in article.topics]
    for quote in article.quotes or []:
        quote.text, quote.speaker_as_written = strip_control(quote.text), strip_control(quote.speaker_as_written)
        quote.speaker = strip_control(quote.speaker) if quote.speaker else quote.speaker


@functools.cache
def field_limits() -> dict[str, int]:
    """The longest value each stored field takes, read from the models (their database columns)."""
    from articles.models import Article, Person, Topic

    return {
        "headline": Article._meta.get_field("headline").max_length,
        "url": Article._meta.get_field("url").max_length,
        "person": Person._meta.get_field("name").max_length,
        "topic": Topic._meta.get_field("name").max_length,
    }


def _too_long(article: ParsedArticle) -> str | None:
    """Why a value of the article can't be stored, or None: the database would refuse it whole.
    (A byline, outlet or speaker as written is cut to its column instead: it is secondary.)"""
    limits = field_limits()
    for label, value, limit in (
        ("headline", article.headline, limits["headline"]),
        ("url", article.url, limits["url"]),
        *(("person name", name, limits["person"]) for name in article.people or []),
        *(("speaker", q.speaker, limits["person"]) for q in article.quotes or [] if q.speaker),
        *(("topic", name, limits["topic"]) for name in article.topics or []),
    ):
        value = str(value)
        if len(value) > limit:
            shown = "" if label in ("headline", "url") else f" {value[:40] + '…'!r}"
            return f"{label}{shown} is {len(value):,} characters; at most {limit:,}"
    return None
