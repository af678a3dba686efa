"""Template tags for the public pages ({% load archive %}).

The article cards are an inclusion tag, one template render per list (an inclusion tag per card cost
~0.3 ms more for twenty cards): their HTML is in templates/includes/, where Django escapes every
value. The quotation cards, an article page's side lists and base.html's links are written here
(issue 15.5: the article page's render, uncached, was most of its CPU), each value escaped as {{ }}
would. The functions here hand their template plain values, not model instances, and write the
dates themselves: a list or person page shows twenty cards, and in the template each dot of
`article.source.name` is a failed item lookup before the attribute, and each date filter ~20 µs;
for twenty article cards that was 1.9 ms against 1.0 ms this way (issue 12.4)."""

from __future__ import annotations

import functools
import html
from collections.abc import Iterable

from django import template
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.signals import setting_changed
from django.template.defaultfilters import stringfilter
from django.urls import get_script_prefix
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData, mark_safe
from django.utils.text import add_truncation_text

from articles.ingest.language import language_name, main_language
from articles.models import Article, Quote, dated, excerpt_of, url_for

register = template.Library()


# --- base.html's links, read once (issue 15.5) -------------------------------------------------------
# Every public page links ten named URLs and two static files: by Django's {% url %} and {% static %} that
# was ~0.3 ms of a ~0.7 ms base template at each render (the manifest lookup and reverse() each time).
# The same strings, remembered already escaped (safe) as {% url %} and {% static %} write them (a plain string
# would be escaped again at every use, twelve a page); link() keys on the script prefix, as url_for() does.


@register.simple_tag
def link(name: str) -> str:
    """{% url name %} for a URL without arguments, remembered per script prefix, as models.url_for is."""
    return _link(get_script_prefix(), name)


@functools.lru_cache(maxsize=256)
def _link(prefix: str, name: str) -> str:
    return escape(url_for(name))


@register.simple_tag
def static_file(path: str) -> str:
    """{% static path %} (the hashed name under production settings), remembered per path."""
    return _static_url(path)


@functools.lru_cache(maxsize=256)
def _static_url(path: str) -> str:
    return escape(staticfiles_storage.url(path))


def _settings_changed(setting: str, **kwargs) -> None:
    if setting in ("STATIC_URL", "STATIC_ROOT", "STORAGES", "STATICFILES_DIRS"):
        _static_url.cache_clear()


setting_changed.connect(_settings_changed, dispatch_uid="articles.templatetags.archive.static")


@register.simple_tag(takes_context=True)
def current(context: template.Context, section: str) -> str:
    """' aria-current="page"' on a section's link in the site's menu when the page is in it (its path
    starts with `section`); "" otherwise, and on a page rendered without a request (the 500 page)."""
    request = context.get("request")
    return _CURRENT if request is not None and request.path.startswith(section) else _NOT_CURRENT


_CURRENT, _NOT_CURRENT = mark_safe(' aria-current="page"'), mark_safe("")  # safe: not escaped again at each use


@register.filter(is_safe=True)
@stringfilter
def opening_words(text: str, count: int) -> str:
    """truncatewords, splitting only the first `count` words off the text: truncatewords splits all of it, and an
    article page's description reads a body of thousands of words for its first thirty."""
    words = text.split(None, count)
    return " ".join(words) if len(words) <= count else add_truncation_text(" ".join(words[:count]), " …")


@register.filter
def foreign_language(code: str) -> str:
    """The name of an article's language when it is not the site's own ("German"); "" otherwise (the
    site's language, or unknown): pages say the language only where a reader would not expect it."""
    return language_name(code) if code and code != main_language() else ""


