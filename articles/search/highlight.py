"""Words and quotations marked with <mark>, safely: search snippets, and quotations on the article page."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline
from django.db.models import F, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.models import Quote, search_query

# ts_headline does not escape HTML, so it marks matches with these (text the archive will not
# contain); highlight() escapes the result and only then turns them into <mark>.
START_SEL = "zqxmarkstartxqz"
STOP_SEL = "zqxmarkstopxqz"


def with_snippets(articles: QuerySet, text: str) -> QuerySet:
    """`articles` annotated with `snippet`, ts_headline's extract of the plain text with `text`'s words
    between the sentinels (pass it to highlight()). For the rows of one page only: ts_headline is costly."""
    if not text:
        return articles
    return articles.annotate(
        snippet=SearchHeadline(
            F("body_text"),
            search_query(text),
            config=settings.SEARCH_CONFIG,
            start_sel=START_SEL,
            stop_sel=STOP_SEL,
            max_words=35,
            min_words=15,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
    )


def highlight(headline: str) -> SafeString:
    """ts_headline output made safe: escape everything, then turn the sentinels into <mark>."""
    # Safe: every character of the text is escaped first; the only markup is the <mark> pairs
    # put where the sentinels (plain letters, unchanged by escaping) were.
    return mark_safe(escape(headline).replace(START_SEL, "<mark>").replace(STOP_SEL, "</mark>"))  # noqa: S308


def mark_quotes(body_html: str, quotes: list[Quote]) -> SafeString:
    """The article's sanitised HTML with each quotation's first occurrence wrapped in <mark>.

    body_html was cleaned on the way in (clean_html); the quotation is matched in escaped
    form, outside any tag, so marking can add <mark> elements but nothing else.
    """
    html = body_html
    for quote in quotes:
        text = quote.text.strip()
        minimal = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        for needle in dict.fromkeys([escape(text), minimal]):
            at = _find_in_text(html, needle)
            if at >= 0:
                html = f'{html[:at]}<mark class="quote-mark">{needle}</mark>{html[at + len(needle) :]}'
                break
    return mark_safe(html)  # noqa: S308 - body_html is sanitised on ingest; only <mark> added


def _find_in_text(html: str, needle: str) -> int:
    """Index of `needle` in `html` outside tags (not inside <…>), or -1."""
    start = 0
    while needle and (at := html.find(needle, start)) >= 0:
        if html.rfind("<", 0, at) <= html.rfind(">", 0, at):
            return at
        start = at + 1
    return -1
