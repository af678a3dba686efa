"""Full-text search and bounded listings, as plain functions testable without HTTP.

Everything here stays fast at a million articles by bounding the work: at most CAP + 1
matches are fetched (by a cheap, index-backed order) and scored in the same pass, only those
are counted and faceted, ts_headline runs only for the rows of the page shown, and every
statement has a time limit with a cheaper plan behind it.
"""

from __future__ import annotations

import bisect
import datetime
import json
import re
import time
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchRank
from django.core.paginator import Page, Paginator
from django.db import OperationalError, connection, transaction
from django.db.models import F, Q, QuerySet, TextField
from django.db.models.expressions import RawSQL
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.models import (
    NEWEST_FIRST,
    OLDEST_FIRST,
    QUOTES_NEWEST_FIRST,
    Article,
    Mention,
    Person,
    Quote,
    search_query,
)

CAP = 1000  # matches fetched, ranked, counted and faceted at most; beyond it we show "1,000+"
FALLBACK_CAP = 100  # matches shown, newest first and unranked, when the full plan runs out of time
# Hard ceiling per search statement (SET LOCAL statement_timeout); see run_search().
STATEMENT_TIMEOUT_MS = 150
# Up to this many estimated matches, collecting every match from the GIN index and sorting them
# beats walking article_published_idx and testing each row's document (EXPLAIN ANALYZE at 1M
# articles, warm: 16,700 matches take 70 ms by bitmap, 7.7 s by walk; a 30% word is found
# after ~3,300 rows by walk, 300,000 by bitmap). See run_search().
BITMAP_MAX_ESTIMATE = 60_000
# Above this many estimated matches the index-collecting plan first looks only among the newest
# articles (a date window, see _date_window()): reading every match's row for its date was most of
# a mid-frequency word's time (16,554 matches: 15,953 heap pages for 1,001 kept). Above the
# planner's guess for a word it has no statistics on (0.5% of the articles: rare words, names).
WINDOW_MIN_ESTIMATE = 12 * CAP
# The window holds this many times the articles the estimate says are needed for cap + 1 matches,
# and at most this share of the archive: its bitmap, from article_published_idx, costs ~0.3 us an
# article (random pages), so a wider window costs about what the heap pages it saves did.
WINDOW_MARGIN = 1.5
WINDOW_MAX_SHARE = 0.15
# The fallback (after a timeout) first looks among these shares of the newest (oldest) articles.
FALLBACK_WINDOWS = (0.02, 0.1)
# With a person filter, a word at least this common (share of all articles, by the estimate) is
# found by walking the person's mentions newest first (see _walk_mentions()).
PERSON_WALK_MIN_SHARE = 0.5
# How long a process keeps the planner's statistics on articles_article.published (seconds).
STATS_TTL = 300
PER_PAGE = 20
MAX_QUERY_LENGTH = 200  # longer queries are cut (at a word) and the reader told

# ts_headline does not escape HTML, so it marks matches with these (text the archive will not
# contain); highlight() escapes the result and only then turns them into <mark>.
START_SEL = "zqxmarkstartxqz"
STOP_SEL = "zqxmarkstopxqz"

SORTS = {"relevance": "Best match", "newest": "Newest first", "oldest": "Oldest first"}

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class BoundedPaginator(Paginator):
    """A Paginator whose count never reads more than cap + 1 rows.

    Past the cap the count shows as "1,000+" (`capped`) and pages stop at the cap: readers
    narrow by date, outlet or person instead of paging through a million rows.
    """

    def __init__(self, object_list, per_page: int = PER_PAGE, *, cap: int = CAP, known_count: int | None = None):
        super().__init__(object_list, per_page)
        self.cap = cap
        self.known_count = known_count

    @cached_property
    def bounded_count(self) -> int:
        if self.known_count is not None:
            return self.known_count
        # No ORDER BY: any cap + 1 rows answer "how many, up to the cap".
        return self.object_list.order_by()[: self.cap + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self.bounded_count, self.cap)

    @property
    def capped(self) -> bool:
        return self.bounded_count > self.cap

    def _get_page(self, *args, **kwargs) -> BoundedPage:
        return BoundedPage(*args, **kwargs)


class BoundedPage(Page):
    @cached_property
    def links(self) -> list:
        """The page numbers to link: both ends and two either side of this page, ELLIPSIS between.

        Worked out here, not by the template looping over all 51 pages of a capped list (with
        four conditions each, that loop was a fifth of a person page's rendering).
        """
        return list(self.paginator.get_elided_page_range(self.number, on_each_side=2, on_ends=1))