@register.filter
def date_known(article: Article, style: str = "") -> str:
    """An article's date as far as it is known, in <time>: "5 April 2017" ("5 Apr 2017" with "short"),
    "April 2017", "2017"; or "date unknown" (models.dated, which the cards' dates come from too)."""
    iso, text = dated(article.published, article.published_precision, short=style == "short")
    # As format_html('<time datetime="{}">{}</time>', iso, text) writes it: 4-5 us, not 17-26 (six a page).
    return mark_safe(f'<time datetime="{html.escape(iso)}">{html.escape(text)}</time>') if iso else text


# --- An article page's side lists (issue 15.5) ----------------------------------------------------------
# Written here, as chart_bars, not by template loops: the loops over related articles, people and topics were
# ~40% of an article page's render (a forloop context and a variable lookup chain per value). Each value is
# escaped as {{ }} escapes it (html.escape, what django.utils.html.escape calls); the <ul>s stay in the template.


@register.filter
def related_items(articles: Iterable[Article]) -> str:
    """An article page's related articles (page_queries.article_page) as <li>s: headline, outlet, short date."""
    return mark_safe(
        "".join(
            f'<li><a href="{html.escape(other.get_absolute_url())}">{html.escape(other.headline)}</a>'
            ' <span class="meta">'
            f"{html.escape(other.source_name) + ', ' if other.source_name else ''}"
            f"{conditional_escape(date_known(other, 'short'))}</span></li>"
            for other in articles
        )
    )


_QUOTED = ' <span class="tag">quoted</span>'


@register.filter
def mention_items(mentions: Iterable) -> str:
    """The people an article names as <li>s: name (linked), and "quoted" when it quotes them."""
    return mark_safe(
        "".join(
            f'<li><a href="{html.escape(m.person.get_absolute_url())}">{html.escape(m.person.name)}</a>'
            f"{_QUOTED if m.quoted else ''}</li>"
            for m in mentions
        )
    )


@register.filter
def topic_items(topics: Iterable) -> str:
    """Topics as <li>s of links."""
    return mark_safe(
        "".join(f'<li><a href="{html.escape(t.get_absolute_url())}">{html.escape(t.name)}</a></li>' for t in topics)
    )


@register.filter(name="language_name")
def language_name_filter(code: str) -> str:
    """ "German" for "de"."""
    return language_name(code)


@register.filter
def chart_bars(chart: dict) -> str:
    """The bars of a person's chart (views.month_chart()) as SVG <rect>s, each with its month's count as a
    tooltip. Written here, not by a template loop: five values a bar for up to 36 bars were ~180 template
    variables, a third of a person page's. Numbers as str() writes them, never localised (a decimal comma
    would break the SVG): {% localize off %} wrote them so too."""
    width = chart["bar_width"]
    return mark_safe(
        "".join(
            f'<rect x="{bar["x"]}" y="{bar["y"]}" width="{width}" height="{bar["height"]}">'
            f"<title>{escape(bar['title'])}</title></rect>"
            for bar in chart["bars"]
        )
    )


@register.simple_tag
def quote_cards(quotes: Iterable[Quote] | Quote | None, show_article: bool = False) -> str:
    """{% quote_cards quotes %} / {% quote_cards quotes show_article=True %}: quotations (or one), each a
    <figure class="quote"> with its speaker (linked when known), a link to its own page, how many outlets
    carried it (when counted, from two on) and, with show_article, where it appeared.

    Written here from each card's values (_quote_card()), as the side lists are, not by a template
    ({% for %} over the cards, a dozen {% if %} and variables a card): 0.20 -> 0.05 ms for an article page's
    2-3 cards at 1M; a person page shows twenty. Every value is escaped as {{ }} escapes it (_escaped):
    what is already safe (the <mark>ed words of a search, `marked`) is kept as it is."""
    if isinstance(quotes, Quote):
        quotes = [quotes]
    return mark_safe("".join(_quote_card_html(_quote_card(quote, show_article)) for quote in quotes or ()))


def _escaped(value) -> str:
    """As {{ value }} writes a value: escaped (html.escape, what django.utils.html.escape calls) unless safe."""
    return value if isinstance(value, SafeData) else html.escape(str(value))


