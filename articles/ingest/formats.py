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
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

# fetch (the one network chokepoint, articles/ingest/fetch.py) is called as formats.fetch, so tests can replace it.
from articles.ingest.fetch import MAX_INPUT_BYTES, Fetched, InputError, fetch  # noqa: F401 (Fetched: re-exported)
from articles.ingest.sanitize import MarkupTooLarge, clean_html, html_to_text, strip_control, text_to_html

FORMATS = ("text", "json", "feed", "html")
MAX_BODY_CHARS = 500_000  # PostgreSQL's tsvector holds at most 1 MB; no news article is this long


@dataclass
class ParsedQuote:
    text: str
    speaker: str | None
    speaker_as_written: str = ""
    partial: bool = False


@dataclass
class ParsedArticle:
    headline: str
    body_text: str  # plain text, paragraphs separated by a blank line
    body_html: str  # sanitised
    origin: str  # where it came from, for reports: "path:line", "url#entry 3"
    source: str = ""  # outlet name
    via: str = ""  # aggregator or feed it came through
    published: dt.date | None = None
    url: str = ""
    byline: str = ""
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
# error). Feeds go to feedparser as bytes, which reads the XML declaration, byte order mark and
# HTTP charset itself. HTML pages are decoded as browsers do: byte order mark, then the HTTP charset,
# then <meta charset> (or http-equiv Content-Type), then an XML declaration, else UTF-8.

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
    return "utf-8", "UTF-8 text, and the page declares no charset"


def decode_html(data: bytes, content_type: str = "") -> str:
    codec, declared = html_encoding(data, content_type)
    return _decode_strictly(data, codec, f"not {declared}")


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
    try:
        if _is_local(target) and _json_by_name_or_head(target, options):
            # JSON Lines are streamed: an export of a million articles never sits in memory.
            yield from parse_json_lines(Path(target), label, options)
            return
        data = read_bytes(target)
    except InputError as exc:
        yield Rejection(label, str(exc))
        return
    except OSError as exc:
        yield Rejection(label, f"cannot read: {exc.strerror or exc}")
        return
    content_type = getattr(data, "content_type", "")  # a URL's; files and stdin declare none
    if not data.removeprefix(codecs.BOM_UTF8).strip():
        yield Rejection(label, "empty input")
        return
    fmt = options.format or detect_format(target, head_text(data))
    if fmt in ("feed", "html"):  # bytes: the parser reads them in the encoding they declare
        parser = parse_feed if fmt == "feed" else parse_html
        yield from parser(data, label, options, content_type=content_type)
        return
    text = _text_or_rejection(data, label, content_type)
    if isinstance(text, Rejection):
        yield text
        return
    parser = {"text": parse_text, "json": parse_json}[fmt]
    yield from parser(text, label, options)


def _is_local(target: str) -> bool:
    return target != "-" and not re.match(r"^https?://", target, re.I)


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
            published=options.date,
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
        published = parse_date(_field(obj, "published")) or options.date
    except ValueError as exc:
        return Rejection(origin, str(exc))
    body_html = _as_text(_field(obj, "body_html"))
    body = _as_text(_field(obj, "body"))
    if body and not body_html and "<" in body and _HTML_IN_TEXT.search(body):
        body_html, body = body, ""  # a "content" field holding HTML
    quotes = obj.get("quotes")
    if quotes is not None:
        if not isinstance(quotes, list) or not all(isinstance(q, dict) and q.get("text") for q in quotes):
            return Rejection(origin, '"quotes" must be a list of objects with a "text"')
        quotes = [
            ParsedQuote(
                text=str(q["text"]),
                speaker=q.get("speaker") or None,
                speaker_as_written=str(q.get("speaker_as_written") or ""),
                partial=bool(q.get("partial")),
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
            published=published,
            url=_as_text(_field(obj, "url")),
            byline=_as_text(_field(obj, "byline")),
            people=people,
            topics=topics,
            quotes=quotes,
        )
    )