def paginate(object_list, page_number: Any, **kwargs) -> Page:
    """The requested page; a non-numeric number gives page 1, one past the end the last page."""
    return BoundedPaginator(object_list, **kwargs).get_page(page_number)


def clean_query(raw: str | None) -> tuple[str, bool]:
    """The query as searched: control characters removed, spaces collapsed, cut to a sane length.

    Returns (text, shortened). PostgreSQL refuses NUL characters, so they must never reach it.
    """
    text = " ".join(_CONTROL.sub(" ", raw or "").split())
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    cut = text[:MAX_QUERY_LENGTH]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut), True


def has_search_words(text: str, *, parser: str = "websearch_to_tsquery") -> bool:
    """False for queries with nothing to look for: '&&&', '-', only stop words like 'the'."""
    if not text:
        return False
    assert parser in ("websearch_to_tsquery", "plainto_tsquery")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT numnode({parser}(%s::regconfig, %s))", [settings.SEARCH_CONFIG, text])
        return cursor.fetchone()[0] > 0


def highlight(headline: str) -> SafeString:
    """ts_headline output made safe: escape everything, then turn the sentinels into <mark>."""
    return mark_safe(escape(headline).replace(START_SEL, "<mark>").replace(STOP_SEL, "</mark>"))


def facets(rows: list[tuple], article_ids: list[int]) -> dict[str, list[dict]]:
    """Counts by outlet, person, topic and year over the (bounded) matching articles.

    Outlet and year come from the candidate rows already fetched (id, published, outlet slug,
    outlet name); people and topics from one UNION over the link tables' (article, …) indexes.
    Each facet is a list of {"value": slug or year, "label": name, "n": count}, largest first
    (years newest first).
    """
    sources: dict[tuple[str, str], int] = {}
    years: dict[int, int] = {}
    for _pk, published, slug, name, *_ in rows:
        if slug is not None:
            sources[slug, name] = sources.get((slug, name), 0) + 1
        if published is not None:
            years[published.year] = years.get(published.year, 0) + 1
    result = {
        "source": [
            {"value": slug, "label": name, "n": n}
            for (slug, name), n in sorted(sources.items(), key=lambda kv: (-kv[1], kv[0][1]))[:10]
        ],
        "person": [],
        "topic": [],
        "year": [{"value": year, "n": n} for year, n in sorted(years.items(), reverse=True)],
    }
    if article_ids:
        # Raw SQL so the ids travel as one array parameter: the ORM's IN list of 1,000 placeholders
        # cost ~45 ms of Python per search page (pyinstrument, /search/?q=government). People are
        # counted by id first and only those that can make the ten (ties included) are looked up:
        # joined before counting, every person in the archive went into a hash (5,000 at 1M
        # articles, ~3 ms a page). The ids are sent once and reach ANY() as a parameter, not as a
        # 1,000-element constant whose every element the planner looked at (-1.4 ms planning).
        with connection.cursor() as cursor:
            cursor.execute(
                """WITH ids (a) AS (SELECT %s::bigint[]),
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
                     GROUP BY t.id ORDER BY n DESC, t.name LIMIT 10)""",
                [article_ids],
            )
            for facet, value, label, n in cursor.fetchall():
                result[facet].append({"value": value, "label": label, "n": n})
        for name in ("person", "topic"):
            result[name].sort(key=lambda row: (-row["n"], row["label"]))
    return result


@dataclass
class SearchResults:
    text: str
    page: Page
    snippets: dict[int, SafeString]
    facets: dict[str, list[dict]]
    capped: bool
    person: Person | None = None
    person_quote: Quote | None = None
    suggestions: list[Person] = field(default_factory=list)
    searchable: bool = True
    # True when the database ran out of time and a cheaper plan answered (newest matches,
    # unranked, fewer of them): the page says the results are partial.
    partial: bool = False

    @property
    def rows(self) -> list[tuple[Article, SafeString | None]]:
        return [(article, self.snippets.get(article.pk)) for article in self.page]


