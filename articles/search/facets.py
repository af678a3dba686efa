"""Counts by outlet, person, topic and year beside the results, over the (bounded) matches only."""

from __future__ import annotations

from urllib.parse import urlencode

from django.db import connection
from django.db.models import QuerySet
from django.http import QueryDict


def facets(rows: list[tuple], article_ids: list[int], copies: QuerySet | None = None) -> dict[str, list[dict]]:
    """Counts by outlet, person, topic and year over the (bounded) matching articles.

    Outlet and year come from the candidate rows already fetched (id, published, outlet slug,
    outlet name, copy_outlets); people and topics from one UNION over the link tables' (article, …) indexes.
    Each facet is a list of {"value": slug or year, "label": name, "n": count}, largest first
    (years newest first). Without `article_ids`, people, topics and copies are not counted.

    `copies` (planner.matching_every_copy(), given when the rows list a wire story once, under its head:
    no outlet filter): the articles the search's filters match, copies included. The copies of the heads
    with copies in other outlets (copy_outlets, in the rows) count under their own outlets too, so an
    outlet's count is what its link lists (narrowed to an outlet, search lists that outlet's own copies):
    a copy without the person or topic asked for, or of another year or language, is not counted. The
    words are not tested (see matching_every_copy()): a copy that cut the paragraph holding them is
    counted although its outlet's link does not list it. The copies are found in article_copy_of_idx
    (only copies are in it) from those heads alone, and each is tested against the filters by its
    primary key, in this statement: no query more, and nothing read without such a head. For 1,000
    matches of which a quarter head copies (430 copies), the statement took 2.9-5.6 ms instead of
    2.0-2.8 (EXPLAIN ANALYZE, min of 40, 27,500 articles, a loaded 2-core machine; the most with a
    person to test). A head whose only copies are its own outlet's (copy_outlets 0) is not looked up:
    its outlet's link lists those copies as well (an outlet that ran a story twice).
    """
    sources: dict[tuple[str, str], int] = {}
    years: dict[int, int] = {}
    for _pk, published, slug, name, *_ in rows:
        if slug is not None:
            sources[slug, name] = sources.get((slug, name), 0) + 1
        if published is not None:
            years[published.year] = years.get(published.year, 0) + 1
    result = {
        "source": [],
        "person": [],
        "topic": [],
        "year": [{"value": year, "n": n} for year, n in sorted(years.items(), reverse=True)],
    }
    if article_ids:
        copies_sql, copies_params = "", []
        heads = [row[0] for row in rows if row[4]] if copies is not None else []
        if heads:
            filtered = ""
            if copies.query.has_filters():
                # LIMIT 1 keeps the LATERAL a look-up by primary key for each copy found (once, whatever the
                # joins), not every article of the filters joined to the copies.
                match_sql, copies_params = copies.order_by().values("pk").query.sql_with_params()
                filtered = f"CROSS JOIN LATERAL (SELECT FROM ({match_sql}) AS x (id) WHERE x.id = c.id LIMIT 1) m"
            copies_sql = f"""
                   UNION ALL
                   (SELECT 'source', s.slug, s.name, count(*) AS n
                      FROM articles_article c {filtered}
                      JOIN articles_source s ON s.id = c.source_id
                     WHERE c.copy_of_id = ANY((SELECT a FROM heads)::bigint[]) AND c.copy_of_id IS NOT NULL
                     GROUP BY s.id)"""
        # Raw SQL so the ids travel as one array parameter: the ORM's IN list of 1,000 placeholders
        # cost ~45 ms of Python per search page (pyinstrument, /search/?q=government). People are
        # counted by id first and only those that can make the ten (ties included) are looked up:
        # joined before counting, every person in the archive went into a hash (5,000 at 1M
        # articles, ~3 ms a page). The ids are sent once and reach ANY() as a parameter, not as a
        # 1,000-element constant whose every element the planner looked at (-1.4 ms planning).
        with connection.cursor() as cursor:
            cursor.execute(
                f"""WITH ids (a) AS (SELECT %s::bigint[]), heads (a) AS (SELECT %s::bigint[]),
                   counts AS MATERIALIZED (
                        SELECT person_id, count(*) AS n FROM articles_mention
                         WHERE article_id = ANY((SELECT a FROM ids)::bigint[]) GROUP BY person_id)
                   (SELECT 'person', p.slug, p.name, c.n
                      FROM counts c JOIN articles_person p ON p.id = c.person_id
                     WHERE c.n >= coalesce((SELECT n FROM counts ORDER BY n DESC OFFSET 9 LIMIT 1), 0)
                     ORDER BY c.n DESC, p.name LIMIT 10)
                   UNION ALL
                   (SELECT 'topic', t.slug, t.name, count(*) AS n
                      FROM articles_article_topics x JOIN articles_topic t ON t.id = x.topic_id
                     WHERE x.article_id = ANY((SELECT a FROM ids)::bigint[])
                     GROUP BY t.id ORDER BY n DESC, t.name LIMIT 10){copies_sql}""",
                [article_ids, heads, *copies_params],
            )
            for facet, value, label, n in cursor.fetchall():
                if facet == "source":  # a copy's outlet
                    sources[value, label] = sources.get((value, label), 0) + n
                else:
                    result[facet].append({"value": value, "label": label, "n": n})
        for name in ("person", "topic"):
            result[name].sort(key=lambda row: (-row["n"], row["label"]))
    result["source"] = [
        {"value": slug, "label": name, "n": n}
        for (slug, name), n in sorted(sources.items(), key=lambda kv: (-kv[1], kv[0][1]))[:10]
    ]
    return result


def facet_links(query: QueryDict, counts: dict[str, list[dict]]) -> None:
    """Give each facet row its link ("url"): the page's parameters with that facet set to the row's value
    and no page, as {% querystring name=value page=None %} writes it (same order and encoding).

    Built here from the parameters encoded once: the tag copied and encoded the whole query for each of
    the ~45 rows, a quarter of the search page's rendering (cProfile over the bench's mix, 1M articles)."""
    encoded = {key: "&".join(urlencode({key: value}) for value in values) for key, values in query.lists()}
    encoded.pop("page", None)
    for name, rows in counts.items():
        for row in rows:
            # A parameter already there keeps its place (QueryDict's order); a new one goes last.
            row["url"] = "?" + "&".join({**encoded, name: urlencode({name: str(row["value"])})}.values())