def _quote_card_html(c: dict) -> str:
    partial = ' class="partial"' if c["partial"] else ""
    words = _escaped(c["marked"] if c["marked"] else c["text"])
    speaker = _escaped(c["speaker"])
    if c["speaker_url"]:
        speaker = f'<a href="{_escaped(c["speaker_url"])}">{speaker}</a>'
    if c["organisation"]:
        speaker += ' <span class="speaker-kind">(organisation)</span>'
    where = ""
    if c.get("article_url"):
        outlet = f", {_escaped(c['outlet'])}" if c["outlet"] else ""
        date = _escaped(c["published_text"])
        if c["published"]:
            date = f'<time datetime="{_escaped(c["published"])}">{date}</time>'
        where = f' — <a href="{_escaped(c["article_url"])}">{_escaped(c["headline"])}</a>{outlet}, {date}'
    outlets = f' · <span class="outlets">quoted in {c["outlets"]} outlets</span>' if c["outlets"] > 1 else ""
    return (
        f'<figure class="quote">\n  <blockquote{partial}><p>{words}</p></blockquote>\n'
        f"  <figcaption>{speaker}{where}\n"
        f'    <span class="quote-links"><a class="quote-link" href="{_escaped(c["url"])}">Quotation page</a>'
        f"{outlets}</span></figcaption>\n</figure>\n"
    )


def _quote_card(quote: Quote, show_article: bool) -> dict:
    person = quote.person if quote.person_id else None
    card = {
        "text": quote.text,
        "partial": quote.partial,
        "speaker": person.name if person else quote.speaker_as_written or "Unattributed",
        "speaker_url": person.get_absolute_url() if person else "",
        # An organisation quoted ("the ministry") says so, never passing for a person
        "organisation": not person and quote.speaker_kind == Quote.SpeakerKind.ORGANISATION,
        "url": quote.get_absolute_url(),
        # Set by articles.search.quotes (the words searched for, <mark>ed and escaped) and by
        # page_queries.with_outlet_counts() ("quoted in N outlets", said from two on).
        "marked": getattr(quote, "marked", None),
        "outlets": getattr(quote, "outlets", 0),
    }
    if show_article:
        article = quote.article
        iso, text = dated(article.published, article.published_precision, short=True)
        card.update(
            article_url=article.get_absolute_url(),
            headline=article.headline,
            outlet=article.source.name if article.source_id else "",
            # <time datetime> and its text ("5 Mar 2025", "Mar 2025", "2025"), or "" and "date unknown".
            published=iso,
            published_text=text,
        )
    return card


@register.inclusion_tag("includes/article_cards.html")
def article_cards(articles: Iterable[Article | tuple[Article, str]]) -> dict:
    """Articles in a list: headline, outlet, date, byline, and the search snippet or their opening.

    Items are articles, or (article, snippet) pairs from articles.search, whose snippet is already
    escaped and highlighted (a SafeString, which autoescaping leaves as it is); the excerpt is
    there only on querysets .with_excerpt().
    """
    return {"cards": [_article_card(*item) if isinstance(item, tuple) else _article_card(item) for item in articles]}


def _article_card(article: Article, snippet: str = "") -> dict:
    iso, text = dated(article.published, article.published_precision)
    return {
        "url": article.get_absolute_url(),
        "headline": article.headline,
        "outlet": article.source.name if article.source_id else "",
        # <time datetime> and its text ("5 March 2025", "March 2025", "2025"), or "" and "date unknown".
        "published": iso,
        "published_text": text,
        "byline": article.byline,
        "snippet": snippet,
        "excerpt": excerpt_of(getattr(article, "excerpt", "")),
        "lang": article.language,  # the lang attribute of its headline and text
        "language": foreign_language(article.language),  # said only when not the site's language
        # A wire story's head: the outlets that published copies of it (issue 14.3).
        "copy_outlets": getattr(article, "copy_outlets", 0),
    }
