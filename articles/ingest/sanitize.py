"""HTML from outside is cleaned once, on the way in, here; templates render only the result.

clean_html() is the one place that decides which markup survives (bleach allow-list);
text_to_html() and html_to_text() convert between the stored HTML and plain text, whose
paragraphs are separated by a blank line.
"""

from __future__ import annotations

import re
import threading
from html.parser import HTMLParser

import bleach
from bleach import html5lib_shim
from bleach.html5lib_shim import Filter
from bleach.sanitizer import BleachSanitizerFilter

ALLOWED_TAGS = frozenset({"p", "br", "a", "em", "strong", "blockquote", "ul", "ol", "li", "h2", "h3", "h4"})
ALLOWED_ATTRIBUTES = {"a": ["href", "title"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})

INVISIBLE_TAGS = frozenset({"script", "style", "template", "noscript", "iframe", "object"})
LINK_REL = "nofollow noopener"


class _DropInvisible(Filter):
    """Drops these elements with everything inside them: their content is never text a reader
    should see, and bleach's strip=True would keep a <script>'s code as visible text. Runs on
    the parsed tree before the sanitiser, so it decides nothing about safety."""

    def __iter__(self):
        depth = 0
        for token in super().__iter__():
            kind, name = token["type"], token.get("name")
            if name in INVISIBLE_TAGS and kind == "StartTag":
                depth += 1
            elif name in INVISIBLE_TAGS and kind == "EndTag" and depth:
                depth -= 1
            elif not depth:
                yield token


class _LinkRel(Filter):
    """Sets rel on every link as a token attribute after the sanitiser ran, so the serialiser
    escapes it like any value (no editing of serialised HTML, which is what let a crafted
    title smuggle an event handler through: issue 11)."""

    def __iter__(self):
        for token in super().__iter__():
            if token["type"] in ("StartTag", "EmptyTag") and token["name"] == "a":
                attrs = {key: value for key, value in token["data"].items() if key[1] != "rel"}
                attrs[(None, "rel")] = LINK_REL
                token["data"] = attrs
            yield token


class _Cleaner(bleach.Cleaner):
    """bleach's Cleaner with one filter before its sanitiser (bleach only takes filters after).
    Its parser keeps the invisible elements as elements (bleach's own would turn them into text
    while tokenising), so that _DropInvisible can remove them whole."""

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.parser = html5lib_shim.BleachHTMLParser(
            tags=self.tags | INVISIBLE_TAGS, strip=self.strip, consume_entities=False, namespaceHTMLElements=False
        )

    def clean(self, text: str) -> str:
        if not text:
            return ""
        tokens = _DropInvisible(self.walker(self.parser.parseFragment(text)))
        filtered = BleachSanitizerFilter(
            source=tokens,
            allowed_tags=self.tags,
            attributes=self.attributes,
            strip_disallowed_tags=self.strip,
            strip_html_comments=self.strip_comments,
            css_sanitizer=self.css_sanitizer,
            allowed_protocols=self.protocols,
        )
        for filter_class in self.filters:
            filtered = filter_class(source=filtered)
        return self.serializer.render(filtered)


# A cleaner holds parser state, so each thread gets its own (bleach: "not thread-safe").
_local = threading.local()


def _thread_cleaner() -> _Cleaner:
    cleaner = getattr(_local, "cleaner", None)
    if cleaner is None:
        cleaner = _local.cleaner = _Cleaner(
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            protocols=ALLOWED_PROTOCOLS,
            strip=True,
            strip_comments=True,
            filters=[_LinkRel],
        )
    return cleaner


# html5lib, under bleach, is pure Python and slows down more than linearly with nesting (10,000
# nested <em> take ~6 s, 200,000 never finish) and with size (~0.3 ms a tag at 20,000). A news
# article has a few hundred tags nested a dozen deep. Past MARKUP_TAGS_KEPT tags or MARKUP_DEPTH_KEPT
# levels only its text is kept (paragraphs, by the stdlib's linear parser: ~1 s per 40,000 tags);
# past MAX_MARKUP_TAGS it is refused. So no body costs more than a few seconds.
MARKUP_TAGS_KEPT = 10_000
MARKUP_DEPTH_KEPT = 100
MAX_MARKUP_TAGS = 50_000
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "area", "base", "col", "embed", "source"})


class MarkupTooLarge(ValueError):
    """HTML with more tags than any article has; the message says so for the user."""


def clean_html(raw: str) -> str:
    """Allow-listed HTML: p, br, a (http/https/mailto, rel="nofollow noopener"), em, strong,
    blockquote, lists, h2–h4. Everything else is stripped; text is escaped. Raises MarkupTooLarge
    for more than MAX_MARKUP_TAGS tags."""
    raw = strip_control(raw or "")
    tags = raw.count("<")  # at least every tag; cheap, and enough to bound the work
    if tags > MAX_MARKUP_TAGS:
        raise MarkupTooLarge(f"the HTML has {tags:,} tags; an article has at most {MAX_MARKUP_TAGS:,}")
    if tags > MARKUP_TAGS_KEPT or _too_deep(raw):
        return text_to_html(html_to_text(raw))
    return _thread_cleaner().clean(raw).strip()


def _too_deep(raw: str) -> bool:
    """Whether tags open deeper than MARKUP_DEPTH_KEPT, counting as if every end tag closed the
    latest (an estimate, with no parse: a regex scan)."""
    depth = 0
    for closing, name in _TAG.findall(raw):
        if closing:
            depth = max(depth - 1, 0)
        elif name.lower() not in _VOID:
            depth += 1
            if depth > MARKUP_DEPTH_KEPT:
                return True
    return False


# C0 control characters other than tab, newline and carriage return: no text means them, XML
# (our Atom feeds) cannot carry them and PostgreSQL refuses NUL. Removed from everything stored.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def strip_control(text: str) -> str:
    return _CONTROL.sub("", text) if text else text


_BLANK_LINE = re.compile(r"\n\s*\n")
_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;"))


def _escape(text: str) -> str:
    """html.escape(text), replacing only the characters that occur (a replace without a match still
    costs a pass and a copy check; an 'in' test is cheaper)."""
    for char, entity in _ESCAPES:
        if char in text:
            text = text.replace(char, entity)
    return text


def text_to_html(text: str) -> str:
    """Plain text to paragraphs of escaped HTML (a single newline inside a paragraph becomes <br>)."""
    # Escaped once, whole: escaping touches no white space, so the paragraphs split the same.
    paragraphs = [p.strip() for p in _BLANK_LINE.split(_escape(text or "")) if p.strip()]
    return "\n".join("<p>" + p.replace("\n", "<br>") + "</p>" for p in paragraphs)


_BLOCKS = {
    "p",
    "div",
    "li",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "article",
    "section",
    "header",
    "footer",
    "ul",
    "ol",
    "table",
    "tr",
    "pre",
    "figure",
    "figcaption",
}


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.paragraphs.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("script", "style", "template", "noscript"):
            self.skip_depth += 1
        elif tag in _BLOCKS:
            self._flush()
        elif tag == "br":
            self.current.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template", "noscript"):
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.current.append(data)


def html_to_text(markup: str) -> str:
    """Readable plain text of an HTML fragment: one paragraph per block, blank line between."""
    collector = _TextCollector()
    collector.feed(markup or "")
    collector.close()
    collector._flush()
    return strip_control("\n\n".join(collector.paragraphs))  # character references can spell them