def parse_json(text: str, origin: str, options: Options) -> Iterator[ParsedArticle | Rejection]:
    """A JSON object, a JSON list of objects (or {"articles": [...]}) or JSON Lines.

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
                yield from _json_line(line, f"{origin}:{number}", options)
        elif not text.lstrip("\ufeff \t\r\n").startswith(("{", "[")):
            start = " ".join(text.split())[:30]
            yield Rejection(origin, f"not JSON: it starts {start!r}, not {{ or [ (an object, a list or JSON Lines)")
        else:
            where = f"line {exc.lineno} column {exc.colno}"
            if not text[exc.pos :].strip():
                where += " (the end of the input: is it cut short?)"
            yield Rejection(origin, f"not valid JSON: {_json_message(exc)} at {where}")
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


def _json_line(line: str, origin: str, options: Options) -> Iterator[ParsedArticle | Rejection]:
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


def parse_json_lines(path: Path, origin: str, options: Options) -> Iterator[ParsedArticle | Rejection]:
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
            yield from parse_json(text, origin, options)
            return
        number, raw = 1, first
        while raw:
            try:
                line = _decode_line(raw)
            except InputError as exc:
                yield Rejection(f"{origin}:{number}", str(exc))
            else:
                yield from _json_line(line, f"{origin}:{number}", options)
            raw, number = handle.readline(), number + 1


# --- RSS and Atom ------------------------------------------------------------------------------


def parse_feed(
    data: bytes, origin: str, options: Options, *, content_type: str = ""
) -> Iterator[ParsedArticle | Rejection]:
    """Bytes, decoded by feedparser (the HTTP charset, else the XML declaration or byte order mark,
    else UTF-8)."""
    import feedparser

    # A stream, never the bytes themselves: feedparser would try bytes as a file name first.
    headers = {"content-type": content_type} if content_type else None
    feed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    if not feed.get("version"):
        reason = getattr(feed.get("bozo_exception"), "getMessage", lambda: None)() or "no RSS or Atom feed found"
        yield Rejection(origin, f"not a feed: {reason}")
        return
    outlet = options.source or feed.feed.get("title", "").strip()
    for number, entry in enumerate(feed.entries, 1):
        where = f"{origin}#entry {number}"
        if entry.get("content"):
            raw = entry.content[0].get("value", "")
        else:
            raw = entry.get("summary", "")
        parsed_date = entry.get("published_parsed") or entry.get("updated_parsed")
        published = dt.date(*parsed_date[:3]) if parsed_date else options.date
        html = raw if re.search(r"<[a-z]", raw, re.I) else text_to_html(raw)  # finish() sanitises it
        yield finish(
            ParsedArticle(
                headline=html_to_text(entry.get("title", "")),
                body_text="",
                body_html=html,
                origin=where,
                source=outlet,
                published=published,
                url=entry.get("link", ""),
                byline=entry.get("author", ""),
            )
        )


# --- HTML pages ----------------------------------------------------------------------------------


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
    document = trafilatura.bare_extraction(text, with_metadata=True, favor_recall=True, url=_url_of(origin))
    if document is None or not (document.text or "").strip():
        yield Rejection(origin, "no article text found in the page")
        return
    headline = (document.title or "").strip()
    paragraphs = [line.strip() for line in document.text.split("\n") if line.strip()]
    if paragraphs and headline and paragraphs[0] == headline:
        paragraphs = paragraphs[1:]  # trafilatura repeats the <h1>
    try:
        published = parse_date(document.date) or options.date
    except ValueError:
        published = options.date
    yield finish(
        ParsedArticle(
            headline=headline,
            body_text="\n\n".join(paragraphs),
            body_html="",
            origin=origin,
            source=options.source or (document.sitename or "").strip(),
            published=published,
            url=document.url or _url_of(origin) or "",
            byline=(document.author or "").strip(),
        )
    )


def _url_of(origin: str) -> str | None:
    return origin if origin.startswith(("http://", "https://")) else None


# --- Shared ------------------------------------------------------------------------------------


def parse_date(value) -> dt.date | None:
    """ISO dates and date-times, RFC 822 dates (RSS), or None for no value."""
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)):
        return dt.datetime.fromtimestamp(value, dt.UTC).date()
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError):
        raise ValueError(f"unreadable date {text!r}: use YYYY-MM-DD") from None


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