def run_search(
    matches: QuerySet, text: str, *, sort: str = "relevance", page_number: Any = 1, filtered: QuerySet | None = None
) -> SearchResults:
    """Rank, count, facet and page `matches` (already filtered by the text and the facets).

    One index-backed pass takes the first CAP + 1 matches by date and scores them as it goes
    (ts_rank reads each row's document, so ranking every match of a common word would read
    hundreds of thousands of rows); the page is ordered from those scores. Every statement runs
    under STATEMENT_TIMEOUT_MS: if one is cancelled, the newest FALLBACK_CAP matches are shown
    unranked and `partial` is set, so the reader is told rather than kept waiting (or shown a 500).

    The pass is chosen by the planner's estimate of the matches (see _bounded_search);
    `filtered`, when given, is `matches` without the words (the facets only), so the words' index
    matches can be intersected with it rather than each facet row's document being read.
    """
    try:
        results = _bounded_search(matches, text, sort=sort, page_number=page_number, cap=CAP, filtered=filtered)
    except OperationalError as exc:
        if not statement_cancelled(exc):
            raise
        try:
            results = _bounded_search(
                matches,
                text,
                sort="newest" if sort == "relevance" else sort,
                page_number=page_number,
                cap=FALLBACK_CAP,
                with_facets=False,
                walk=True,
            )
        except OperationalError as exc:
            if not statement_cancelled(exc):
                raise
            results = SearchResults(
                text=text, page=paginate([], 1, known_count=0), snippets={}, facets={}, capped=False
            )
        results.partial = True
    if text:
        results.person = Person.objects.named_exactly(text).first() or _only_one_with_surname(text)
        if results.person:
            results.person_quote = (
                Quote.objects.filter(person=results.person)
                .select_related("article")
                .order_by(*QUOTES_NEWEST_FIRST)  # quote_person_published_idx
                .first()
            )
        if not results.page.paginator.count and not results.partial:
            results.searchable = has_search_words(text)
            results.suggestions = list(Person.objects.matching_name(text)[:3])
    return results


def _only_one_with_surname(text: str) -> Person | None:
    """The person a one-word query names when it is the surname of exactly one person ("szabadi");
    with two or more of that surname, nobody (the card would be a guess)."""
    people = list(Person.objects.with_surname(text)[:2])
    return people[0] if len(people) == 1 else None


def _bounded_search(
    matches: QuerySet,
    text: str,
    *,
    sort: str,
    page_number: Any,
    cap: int,
    with_facets: bool = True,
    walk: bool = False,
    filtered: QuerySet | None = None,
) -> SearchResults:
    """One pass over the first cap + 1 matches by date, ranked after the cut.

    The plan is chosen by the planner's estimates (one EXPLAIN, nothing read): few enough matches
    (BITMAP_MAX_ESTIMATE) and they come from the GIN index (first among the newest articles when
    there are many, see _collect_then_sort()), are sorted by date and cut; more, and
    article_published_idx is walked, testing each row's document, which finds cap + 1
    common-word matches after a few thousand rows. A common word inside a small
    facet (`filtered`: one person's articles) takes the facet's articles by date and tests them in
    turn. Common words with an outlet or year: walked by date too (the planner then walks that
    facet's index: collecting them read a 200,000-entry GIN posting list first, ~50 ms). Very
    common words with a person: their mentions are walked by date (_walk_mentions()).
    `walk` (the fallback, whose LIMIT is small) walks by date, except for words the estimate
    does not call common: those are looked for among the newest 2%, then 10% of the articles
    (FALLBACK_WINDOWS) only, which is cheaper than a walk reading ~6,000 documents for 101 matches.
    """
    cheap_order = OLDEST_FIRST if sort == "oldest" else NEWEST_FIRST
    ranked = sort == "relevance" and bool(text)
    columns = ["pk", "published", "source__slug", "source__name"]
    with transaction.atomic():
        with connection.cursor() as cursor:
            # SET LOCAL: the limit ends with this transaction, so other queries keep the default.
            cursor.execute("SELECT set_config('statement_timeout', %s, true)", [f"{STATEMENT_TIMEOUT_MS}ms"])
        words = Article.objects.search(text) if text and filtered is not None else matches
        # Words and facets (outlet, person, year) in one queryset: the words alone are estimated too,
        # in the same EXPLAIN (the planner takes them for independent of the facets, and a person's
        # name for independent of their mentions, so the joint estimate can be 100 times too low).
        with_facets_too = bool(text) and not walk and filtered is None and len(matches.query.where.children) > 1
        person = _mentioned_person(matches) if with_facets_too else None
        estimate = word_estimate = total = None
        if with_facets_too:
            estimate, word_estimate, total = estimated_rows(
                matches, Article.objects.search(text), Article.objects.all()
            )
        elif not walk:
            estimate = estimated_matches(words)
        common_words = word_estimate is not None and word_estimate > BITMAP_MAX_ESTIMATE
        if person is not None and word_estimate >= PERSON_WALK_MIN_SHARE * total:
            rows = _walk_mentions(matches, person, text if ranked else "", oldest=sort == "oldest", limit=cap + 1)
        elif estimate is not None and estimate <= BITMAP_MAX_ESTIMATE and not (common_words and person is None):
            rows = _collect_then_sort(
                words,
                text if ranked else "",
                oldest=sort == "oldest",
                limit=cap + 1,
                within=filtered if words is not matches else None,
                estimate=estimate,
            )
        elif words is not matches and estimated_matches(filtered) <= BITMAP_MAX_ESTIMATE:
            rows = _sort_then_test(filtered, text, ranked=ranked, oldest=sort == "oldest", limit=cap + 1)
        else:
            rows = None
            if walk and estimated_matches(matches) <= BITMAP_MAX_ESTIMATE:  # not for common words
                rows = _in_fallback_windows(matches, oldest=sort == "oldest", limit=cap + 1)
            if rows is None:
                candidates = matches.order_by(*cheap_order)
                if ranked:
                    candidates = candidates.annotate(rank=SearchRank(F("search_vector"), search_query(text)))
                    columns.append("rank")
                rows = list(candidates.values_list(*columns)[: cap + 1])
        capped, rows = len(rows) > cap, rows[:cap]
        if ranked:
            # Best score first, then newest: the same order the database would give, on these rows only.
            rows.sort(key=lambda r: (-r[4], -(r[1].toordinal() if r[1] else 0), -r[0]))
        ids = [row[0] for row in rows]
        page = paginate(ids, page_number, known_count=len(ids) + capped, cap=cap)
        page_ids = list(page.object_list)
        found = {}
        if page_ids:
            found = {
                a.pk: a
                for a in _with_snippets(Article.objects.filter(pk__in=page_ids).for_listing().with_excerpt(), text)
            }
        page.object_list = [found[pk] for pk in page_ids if pk in found]
        snippet_map = {a.pk: highlight(a.snippet) for a in page.object_list if getattr(a, "snippet", None)}
        facet_rows = facets(rows, ids if with_facets else [])
    return SearchResults(text=text, page=page, snippets=snippet_map, facets=facet_rows, capped=capped)


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


