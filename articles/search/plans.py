"""The passes that fetch the first `limit` matches by date, as SQL; planner.py chooses among them.

Each returns rows (id, published, outlet slug, outlet name, copy_outlets[, rank]), newest (or, with
`oldest`, oldest) first: copy_outlets, read from the rows already visited, tells the facets which heads
have wire copies in other outlets to look up (facets.facets()). `rank_text`, when not empty, adds
ts_rank for those words, computed for the rows kept only: ts_rank reads each row's document, so
ranking every match of a common word would read hundreds of thousands of rows.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import F, QuerySet, TextField
from django.db.models.expressions import RawSQL

from articles.models import NEWEST_FIRST, OLDEST_FIRST, Article, search_query

NEWEST = "{0}published DESC NULLS LAST, {0}id DESC"
OLDEST = "{0}published ASC NULLS FIRST, {0}id ASC"


def collect(matches: QuerySet, rank_text: str, *, oldest: bool, limit: int, within: QuerySet | None = None) -> list:
    """All matches from the GIN index (a bitmap scan), the first `limit` by date, ranked only then.

    The CTE is MATERIALIZED so the planner cannot turn it back into a walk of article_published_idx
    testing each row's document; ts_rank reads the documents of the `limit` rows kept, not of every match
    (found again by ctid: no second descent of the primary key). `within` (the facets' article ids, one
    column) is applied to the collected ids (a semi-join), not to each row's document.
    """
    sql, params = _rows_sql(matches)
    where, where_params = "", []
    if within is not None:
        within_sql, where_params = within.order_by().query.sql_with_params()
        where = f"WHERE id IN ({within_sql})"
    order = OLDEST if oldest else NEWEST
    rank, rank_params, rank_join = _rank_sql(rank_text, "m")
    with connection.cursor() as cursor:
        cursor.execute(
            f"""WITH matches (id, published, source_id, copy_outlets, tid) AS MATERIALIZED ({sql})
                SELECT m.id, m.published, s.slug, s.name, m.copy_outlets{rank}
                  FROM (SELECT * FROM matches {where} ORDER BY {order.format("")} LIMIT %s) m {rank_join}
                  LEFT JOIN articles_source s ON s.id = m.source_id
                 ORDER BY {order.format("m.")}""",
            [*params, *rank_params, *where_params, limit],  # in order of appearance
        )
        return cursor.fetchall()


def walk_by_date(matches: QuerySet, rank_text: str, *, oldest: bool, limit: int) -> list:
    """article_published_idx walked newest (oldest) first, each row's document tested until `limit`
    match: a few thousand rows for a common word."""
    candidates = matches.order_by(*(OLDEST_FIRST if oldest else NEWEST_FIRST))
    columns = ["pk", "published", "source__slug", "source__name", "copy_outlets"]
    if rank_text:
        candidates = candidates.annotate(rank=SearchRank(F("search_vector"), search_query(rank_text)))
        columns.append("rank")
    return list(candidates.values_list(*columns)[:limit])


# The links a walk follows newest first: (table, column), each with a (column, published DESC NULLS LAST,
# article_id DESC) index on a copy of the article's date kept by the database (migrations 0008, 0044): the
# walk's order is the articles' order.
LINKS = {"person": ("articles_mention", "person_id"), "topic": ("articles_article_topics", "topic_id")}


def walk_links(matches: QuerySet, link: str, value: int, rank_text: str, *, oldest: bool, limit: int) -> list:
    """One person's mentions or one topic's links (`link`, a key of LINKS) newest (oldest) first from their
    date index, each article tested against `matches` until `limit` match.

    A word in most articles ("said") within one person's: the planner, which takes the word and the person's
    name for independent, estimated such a search at 331 matches for 45,055 and collected and sorted them all
    (41,000 heap pages, 256 ms, cancelled at the time limit every time); walked, ~1,020 articles are read. A
    topic alone: its 16,000-62,000 articles were each read and sorted (1M articles); walked, ~1,001.
    """
    sql, params = _rows_sql(matches)
    table, column = LINKS[link]
    walk = (
        "w.published ASC NULLS FIRST, w.article_id ASC" if oldest else "w.published DESC NULLS LAST, w.article_id DESC"
    )
    order = (OLDEST if oldest else NEWEST).format("h.")
    rank, rank_params, rank_join = _rank_sql(rank_text, "h")
    with connection.cursor() as cursor:
        # OFFSET 0 keeps the LATERAL a per-link look-up, so rows leave in the index's order.
        cursor.execute(
            f"""WITH hits AS MATERIALIZED (
                    SELECT x.id, x.published, x.source_id, x.copy_outlets, x.tid FROM {table} w
                     CROSS JOIN LATERAL (SELECT * FROM ({sql}) AS x0 (id, published, source_id, copy_outlets, tid)
                                          WHERE x0.id = w.article_id OFFSET 0) x
                     WHERE w.{column} = %s ORDER BY {walk} LIMIT %s)
                SELECT h.id, h.published, s.slug, s.name, h.copy_outlets{rank}
                  FROM hits h {rank_join} LEFT JOIN articles_source s ON s.id = h.source_id
                 ORDER BY {order}""",
            [*params, value, limit, *rank_params],
        )
        return cursor.fetchall()


def sort_then_test(facet: QuerySet, text: str, *, ranked: bool, oldest: bool, limit: int) -> list:
    """A common word within a small facet (one topic's articles and another filter): the facet's articles
    sorted by date, then each document tested in that order until `limit` match.

    Left to itself the planner tests every one of the facet's articles first (a document read
    each) and sorts after; the MATERIALIZED CTE sorts ids only, and the LIMIT stops the tests early.
    """
    sql, params = facet.order_by().values_list("pk", "published", "source_id", "copy_outlets").query.sql_with_params()
    order = OLDEST if oldest else NEWEST
    query = "websearch_to_tsquery(%s::regconfig, %s)"
    rank = f", ts_rank(m.search_vector, {query})" if ranked else ""
    with connection.cursor() as cursor:
        # OFFSET 0 keeps the LATERAL a per-row look-up, so rows leave in the facet's date order.
        cursor.execute(
            f"""WITH facet AS MATERIALIZED (
                    SELECT * FROM ({sql}) AS x (id, published, source_id, copy_outlets) ORDER BY {order.format("x.")})
                SELECT m.id, m.published, s.slug, s.name, m.copy_outlets{rank}
                  FROM (SELECT f.id, f.published, f.source_id, f.copy_outlets, a.search_vector FROM facet f
                        CROSS JOIN LATERAL (SELECT search_vector FROM articles_article
                                             WHERE id = f.id OFFSET 0) a
                         WHERE a.search_vector @@ {query} LIMIT %s) m
                  LEFT JOIN articles_source s ON s.id = m.source_id
                 ORDER BY {order.format("m.")}""",
            [*params, *([settings.SEARCH_CONFIG, text] if ranked else []), settings.SEARCH_CONFIG, text, limit],
        )
        return cursor.fetchall()


def _rows_sql(matches: QuerySet) -> tuple[str, tuple]:
    """SQL for (id, published, source_id, copy_outlets, ctid) of `matches`, unordered: the rows the passes collect."""
    tid = RawSQL(f"{Article._meta.db_table}.ctid", [], output_field=TextField())
    columns = ("pk", "published", "source_id", "copy_outlets", "search_tid")
    query = matches.order_by().annotate(search_tid=tid).values_list(*columns)
    return query.query.sql_with_params()


def _rank_sql(text: str, alias: str) -> tuple[str, list, str]:
    """(select item, its params, join) adding ts_rank for rows `alias` found again by ctid; nothing
    without words."""
    if not text:
        return "", [], ""
    return (
        ", ts_rank(a.search_vector, websearch_to_tsquery(%s::regconfig, %s))",
        [settings.SEARCH_CONFIG, text],
        f"JOIN articles_article a ON a.ctid = {alias}.tid",
    )
