"""The read-only JSON API (issue 14.4): /api/articles/, /api/quotes/, /api/people/, /api/outlets/, /api/topics/,
and one article or quotation by id (/api/articles/<id>/, /api/quotes/<id>/).

Plain function views returning JSON (a framework would bring a second way of filtering, paginating and
rendering for five read-only lists). Each list takes the filters of its page, checked by the page's own
FilterSet, and pages by cursor: `next` is the URL of the next page, whose `cursor` is the last row's keyset
values (articles/keyset.py), signed, so a changed or foreign cursor is a 400, never a wrong page or a 500.
Every response counts against its client's budget (throttled()).
"""

from __future__ import annotations

import functools
import math
import time
from itertools import islice

from django.core.cache import caches
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, JsonResponse
from django.urls import reverse

from articles import export
from articles.filters import ArticleFilter, PersonFilter, QuoteFilter, as_listed
from articles.keyset import BadCursor, Key, key_values, make_cursor, read_cursor, rows
from articles.models import Article, Person, Quote, Source, Topic
from articles.search.quotes import matching_quotes

REQUESTS_PER_MINUTE = 120  # per client address, in each minute of the clock
PAGE_SIZE, MAX_PAGE_SIZE = 50, 200
BY_NAME = (Key("name"), Key("id"))  # people, outlets, topics: their unique name (and id, for ties of case)


def _error(message: str, status: int = 400, **extra) -> JsonResponse:
    return JsonResponse({"error": message, **extra}, status=status, json_dumps_params={"ensure_ascii": False})


def throttled(view):
    """At most REQUESTS_PER_MINUTE requests from one address in a minute; past it 429 and Retry-After, the
    seconds until the minute ends. Counted in Django's default cache (each process's memory unless the
    default cache is shared)."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        now = time.time()
        key = f"api-throttle:{request.META.get('REMOTE_ADDR', '')}:{int(now // 60)}"
        cache = caches["default"]
        cache.add(key, 0, timeout=70)
        try:
            used = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, used := 1, timeout=70)
        if used > REQUESTS_PER_MINUTE:
            response = _error(f"More than {REQUESTS_PER_MINUTE} requests a minute: wait and try again.", 429)
            response["Retry-After"] = str(max(1, math.ceil(60 - now % 60)))
            return response
        return view(request, *args, **kwargs)

    return wrapper


def _page(request: HttpRequest, queryset: QuerySet, order: tuple[Key, ...], scope: str, item) -> JsonResponse:
    """One page of `queryset` in `order` after the request's cursor, as {"results": [...], "next": url|null}."""
    try:
        limit = int(request.GET.get("limit", PAGE_SIZE))
    except ValueError:
        limit = 0
    if not 1 <= limit <= MAX_PAGE_SIZE:
        return _error(f"limit must be a whole number from 1 to {MAX_PAGE_SIZE}.")
    after = None
    if cursor := request.GET.get("cursor"):
        try:
            after = read_cursor(cursor, order, scope=scope)
        except BadCursor as exc:
            return _error(str(exc))
    found = list(islice(rows(queryset, order, after=after, batch=limit + 1), limit + 1))
    links = export.Links(request.build_absolute_uri("/").rstrip("/"))
    following = None
    if len(found) > limit:
        params = request.GET.copy()
        params["cursor"] = make_cursor(key_values(found[limit - 1], order), scope=scope)
        following = request.build_absolute_uri(f"{request.path}?{params.urlencode()}")
    return JsonResponse(
        {"results": [item(row, links) for row in found[:limit]], "next": following},
        json_dumps_params={"ensure_ascii": False},
    )


def _invalid(filterset) -> JsonResponse | None:
    if filterset.is_valid():
        return None
    fields = {name: [str(e) for e in errors] for name, errors in filterset.errors.items()}
    return _error("Bad parameter: " + "; ".join(f"{k}: {' '.join(v)}" for k, v in fields.items()), fields=fields)


def _named(obj) -> dict | None:
    return {"slug": obj.slug, "name": obj.name} if obj else None


def _article(article: Article, links: export.Links) -> dict:
    return {
        "id": article.pk,
        "archive_url": links.article(article.pk, article.slug),
        "api_url": links.root + reverse("api_article", args=[article.pk]),
        "headline": article.headline,
        "source": _named(article.source),
        # As far as it is known ("2025-03-10", "2025-03", "2025"), and how far: day, month or year.
        "published": article.date_known[0] or None,
        "published_precision": article.published_precision if article.published else None,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "url": article.url,
        "byline": article.byline,
        "language": article.language,
        "people": [_named(p) for p in article.people.all()],
        "topics": [_named(t) for t in article.topics.all()],
    }


