"""Template tags for the public pages ({% load archive %})."""

from __future__ import annotations

import html

from django import template
from django.template.defaultfilters import truncatewords
from django.utils.dates import MONTHS, MONTHS_3
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from articles.models import Quote

register = template.Library()


@register.simple_tag
def quote_card(quote: Quote, show_article: bool = False) -> SafeString:
    """A quotation with its speaker (linked when known) and, with show_article, where it appeared.

    Python rather than an included template: a person page shows twenty of these, and through
    {% include %} they were a third of its rendering (~10 ms; cProfile on the bench corpus).
    Every value goes through html.escape (what django.utils.html.escape does, without its lazy
    wrapper: format_html was still a tenth of a person page).
    """
    if quote.person_id:
        speaker = f'<a href="{_e(quote.person.get_absolute_url())}">{_e(quote.person.name)}</a>'
    else:
        speaker = _e(quote.speaker_as_written or "Unattributed")
    where = ""
    if show_article:
        article = quote.article
        where = f' — <a href="{_e(article.get_absolute_url())}">{_e(article.headline)}</a>'
        if article.source_id:
            where += f", {_e(article.source.name)}"
        if article.published:
            day = article.published
            month = _e(MONTHS_3[day.month].title())
            where += f', <time datetime="{day.isoformat()}">{day.day} {month} {day.year}</time>'
    partial = ' class="partial"' if quote.partial else ""
    return mark_safe(  # noqa: S308 - every value above is escaped
        f'<figure class="quote">\n  <blockquote{partial}><p>{_e(quote.text)}</p></blockquote>\n'
        f"  <figcaption>{speaker}{where}</figcaption>\n</figure>\n"
    )


def _e(value) -> str:
    return html.escape(str(value))


@register.simple_tag
def article_card(article, snippet: str = "") -> SafeString:
    """An article in a list: headline, outlet, date, byline, and the search snippet or its opening.

    Python for the same reason as quote_card: twenty per list page, each an {% include %}.
    `snippet` is already escaped and highlighted (articles.search); everything else is escaped here.
    """
    meta = f'<span class="outlet">{_e(article.source.name)}</span>' if article.source_id else ""
    if article.published:
        day = article.published
        meta += f' · <time datetime="{day.isoformat()}">{day.day} {_e(MONTHS[day.month])} {day.year}</time>'
    if article.byline:
        meta += f" · {_e(article.byline)}"
    excerpt = getattr(article, "excerpt", "")
    if snippet:
        text = f'<p class="snippet">{conditional_escape(snippet)}</p>'
    elif excerpt:
        text = f'<p class="excerpt">{_e(truncatewords(excerpt, 40))}</p>'
    else:
        text = ""
    return mark_safe(  # noqa: S308 - every value above is escaped (the snippet by articles.search)
        f'<article class="card">\n  <h3 class="card-title"><a href="{_e(article.get_absolute_url())}">'
        f'{_e(article.headline)}</a></h3>\n  <p class="meta">{meta}</p>\n  {text}\n</article>\n'
    )
