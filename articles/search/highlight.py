"""Words and quotations marked with <mark>, safely: search snippets, and quotations on the article page."""

from __future__ import annotations

import bisect
import re
from html import unescape

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.models import Quote

# ts_headline does not escape HTML, so it marks matches with these (text the archive will not
# contain); highlight() escapes the result and only then turns them into <mark>.
START_SEL = "zqxmarkstartxqz"
STOP_SEL = "zqxmarkstopxqz"


# ts_headline's options for search snippets, written as Django's SearchHeadline writes them.
SNIPPET_OPTIONS = (
    f"StartSel='{START_SEL}', StopSel='{STOP_SEL}', MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=' … '"
)


def snippet_sql(document: str, text: str) -> tuple[str, dict]:
    """SQL for ts_headline's extract of `document` (a text column) with `text`'s words between the sentinels
    (pass it to highlight()), and its parameters (named). For the rows of one page only: ts_headline is costly."""
    sql = (
        f"ts_headline(%(snippet_config)s::regconfig, {document},"
        " websearch_to_tsquery(%(snippet_config)s::regconfig, %(snippet_text)s), %(snippet_options)s)"
    )
    return sql, {"snippet_config": settings.SEARCH_CONFIG, "snippet_text": text, "snippet_options": SNIPPET_OPTIONS}


def highlight(headline: str) -> SafeString:
    """ts_headline output made safe: escape everything, then turn the sentinels into <mark>."""
    # Safe: every character of the text is escaped first; the only markup is the <mark> pairs
    # put where the sentinels (plain letters, unchanged by escaping) were.
    return mark_safe(escape(headline).replace(START_SEL, "<mark>").replace(STOP_SEL, "</mark>"))  # noqa: S308


def mark_quotes(body_html: str, quotes: list[Quote], body_text: str = "") -> SafeString:
    """The article's sanitised HTML with each quotation marked where it stands, as an anchor.

    Each quotation becomes <mark class="quote-mark" id="q-<id>"> (the quotation page links to
    #q-<id>; the page scrolls there and CSS highlights the :target). The place is found in the
    HTML's text (tags skipped, character references read as the character they stand for,
    whitespace runs as one space), so a quotation across an <em> or with "&amp;" in it is found; of
    several occurrences, the one Quote.position points at in `body_text` (the n-th there is the
    n-th here). A quotation spanning tags gets a <mark> per stretch of text, the first with the id;
    one overlapping a quotation already marked gets an empty anchor at its start instead.

    Safe: body_html was cleaned on the way in (clean_html), and marks are only inserted between
    characters of its text, never inside a tag or a character reference.
    """
    if not quotes:
        return mark_safe(body_html)  # noqa: S308 - sanitised on ingest (see above); nothing to mark
    text, spans = _text_of(body_html)
    inserts: list[tuple[int, int, str]] = []  # (offset in body_html, 0 = close / 1 = open, markup)
    taken: list[tuple[int, int]] = []
    for quote in sorted(quotes, key=lambda q: q.position):
        needle = " ".join(quote.text.split())
        found = _occurrences(text, needle)
        if not found:
            continue
        start = found[min(_ordinal(body_text, quote), len(found) - 1)]
        end = start + len(needle)
        anchor = f'id="q-{int(quote.pk)}"'
        if any(start < b and a < end for a, b in taken):
            inserts.append((spans[start][0], 1, f'<span class="quote-anchor" {anchor}></span>'))
            continue
        taken.append((start, end))
        for i, (first, last) in enumerate(_stretches(body_html, spans, start, end)):
            inserts.append((first, 1, f'<mark class="quote-mark" {anchor}>' if i == 0 else '<mark class="quote-mark">'))
            inserts.append((last, 0, "</mark>"))
    out, at = [], 0
    for offset, _, markup in sorted(inserts, key=lambda item: (item[0], item[1])):
        out += [body_html[at:offset], markup]
        at = offset
    out.append(body_html[at:])
    return mark_safe("".join(out))  # noqa: S308 - body_html is sanitised on ingest; only marks added between its characters


# A tag (attribute values may hold ">"), a character reference, or a run of other text.
_TOKEN = re.compile(
    r"""<(?:[^>"']|"[^"]*"|'[^']*')*>|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?|[^<&]+|.""", re.S
)


# Whitespace other than a single space (a run, a newline, a tab, a no-break space, ...): text with
# none of it needs no collapsing.
_COLLAPSE = re.compile(r"[^\S ]|  ")


