"""What the PostgreSQL planner knows, read without reading the tables: estimated matches (EXPLAIN)
and how the articles spread over time (pg_stats), for the planner's choices and date windows."""

from __future__ import annotations

import bisect
import datetime
import json
import time
from typing import Any

from django.db import connection
from django.db.models import Q, QuerySet

# How long a process keeps the planner's statistics on articles_article.published (seconds).
STATS_TTL = 300


def estimated_matches(matches: QuerySet) -> float:
    """The planner's estimate of how many rows `matches` has (EXPLAIN only: nothing is read)."""
    sql, params = matches.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return plan[0]["Plan"]["Plan Rows"]


def estimated_rows(*querysets: QuerySet) -> list[float]:
    """The planner's estimates for several querysets, from one EXPLAIN of their UNION ALL."""
    parts, params = [], []
    for queryset in querysets:
        sql, part_params = queryset.order_by().values("pk").query.sql_with_params()
        parts.append(f"(SELECT * FROM ({sql}) AS part)")
        params.extend(part_params)
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {' UNION ALL '.join(parts)}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    estimates = [child["Plan Rows"] for child in plan[0]["Plan"].get("Plans", [])]
    if len(estimates) != len(querysets):  # a part the planner dropped (known empty): one at a time
        estimates = [estimated_matches(queryset) for queryset in querysets]
    return estimates


_stats_cache: dict[str, tuple[float, Any]] = {}


def published_distribution() -> tuple[float, list[tuple[datetime.date, float]], float] | None:
    """(rows in articles_article, [(date, share of rows published on or before it or undated), ...] by date,
    the share undated), from
    the planner's statistics (pg_class, pg_stats: nothing is read from the table); None without them.

    Kept STATS_TTL seconds per process and database: the newest articles' share moves slowly, and a
    window drawn from stale figures is only less well sized, never wrong (the planner runs again
    without a window that holds too few matches).
    """
    key = connection.settings_dict["NAME"]
    cached = _stats_cache.get(key)
    if cached and cached[0] > time.monotonic():
        return cached[1]
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT c.reltuples, s.null_frac, s.most_common_vals::text, s.most_common_freqs,
                      s.histogram_bounds::text
                 FROM pg_class c JOIN pg_stats s ON s.schemaname = c.relnamespace::regnamespace::name
                      AND s.tablename = c.relname AND s.attname = 'published'
                WHERE c.oid = 'articles_article'::regclass"""
        )
        row = cursor.fetchone()
    result = _distribution(*row) if row else None
    _stats_cache[key] = (time.monotonic() + STATS_TTL, result)
    return result


def _distribution(total, null_frac, mcv_text, mcv_freqs, bounds_text):
    """The cumulative share of rows at each histogram bound and common value (see published_distribution)."""

    def dates(text):
        return [datetime.date.fromisoformat(v) for v in text.strip("{}").split(",")] if text else []

    if not total or total < 0 or not bounds_text:
        return None
    bounds, common = dates(bounds_text), list(zip(dates(mcv_text), mcv_freqs or [], strict=False))
    spread = max(0.0, 1.0 - (null_frac or 0.0) - sum(f for _, f in common))  # the histogram's share
    steps = len(bounds) - 1
    points, common_so_far = [], 0.0
    common.sort()
    for i, bound in enumerate(bounds):
        common_so_far = sum(f for v, f in common if v <= bound)
        points.append((bound, (null_frac or 0.0) + common_so_far + spread * i / max(steps, 1)))
    return float(total), points, null_frac or 0.0


def newest_share(share: float, *, oldest: bool, dated: bool = False) -> Q | None:
    """A condition on `published` keeping at least `share` of the articles (by the statistics), the
    newest ones (or the oldest and undated; with `dated`, for a search of the dated alone, `share` of the
    articles besides the undated); None when nothing is known."""
    stats = published_distribution()
    if not stats:
        return None
    shares = [p[1] for p in stats[1]]
    if oldest:  # the first bound with at least `share` of the rows on or before it (the undated counted first)
        at = bisect.bisect_left(shares, share + (stats[2] if dated else 0.0))
        return None if at >= len(shares) else Q(published__lte=stats[1][at][0]) | Q(published__isnull=True)
    # newest: the last bound with at least `share` of the rows on or after it
    at = bisect.bisect_right(shares, 1.0 - share) - 1
    return None if at < 0 else Q(published__gte=stats[1][at][0])