def _mentioned_person(matches: QuerySet) -> int | None:
    """The id of the person `matches` is filtered on (mentioning(): a join to Mention), if any."""
    where = matches.query.where
    if where.connector != "AND" or where.negated:
        return None
    person_field = Mention._meta.get_field("person")
    for child in where.children:
        if getattr(child, "lookup_name", None) == "exact" and getattr(child.lhs, "target", None) is person_field:
            return getattr(child.rhs, "pk", child.rhs)
    return None


def _walk_mentions(matches: QuerySet, person_id: int, text: str, *, oldest: bool, limit: int) -> list[tuple]:
    """A word in most articles ("said") within one person's: their mentions newest (oldest) first from
    mention_person_published_idx, each article tested against `matches` until `limit` match.

    The planner, which takes the word and the person's name for independent, estimated such a
    search at 331 matches for 45,055 and collected and sorted them all (41,000 heap pages, 256 ms,
    cancelled at the time limit every time); walked, ~1,020 articles are read. Mention.published is
    the article's date (kept by the database), so the walk's order is the articles' order.
    """
    sql, params = _rows_sql(matches)
    walk = (
        "w.published ASC NULLS FIRST, w.article_id ASC" if oldest else "w.published DESC NULLS LAST, w.article_id DESC"
    )
    order = "h.published ASC NULLS FIRST, h.id ASC" if oldest else "h.published DESC NULLS LAST, h.id DESC"
    rank, rank_params, rank_join = _rank_sql(text, "h")
    with connection.cursor() as cursor:
        # OFFSET 0 keeps the LATERAL a per-mention look-up, so rows leave in the index's order.
        cursor.execute(
            f"""WITH hits AS MATERIALIZED (
                    SELECT x.id, x.published, x.source_id, x.tid FROM articles_mention w
                     CROSS JOIN LATERAL (SELECT * FROM ({sql}) AS x0 (id, published, source_id, tid)
                                          WHERE x0.id = w.article_id OFFSET 0) x
                     WHERE w.person_id = %s ORDER BY {walk} LIMIT %s)
                SELECT h.id, h.published, s.slug, s.name{rank}
                  FROM hits h {rank_join} LEFT JOIN articles_source s ON s.id = h.source_id
                 ORDER BY {order}""",
            [*params, person_id, limit, *rank_params],
        )
        return cursor.fetchall()