class _Spans:
    """Where each character of a text is in the HTML it was read from (_text_of()): spans[i] is (start, end).

    Kept as runs, not a pair per character: a run is characters t..t+n-1 of the text at h..h+n of the HTML,
    one after the other; a character reference is a run of one character spanning the whole reference
    (start h, end `end`). A pair per character was ~2/3 of marking an article's quotations (a body's
    thousands of tuples) for the few characters a quotation's ends look up."""

    def __init__(self) -> None:
        self.starts: list[int] = []  # t of each run, ascending
        self.runs: list[tuple[int, int, int, int | None]] = []  # (t, h, n, end or None)
        self.length = 0

    def add(self, html_start: int, count: int, end: int | None = None) -> None:
        """The next `count` characters of the text, at html_start.. of the HTML (one reference: up to `end`)."""
        if end is None and self.runs:
            t, h, n, last_end = self.runs[-1]
            if last_end is None and h + n == html_start:  # straight after the run before: the same run
                self.runs[-1] = (t, h, n + count, None)
                self.length += count
                return
        self.starts.append(self.length)
        self.runs.append((self.length, html_start, count, end))
        self.length += count

    def run_of(self, i: int) -> tuple[int, int, int, int | None]:
        return self.runs[bisect.bisect_right(self.starts, i) - 1]

    def __getitem__(self, i: int) -> tuple[int, int]:
        t, h, _, end = self.run_of(i)
        return (h, end) if end is not None else (h + i - t, h + i - t + 1)

    def __len__(self) -> int:
        return self.length


def _text_of(html: str) -> tuple[str, _Spans]:
    """The text of `html` (whitespace runs as one space) and, for each of its characters, where it is
    in `html` (start, end): a character reference spans the whole reference.

    A run of text whose only whitespace is single spaces is taken whole, not a character at a time:
    character by character this was ~0.3 ms of an article page's ~4 ms."""
    chars: list[str] = []
    spans = _Spans()
    for token in _TOKEN.finditer(html):
        raw, at = token.group(), token.start()
        if raw[0] == "<" and len(raw) > 1:
            continue
        reference = raw[0] == "&" and len(raw) > 1
        if not reference and not _COLLAPSE.search(raw):
            skip = 1 if raw[0] == " " and chars and chars[-1][-1] == " " else 0
            if skip < len(raw):
                chars.append(raw[skip:])
                spans.add(at + skip, len(raw) - skip)
            continue
        for i, c in enumerate(unescape(raw) if reference else raw):
            if c.isspace():
                if chars and chars[-1][-1] == " ":
                    continue
                c = " "
            chars.append(c)
            if reference:
                spans.add(token.start(), 1, token.end())
            else:
                spans.add(at + i, 1)
    return "".join(chars), spans


def _occurrences(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle) if needle else -1
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _ordinal(body_text: str, quote: Quote) -> int:
    """Which occurrence of the quotation in body_text Quote.position points at (0: the first)."""
    if not body_text:
        return 0
    found = _occurrences(" ".join(body_text.split()), " ".join(quote.text.split()))
    before = len(" ".join(body_text[: quote.position].split()))  # the position, in the collapsed text
    return len([at for at in found if at < before - 1])


def _stretches(html: str, spans: _Spans, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of `html` holding characters start..end of its text, split where a tag comes between."""
    stretches: list[tuple[int, int]] = []
    first, last = spans[start]
    i = start + 1
    while i < end:
        a, b = spans[i]
        if "<" in html[last:a]:
            stretches.append((first, last))
            first = a
        last = max(last, b)
        t, h, n, ref_end = spans.run_of(i)
        if ref_end is None and i < min(t + n, end) - 1:
            # The rest of the run follows on in the HTML, nothing between: its last character ends the stretch so far.
            i = min(t + n, end) - 1
            last = max(last, h + i - t + 1)
        i += 1
    stretches.append((first, last))
    return stretches


def quote_in_context(body_text: str, quote: Quote) -> SafeString:
    """The paragraph of `body_text` holding the quotation, escaped, with the quotation in <mark>: the
    occurrence nearest Quote.position; without a mark, the paragraph at the position when the words
    are not in the text as stored (staff edited one or the other); "" without text."""
    if not body_text:
        return mark_safe("")
    found = _occurrences(body_text, quote.text)
    at = min(found, key=lambda i: abs(i - quote.position)) if found else min(max(quote.position, 0), len(body_text))
    start = body_text.rfind("\n\n", 0, at)
    start = 0 if start < 0 else start + 2
    end = body_text.find("\n\n", at)
    end = len(body_text) if end < 0 else end
    if not found:
        return mark_safe(escape(body_text[start:end]))  # noqa: S308 - escaped
    stop = at + len(quote.text)
    # Safe: every character of the paragraph is escaped; the only markup is the one <mark> pair.
    before, words, after = body_text[start:at], body_text[at:stop], body_text[stop : max(end, stop)]
    return mark_safe(f"{escape(before)}<mark>{escape(words)}</mark>{escape(after)}")  # noqa: S308
