"""The page cache: rendered public pages kept in Django's "pages" cache (local memory, or Redis when
REDIS_URL is set), served again only while they are still what the view would render.

Two ways to know that:

- cached_page: lists (home, articles, outlets, topics, people) show what any new article may change.
  Their key holds ContentVersion, which every committed write moves (migration 0007), and today's
  date (the home page's window moves at midnight). One query on a hit.
- cached_object_page: an article's or a person's page shows a few objects. The view names them
  (`response.page_keys`, see keys()); the entry keeps them with the snapshot it was rendered under,
  and is served while no write those keys were stamped with (migration 0021) is one that snapshot
  could not see. An ingest changes the pages of the articles and people it touches, not the rest:
  under continuous ingest, the other article pages stay cached (issue 15.3). One query on a hit.
  Lists shown beside the objects (related articles, people named with) may lag up to
  PAGE_CACHE_MAX_AGE seconds.

Only 200 responses to GET are kept; PAGE_CACHE_ENTRIES = 0 turns the cache off.
"""

from __future__ import annotations

import functools
import hashlib
import time
from datetime import date

from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.http import HttpRequest, HttpResponse

from articles.models import ContentVersion
from newsarchive.replicas import read_alias


def keys(*, articles=(), people=(), people_pages=(), sources=(), topics=()) -> list[str]:
    """The stamp keys of the objects a page shows (migration 0021): 'a12' an article and what it holds,
    'p7' a person's own row, 'm7' a person's mentions and quotations, 's3' an outlet, 't5' a topic."""
    found = {f"a{pk}" for pk in articles} | {f"p{pk}" for pk in people} | {f"m{pk}" for pk in people_pages}
    found |= {f"s{pk}" for pk in sources if pk is not None} | {f"t{pk}" for pk in topics}
    return sorted(found | {"all"})


def _path_key(prefix: str, request: HttpRequest) -> str:
    return f"{prefix}:{hashlib.sha256(request.get_full_path().encode()).hexdigest()}"


def _bypass(request: HttpRequest) -> bool:
    # ?format=csv|jsonl: a download of the list, streamed (never kept, so not looked for either).
    return not settings.PAGE_CACHE_ENTRIES or request.method != "GET" or "format" in request.GET


def cached_page(view):
    """A list page, cached under the archive's content version (see the module's note)."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if _bypass(request):
            return view(request, *args, **kwargs)
        version = ContentVersion.current()
        if version is None:
            return view(request, *args, **kwargs)
        key = _path_key(f"page:{version}:{date.today().isoformat()}", request)
        hit = caches["pages"].get(key)
        if hit is not None:
            content_type, content = hit
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            caches["pages"].set(key, (response["Content-Type"], response.content))
        return response

    return wrapper


def cached_object_page(view):
    """An article's or a person's page, cached until one of the objects it shows changes (see the
    module's note). The view sets `response.page_keys = keys(...)`; a response without them is not kept."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if _bypass(request):
            return view(request, *args, **kwargs)
        key = _path_key("object", request)
        hit = caches["pages"].get(key)
        if hit is not None:
            page_keys, snapshot, rendered, content_type, content = hit
            if time.time() - rendered < settings.PAGE_CACHE_MAX_AGE and not _changed_since(page_keys, snapshot):
                return HttpResponse(content, content_type=content_type)
        snapshot = _snapshot()  # before the view reads anything: a write it misses is one this can't see
        response = view(request, *args, **kwargs)
        page_keys = getattr(response, "page_keys", None)
        if page_keys and response.status_code == 200 and not response.streaming:
            entry = (page_keys, snapshot, time.time(), response["Content-Type"], response.content)
            caches["pages"].set(key, entry)
        return response

    return wrapper


def _snapshot() -> str:
    """The snapshot of the database this page reads (a replica's own, when it reads one)."""
    with connections[read_alias()].cursor() as cursor:
        cursor.execute("SELECT pg_current_snapshot()::text")
        return cursor.fetchone()[0]


def _changed_since(page_keys: list[str], snapshot: str) -> bool:
    """Whether a write stamped on any of the keys committed out of the snapshot's sight."""
    with connections[read_alias()].cursor() as cursor:
        cursor.execute(
            "SELECT EXISTS (SELECT FROM na_page_stamp WHERE key = ANY(%s)"
            " AND NOT pg_visible_in_snapshot(version, %s::pg_snapshot))",
            [page_keys, snapshot],
        )
        return cursor.fetchone()[0]