def _collect_then_sort(
    matches: QuerySet,
    text: str,
    *,
    oldest: bool,
    limit: int,
    within: QuerySet | None = None,
    estimate: float | None = None,
) -> list[tuple]:
    """All matches from the GIN index (a bitmap scan), the first `limit` by date, ranked only then.

    The CTE is MATERIALIZED so the planner cannot turn it back into a walk of article_published_idx
    testing each row's document; ts_rank reads the documents of the `limit` rows kept, not of every match
    (found again by ctid: no second descent of the primary key). `within` (the facets' articles) is
    applied to the collected ids (a semi-join), not to each row's document. Rows are
    (id, published, outlet slug, outlet name[, rank]), newest (or oldest) first.

    With many matches (`estimate`), the newest (oldest) articles are tried first: a date range from
    article_published_idx, ANDed with the words' bitmap, so only the matches inside it have their row
    read. When it holds `limit` matches they are exactly the first `limit` of all (every match outside
    it is older, or newer); otherwise the statement runs again without the window.
    """
    window = _date_window(estimate, limit, oldest=oldest) if estimate and estimate >= WINDOW_MIN_ESTIMATE else None
    if window is not None:
        rows = _collect(matches.filter(window), text, oldest=oldest, limit=limit, within=within)
        if len(rows) >= limit:
            return rows
    return _collect(matches, text, oldest=oldest, limit=limit, within=within)


def _collect(matches: QuerySet, text: str, *, oldest: bool, limit: int, within: QuerySet | None) -> list[tuple]:
    sql, params = _rows_sql(matches)
    where, where_params = "", []
    if within is not None:
        within_sql, where_params = within.order_by().values("pk").query.sql_with_params()
        where = f"WHERE id IN ({within_sql})"
    order = "{0}published ASC NULLS FIRST, {0}id ASC" if oldest else "{0}published DESC NULLS LAST, {0}id DESC"
    rank, rank_params, rank_join = _rank_sql(text, "m")
    with connection.cursor() as cursor:
        cursor.execute(
            f"""WITH matches (id, published, source_id, tid) AS MATERIALIZED ({sql})
                SELECT m.id, m.published, s.slug, s.name{rank}
                  FROM (SELECT * FROM matches {where} ORDER BY {order.format("")} LIMIT %s) m {rank_join}
                  LEFT JOIN articles_source s ON s.id = m.source_id
                 ORDER BY {order.format("m.")}""",
            [*params, *rank_params, *where_params, limit],  # in order of appearance
        )
        return cursor.fetchall()


def _rows_sql(matches: QuerySet) -> tuple[str, tuple]:
    """SQL for (id, published, source_id, ctid) of `matches`, unordered: the rows both plans collect."""
    tid = RawSQL(f"{Article._meta.db_table}.ctid", [], output_field=TextField())
    query = matches.order_by().annotate(search_tid=tid).values_list("pk", "published", "source_id", "search_tid")
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


_stats_cache: dict[str, tuple[float, Any]] = {}


