"""HTML from outside is cleaned once, on the way in, here; templates render only the result.

clean_html() is the one place that decides which markup survives (bleach allow-list);
text_to_html() and html_to_text() convert between the stored HTML and plain text, whose
paragraphs are separated by a blank line.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import bleach

ALLOWED_TAGS = frozenset({"p", "br", "a", "em", "strong", "blockquote", "ul", "ol", "li", "h2", "h3", "h4"})
ALLOWED_ATTRIBUTES = {"a": ["href", "title"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})

_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, protocols=ALLOWED_PROTOCOLS, strip=True, strip_comments=True
)
# Content of these elements is never text a reader should see, so drop it entirely
# (bleach's strip=True would keep a <script>'s code as visible text).
_INVISIBLE = re.compile(r"<(script|style|template|noscript|iframe|object)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_A_TAG = re.compile(r"<a\b([^>]*)>", re.I)


def clean_html(raw: str) -> str:
    """Allow-listed HTML: p, br, a (http/https/mailto, rel="nofollow noopener"), em, strong,
    blockquote, lists, h2–h4. Everything else is stripped; text is escaped."""
    cleaned = _cleaner.clean(_INVISIBLE.sub("", raw or ""))
    cleaned = _A_TAG.sub(lambda m: f'<a{_without_rel(m.group(1))} rel="nofollow noopener">', cleaned)
    return cleaned.strip()


def _without_rel(attrs: str) -> str:
    return re.sub(r'\s+rel="[^"]*"', "", attrs)


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
    return "\n\n".join(collector.paragraphs)