@throttled
def articles(request: HttpRequest) -> JsonResponse:
    """/api/articles/: /articles/'s filters (q, source, person, topic, language, dates, year, month, quotes,
    sort=newest|oldest)."""
    filterset = ArticleFilter(request.GET, queryset=Article.objects.all())
    if invalid := _invalid(filterset):
        return invalid
    data = filterset.form.cleaned_data
    oldest = data.get("sort") == "oldest"
    if data.get("person"):
        order, scope = (export.MENTIONS_OLDEST, "m-old") if oldest else (export.MENTIONS_NEWEST, "m-new")
    else:
        order, scope = (export.ARTICLES_OLDEST, "a-old") if oldest else (export.ARTICLES_NEWEST, "a-new")
    listed = (
        as_listed(filterset)
        .select_related("source")
        .defer("body_html", "body_text", "search_text", "search_vector")
        .prefetch_related("people", "topics")
    )
    return _page(request, listed, order, f"articles:{scope}", _article)


@throttled
def article(request: HttpRequest, pk: int) -> JsonResponse:
    """/api/articles/<id>/: a list's row with the text and the quotations (each with its id and page)."""
    found = (
        Article.objects.filter(pk=pk)
        .select_related("source")
        .defer("search_text", "search_vector")
        .prefetch_related("people", "topics", Prefetch("quotes", Quote.objects.select_related("person")))
        .first()
    )
    if found is None:
        return _error(f"No article has the id {pk}.", 404)
    links = export.Links(request.build_absolute_uri("/").rstrip("/"))
    quoted = [
        {
            "id": q.pk,
            "archive_url": links.quote(q.pk),
            **export.quote_record(q),
            "speaker_slug": q.person.slug if q.person else None,
        }
        for q in found.quotes.all()
    ]
    return JsonResponse(
        {**_article(found, links), "body": found.body_text, "body_html": found.body_html, "quotes": quoted},
        json_dumps_params={"ensure_ascii": False},
    )


@throttled
def quote(request: HttpRequest, pk: int) -> JsonResponse:
    """/api/quotes/<id>/: a quotation as the lists give it."""
    found = export.quote_listing(Quote.objects.filter(pk=pk)).first()
    if found is None:
        return _error(f"No quotation has the id {pk}.", 404)
    links = export.Links(request.build_absolute_uri("/").rstrip("/"))
    return JsonResponse(export.quote_row(found, links), json_dumps_params={"ensure_ascii": False})


@throttled
def quotes(request: HttpRequest) -> JsonResponse:
    """/api/quotes/: /quotes/'s filters (q, speaker, mentioning, source, topic, date_from, date_to, language,
    sort=newest|oldest); words or a filter are needed, as on the page."""
    from articles.views import quote_search_request  # the page's own reading of QuoteFilter

    filterset = QuoteFilter(request.GET)
    if invalid := _invalid(filterset):
        return invalid
    query = quote_search_request(filterset.form.cleaned_data)
    if not (query.text or query.filters):
        return _error("Add words (q) or a filter (speaker, mentioning, source, topic, date_from, date_to, language).")
    order, scope = export.quote_order(oldest=query.sort == "oldest", by_quotation=bool(query.text or query.speaker))
    listed = export.quote_listing(matching_quotes(query))
    return _page(request, listed, order, f"quotes:{scope}", export.quote_row)


def _person(person: Person, links: export.Links) -> dict:
    return {
        "slug": person.slug,
        "name": person.name,
        "description": person.description,
        "archive_url": links.root + person.get_absolute_url(),
        "quotes": links.root + reverse("api_quotes") + f"?speaker={person.slug}",
    }


@throttled
def people(request: HttpRequest) -> JsonResponse:
    """/api/people/: /people/'s filters (q: a name, typos forgiven; letter), in name order."""
    filterset = PersonFilter(request.GET, queryset=Person.objects.all())
    if invalid := _invalid(filterset):
        return invalid
    return _page(request, filterset.qs, BY_NAME, "people", _person)


def _outlet(source: Source, links: export.Links) -> dict:
    return {
        "slug": source.slug,
        "name": source.name,
        "homepage": source.homepage,
        "archive_url": links.root + source.get_absolute_url(),
        "articles": links.root + reverse("api_articles") + f"?source={source.slug}",
    }


@throttled
def outlets(request: HttpRequest) -> JsonResponse:
    """/api/outlets/: every outlet, in name order."""
    return _page(request, Source.objects.all(), BY_NAME, "outlets", _outlet)


def _topic(topic: Topic, links: export.Links) -> dict:
    return {
        "slug": topic.slug,
        "name": topic.name,
        "description": topic.description,
        "archive_url": links.root + topic.get_absolute_url(),
        "articles": links.root + reverse("api_articles") + f"?topic={topic.slug}",
    }


@throttled
def topics(request: HttpRequest) -> JsonResponse:
    """/api/topics/: every topic, in name order."""
    return _page(request, Topic.objects.all(), BY_NAME, "topics", _topic)


@throttled
def index(request: HttpRequest) -> JsonResponse:
    """/api/: where the lists are."""
    names = ("articles", "quotes", "people", "outlets", "topics")
    return JsonResponse({name: request.build_absolute_uri(reverse(f"api_{name}")) for name in names})