def published_distribution() -> tuple[float, list[tuple[datetime.date, float]]] | None:
    """(rows in articles_article, [(date, share of rows published on or before it), ...] by date), from
    the planner's statistics (pg_class, pg_stats: nothing is read from the table); None without them.

    Kept STATS_TTL seconds per process and database: the newest articles' share moves slowly, and a
    window drawn from stale figures is only less well sized, never wrong (see _collect_then_sort).
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
    return float(total), points


def _date_window(estimate: float, limit: int, *, oldest: bool) -> Q | None:
    """A condition on `published` keeping about WINDOW_MARGIN times the articles needed for `limit`
    matches, were the estimated matches spread evenly over time: the newest (or, for `oldest`, the
    oldest and undated) articles. None when that is too much of the archive (WINDOW_MAX_SHARE) or
    nothing is known."""
    share = WINDOW_MARGIN * limit / max(estimate, 1.0)
    return None if share > WINDOW_MAX_SHARE else _window(share, oldest=oldest)


def _window(share: float, *, oldest: bool) -> Q | None:
    """A condition on `published` keeping at least `share` of the articles (by the statistics), the
    newest ones (or the oldest and undated); None when nothing is known."""
    stats = published_distribution()
    if not stats:
        return None
    shares = [p[1] for p in stats[1]]
    if oldest:  # the first bound with at least `share` of the rows on or before it
        at = bisect.bisect_left(shares, share)
        return None if at >= len(shares) else Q(published__lte=stats[1][at][0]) | Q(published__isnull=True)
    # newest: the last bound with at least `share` of the rows on or after it
    at = bisect.bisect_right(shares, 1.0 - share) - 1
    return None if at < 0 else Q(published__gte=stats[1][at][0])


def _in_fallback_windows(matches: QuerySet, *, oldest: bool, limit: int) -> list[tuple] | None:
    """The first `limit` matches by date among the newest (oldest) FALLBACK_WINDOWS of the archive,
    unranked; fewer when the widest window holds fewer (they are still the newest matches there are,
    and the page says the results are partial); None when nothing is known of the dates.

    The fallback's walk by date reads a document per article until `limit` match: ~6,000 for a
    word in 1.65% of the articles, as long as the plan that had just run out of time. A window's
    bitmap is ~0.3 us an article and only the matches inside it are read (1M articles, load ~4, min
    of 5: sensenvegri 59 -> 24 ms; government with a much-named person, estimated at 91 matches
    for 12,456, 74 -> 30 ms; a common word alone stays with the walk: its bitmap costs more). When
    the widest window holds fewer than `limit`, a walk would have to read past all of it, and more:
    a phrase with 40 matches among 7,445 articles holding both words timed out again and showed
    nothing.
    """
    rows = None
    for share in FALLBACK_WINDOWS:
        window = _window(share, oldest=oldest)
        if window is not None:
            rows = _collect(matches.filter(window), "", oldest=oldest, limit=limit, within=None)
            if len(rows) >= limit:
                break
    return rows


def _sort_then_test(filtered: QuerySet, text: str, *, ranked: bool, oldest: bool, limit: int) -> list[tuple]:
    """A common word within a small facet (one person's articles): the facet's articles sorted by
    date, then each document tested in that order until `limit` match.

    Left to itself the planner tests every one of the person's articles first (a document read
    each) and sorts after; the MATERIALIZED CTE sorts ids only, and the LIMIT stops the tests early.
    """
    sql, params = filtered.order_by().values_list("pk", "published", "source_id").query.sql_with_params()
    order = "{0}published ASC NULLS FIRST, {0}id ASC" if oldest else "{0}published DESC NULLS LAST, {0}id DESC"
    query = "websearch_to_tsquery(%s::regconfig, %s)"
    rank = f", ts_rank(m.search_vector, {query})" if ranked else ""
    with connection.cursor() as cursor:
        # OFFSET 0 keeps the LATERAL a per-row look-up, so rows leave in the facet's date order.
        cursor.execute(
            f"""WITH facet AS MATERIALIZED (
                    SELECT * FROM ({sql}) AS x (id, published, source_id) ORDER BY {order.format("x.")})
                SELECT m.id, m.published, s.slug, s.name{rank}
                  FROM (SELECT f.id, f.published, f.source_id, a.search_vector FROM facet f
                        CROSS JOIN LATERAL (SELECT search_vector FROM articles_article
                                             WHERE id = f.id OFFSET 0) a
                         WHERE a.search_vector @@ {query} LIMIT %s) m
                  LEFT JOIN articles_source s ON s.id = m.source_id
                 ORDER BY {order.format("m.")}""",
            [*params, *([settings.SEARCH_CONFIG, text] if ranked else []), settings.SEARCH_CONFIG, text, limit],
        )
        return cursor.fetchall()


def snippets(article_ids: list[int], text: str) -> dict[int, SafeString]:
    """Highlighted extracts of the plain text for these articles only (ts_headline is costly)."""
    if not article_ids or not text:
        return {}
    rows = _with_snippets(Article.objects.filter(pk__in=article_ids), text).values_list("pk", "snippet")
    return {pk: highlight(snippet) for pk, snippet in rows}


def _with_snippets(articles: QuerySet, text: str) -> QuerySet:
    """Highlighted extracts of the plain text, for the rows of one page only (ts_headline is costly)."""
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


def statement_cancelled(exc: OperationalError) -> bool:
    """True when PostgreSQL cancelled the statement (statement_timeout): SQLSTATE 57014."""
    return getattr(exc.__cause__, "pgcode", None) == "57014"


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
