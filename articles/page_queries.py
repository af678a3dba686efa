"""The hand-tuned statements behind the home, person and article pages: the most quoted people, who is
named alongside a person, an article's related articles, and the languages of the archive.

Plain functions, not QuerySet methods: each runs one statement of its own (raw SQL where building it
with the ORM cost more to compile than to run, or could not say it) and returns a list of model
instances carrying the figure they are ranked by. They were tuned with EXPLAIN ANALYZE at 1M articles;
the comments say what each shape avoids.
"""

from __future__ import annotations

import functools
import hashlib
import logging
from collections.abc import Iterable, Sequence
from datetime import date
from typing import NamedTuple

from django.db import DatabaseError, OperationalError, connection, connections
from django.db.models import DEFERRED, Count, Model

from articles.models import QUOTE_KEY_SQL, Article, Mention, Person, Quote, Source, Topic
from articles.search.time_limit import statement_cancelled, time_limit
from newsarchive.replicas import read_alias

logger = logging.getLogger(__name__)


# --- Prepared statements (issue 15.5) -------------------------------------------------------------------
# The article page's statement is planned once per connection, not at every page: PostgreSQL spent
# longer planning it than running it (server CPU 2.9 -> 1.2 ms a page when it was two statements, 300 random
# pages at 20k articles on a loaded machine). The first use on a connection sends "PREPARE …; EXECUTE …" as one
# statement (one round trip, as before), later ones "EXECUTE …". Every parameter is an id or a fixed count,
# so the generic plan PostgreSQL settles on after five runs is the one it would choose anyway.
# Behind a pooler in transaction mode (pgbouncer), a connection's statements may run in different server
# sessions, where a statement prepared in one is unknown ("prepared statement does not exist"): outside a
# transaction, the statement then runs as it is, and this process stops preparing (a warning says so once).
# So too when a migration changed the type of a column the statement reads ("cached plan must not change
# result type"), until the process restarts. A statement the session holds already ("already exists": its
# PREPARE ran, its EXECUTE failed) is run.
_prepare = True  # False once the server showed it does not keep a connection's session (a pooler)


@functools.cache
def _statement_name(sql: str) -> str:
    # Named from the text: a session holding a statement of this name holds this statement.
    return "na_" + hashlib.sha256(sql.encode()).hexdigest()[:16]


def _pgcode(exc: DatabaseError) -> str | None:
    # psycopg2 makes some of these errors OperationalError, others ProgrammingError or NotSupportedError
    return getattr(exc.__cause__, "pgcode", None)


def _execute(cursor, sql: str, params: dict) -> None:
    """cursor.execute(sql, params), `sql` prepared once per connection (see the section's note); its
    parameters are %(name)s, numbered $1, $2… in the order of `params`; no other % in it."""
    global _prepare
    db = cursor.db
    if not _prepare:
        cursor.execute(sql, params)
        return
    prepared = getattr(db, "na_prepared", None)
    if prepared is None or prepared[0] is not db.connection:  # a new connection: nothing prepared on it yet
        prepared = db.na_prepared = (db.connection, set())
    name, names = _statement_name(sql), list(params)
    execute = f"EXECUTE {name}({', '.join(f'%({n})s' for n in names)})"
    try:
        try:
            if name in prepared[1]:
                cursor.execute(execute, params)
            else:
                numbered = sql
                for number, param in enumerate(names, start=1):
                    numbered = numbered.replace(f"%({param})s", f"${number}")
                cursor.execute(f"PREPARE {name} AS {numbered}; {execute}", params)
                prepared[1].add(name)
        except DatabaseError as exc:
            if _pgcode(exc) != "42P05" or db.in_atomic_block:  # 42P05: the session holds it already
                raise
            prepared[1].add(name)
            cursor.execute(execute, params)
    except DatabaseError as exc:
        code = _pgcode(exc)
        if code not in ("26000", "0A000") or db.in_atomic_block:  # no such statement; cached plan changed
            raise
        _prepare = False
        logger.warning("statements are no longer prepared: %s", exc)
        cursor.execute(sql, params)


def article_languages() -> list[str]:
    """The languages the archive's articles are in (ISO 639-1 codes, known ones only), in code order.

    A loose index scan of article_language_published_idx: one index probe per language, each for the
    first code after the last one found (~0.1 ms for a few languages at 1M articles), where SELECT
    DISTINCT would read every row."""
    with connection.cursor() as cursor:
        cursor.execute(
            """WITH RECURSIVE found (code) AS (
                   (SELECT language FROM articles_article WHERE language > '' ORDER BY language LIMIT 1)
                   UNION ALL
                   SELECT (SELECT language FROM articles_article WHERE language > f.code ORDER BY language LIMIT 1)
                     FROM found f WHERE f.code IS NOT NULL)
               SELECT code FROM found WHERE code IS NOT NULL"""
        )
        return [code for (code,) in cursor.fetchall()]


def most_quoted_people(since: date, limit: int = 10) -> list[Person]:
    """People with the most quotations in articles published on or after `since` (`quote_count`), most first.

    Counted from quote_published_speaker_idx (Quote.published, with the speaker in the index):
    through the articles, a 30-day window at 1M articles was ~8,000 article probes, 85-115 ms.
    The grouped counts are computed once and joined to the people: a correlated count per
    person re-read each much-quoted person's whole history (6 s on the home page at 1M).
    A wire story's quotations count once (issue 14.3): those in the window's copies that repeat their group's
    (Quote.repeated; article_copy_of_idx holds only the copies) are counted apart and taken off, so the
    index-only count stays as it was; a quotation only a copy carries still counts.
    """
    everyone = (
        Quote.objects.filter(published__gte=since, person__isnull=False)
        .order_by()
        .values("person_id")
        .annotate(n=Count("*"))
    )
    in_copies = (
        Quote.objects.filter(article__copy_of__isnull=False, article__published__gte=since, person__isnull=False)
        .filter(repeated=True)
        .order_by()
        .values("person_id")
        .annotate(n=-Count("*"))
    )
    sql, params = everyone.union(in_copies, all=True).query.sql_with_params()
    return list(
        Person.objects.raw(
            f"""SELECT p.*, t.n AS "quote_count" FROM articles_person p JOIN (
                    SELECT person_id, sum(n)::int AS n FROM ({sql}) c GROUP BY person_id
                     ORDER BY n DESC, person_id LIMIT %s) t ON t.person_id = p.id
                 WHERE t.n > 0 ORDER BY t.n DESC, p.name""",
            [*params, limit],
        )
    )


def people_named_with(person: Person, limit: int = 10, window: int = 300) -> list[Person]:
    """Who is most often mentioned alongside `person` (`together`), over their `window` latest articles.

    Latest published, read from mention_person_published_idx (Mention.published): 300 index
    entries whoever the person is, then the ~1,000 mentions of those articles (1,000 articles
    cost the person page 15-35 ms at 1M articles; 300 still rank the usual company first).
    Raw SQL: built with the ORM, compiling it cost the person page ~2 ms (pyinstrument).
    A wire story counts once (issue 14.3): the window holds the articles whose mention of `person` repeats no
    other of its group's (Mention.repeated, the row's own flag): the head, or a copy when only the copy names them.
    """
    return list(
        Person.objects.raw(
            """SELECT p.*, t.n AS together FROM articles_person p JOIN (
                   SELECT m.person_id, count(*) AS n FROM articles_mention m
                    WHERE m.article_id IN (
                              SELECT w.article_id FROM articles_mention w
                               WHERE w.person_id = %(pk)s AND NOT w.repeated
                               ORDER BY w.published DESC NULLS LAST, w.article_id DESC LIMIT %(window)s)
                      AND m.person_id <> %(pk)s
                    GROUP BY m.person_id ORDER BY n DESC, m.person_id LIMIT %(limit)s) t ON t.person_id = p.id
                ORDER BY t.n DESC, p.name""",
            {"pk": person.pk, "window": window, "limit": limit},
        )
    )


# --- An article's page: the article, its quotations, people named, topics and related articles ---------
# One statement (article_page()): the article's row with its outlets, and its four lists as JSON arrays
# of their rows, read into model instances holding only the columns the page shows (_instance(): any other
# is loaded on access, like .only()). Built with the ORM (select_related, the join ordering by the person's
# name) the four statements cost ~1.6 ms of Python to compile and read, 40% of an uncached article page;
# as four raw statements ~0.3 ms; as one, ~0.1 ms less on each side of the connection (at 1M articles).
# Related articles were a statement of their own: folded in (_RELATED_SQL), one round trip less a page saved
# ~0.1 ms of server CPU and ~4% of the page's Python instructions (1,000 pages at 1M articles).
_ARTICLE_FIELDS = [
    "id", "headline", "slug", "body_html", "body_text", "published", "published_precision", "published_at",
    "url", "byline", "language", "source_id", "via_id", "copy_of_id", "copy_outlets",
]  # fmt: skip
_SOURCE_FIELDS = ["id", "name", "slug"]
_PERSON_FIELDS = ["id", "name", "slug"]
_QUOTE_FIELDS = ["id", "article_id", "text", "person_id", "speaker_as_written", "speaker_kind", "partial", "position"]
_MENTION_FIELDS = ["id", "article_id", "person_id", "count", "quoted"]
_TOPIC_FIELDS = ["id", "name", "slug"]
# Related articles: these, then source_name, shared and shared_topics.
_RELATED_FIELDS = ["id", "headline", "slug", "published", "published_precision", "source_id", "copy_of_id"]
_RELATED_COPY_OF = _RELATED_FIELDS.index("copy_of_id")
_RELATED_PUBLISHED = _RELATED_FIELDS.index("published")
RELATED_LIMIT = 5  # related articles a page lists
RELATED_WINDOW = 40  # latest articles of each of its people (topics) looked at
RELATED_SPARE = 5  # read beyond RELATED_LIMIT, to make up for copies of one story (article_page())
# Related articles: articles naming the same people (else sharing a topic), most shared first.
# Candidates are each person's RELATED_WINDOW latest published articles (mention_person_published_idx)
# and each topic's RELATED_WINDOW most recently added (articletopic_topic_article_idx), so a
# much-quoted person costs the article page a few hundred index entries, not their history.
# The candidates are scored (people and topics shared) and ordered from the indexes alone,
# newest first by the date their mention carries (topic-only candidates: newest added), and
# only the few chosen are read from the article table: reading all ~200 candidates' rows
# cost ~10 ms at 1M articles (EXPLAIN ANALYZE). Rows carry the outlet's name (no query per row),
# `shared` and `shared_topics`: how many of the article's own people (topics) the
# candidate names, the same number as its mentions among them ((article, person) and (article,
# topic) are unique), counted from those few, so nothing is read for an article without topics
# (execution 0.82 -> 0.72 ms at 1M articles, EXPLAIN ANALYZE over 400). Raw SQL: built
# with the ORM it cost ~8 ms of Python to compile.
# Scoring probed the indexes twice for each of the ~100 candidates, most of the statement's work. Two
# shortcuts give the same numbers with fewer probes: a candidate in the window of each of the article's
# people (topics) shares them all, which the windows it came from already count (by_person, in_topics:
# each window lists an article once); and shared_topics only orders candidates of equal `shared`, so it
# is counted only for those whose `shared` reaches the lowest of the ten highest, the others being out of the list
# whatever it is (buffers read 685 -> 555 a page, the same rows on 2,000 random pages at 1M articles).
_RELATED_SQL = f"""
    (WITH people AS (SELECT person_id FROM articles_mention WHERE article_id = %(pk)s),
          topics AS (SELECT topic_id FROM articles_article_topics WHERE article_id = %(pk)s),
          candidates AS (
              SELECT c.article_id, c.published, 1 AS by_person FROM people p CROSS JOIN LATERAL (
                  SELECT m.article_id, m.published FROM articles_mention m
                   WHERE m.person_id = p.person_id AND m.article_id <> %(pk)s
                   ORDER BY m.published DESC NULLS LAST, m.article_id DESC LIMIT {RELATED_WINDOW}) c
              UNION ALL
              SELECT c.article_id, NULL, 0 FROM topics t CROSS JOIN LATERAL (
                  SELECT x.article_id FROM articles_article_topics x
                   WHERE x.topic_id = t.topic_id AND x.article_id <> %(pk)s
                   ORDER BY x.article_id DESC LIMIT {RELATED_WINDOW}) c),
          scored AS (
              SELECT c.article_id, max(c.published) AS published, count(*) - sum(c.by_person) AS in_topics,
                     CASE WHEN sum(c.by_person) = (SELECT count(*) FROM people) THEN sum(c.by_person)
                     ELSE (SELECT count(*) FROM people p2 WHERE EXISTS (SELECT FROM articles_mention m
                         WHERE m.article_id = c.article_id AND m.person_id = p2.person_id)) END AS shared
                FROM candidates c GROUP BY c.article_id),
          chosen AS (
              SELECT s.article_id, s.published, s.shared,
                     CASE WHEN s.in_topics = (SELECT count(*) FROM topics) THEN s.in_topics
                     ELSE (SELECT count(*) FROM topics t2 WHERE EXISTS (SELECT FROM articles_article_topics x
                         WHERE x.article_id = s.article_id AND x.topic_id = t2.topic_id)) END AS shared_topics
                FROM scored s
               WHERE s.shared >= (SELECT min(top.shared) FROM (
                         SELECT shared FROM scored ORDER BY shared DESC LIMIT {RELATED_LIMIT + RELATED_SPARE}) top)
               ORDER BY s.shared DESC, shared_topics DESC, s.published DESC NULLS LAST, s.article_id DESC
               LIMIT {RELATED_LIMIT + RELATED_SPARE})
     SELECT json_agg(json_build_array({", ".join(f"r.{name}" for name in _RELATED_FIELDS)}, s.name,
                                      chosen.shared, chosen.shared_topics)
                     ORDER BY chosen.shared DESC, chosen.shared_topics DESC, chosen.published DESC NULLS LAST,
                              r.id DESC)
       FROM chosen JOIN articles_article r ON r.id = chosen.article_id
       LEFT JOIN articles_source s ON s.id = r.source_id)"""
_ARTICLE_PAGE_SQL = f"""
    SELECT {", ".join(f"a.{name}" for name in _ARTICLE_FIELDS)}, s.name, s.slug, v.name, v.slug,
           (SELECT json_agg(json_build_array({", ".join(f"q.{name}" for name in _QUOTE_FIELDS)}, p.name, p.slug)
                            ORDER BY q.position)
              FROM articles_quote q LEFT JOIN articles_person p ON p.id = q.person_id WHERE q.article_id = a.id),
           (SELECT json_agg(json_build_array({", ".join(f"m.{name}" for name in _MENTION_FIELDS)}, p.name, p.slug)
                            ORDER BY m.count DESC, p.name)
              FROM articles_mention m JOIN articles_person p ON p.id = m.person_id WHERE m.article_id = a.id),
           (SELECT json_agg(json_build_array({", ".join(f"t.{name}" for name in _TOPIC_FIELDS)}) ORDER BY t.name)
              FROM articles_article_topics x JOIN articles_topic t ON t.id = x.topic_id WHERE x.article_id = a.id),
           {_RELATED_SQL}
      FROM articles_article a LEFT JOIN articles_source s ON s.id = a.source_id
      LEFT JOIN articles_source v ON v.id = a.via_id
     WHERE a.id = %(pk)s"""


@functools.cache
def _field_order(model: type[Model], names: tuple[str, ...]) -> tuple[list[str], list[int | None]]:
    """The model's concrete fields in its order, which Model.from_db takes values in, and where each is in
    `names` (None: not read)."""
    fields = [f.attname for f in model._meta.concrete_fields]
    return fields, [names.index(name) if name in names else None for name in fields]


def _instance(model: type[Model], db: str, names: list[str], values: Sequence) -> Model:
    """A `model` instance read from `db` with the fields `names` (their `values`); the others deferred."""
    # A value for every field, DEFERRED where not read, as Model.from_db would fill them in itself by looking each
    # field up in the list of names read (~25 x 15 comparisons an article; an article page makes ~16 instances).
    fields, at = _field_order(model, tuple(names))
    return model.from_db(db, fields, [DEFERRED if i is None else values[i] for i in at])


class ArticlePage(NamedTuple):
    article: Article  # with `source` and `via`
    quotes: list[Quote]  # in the order of the text, each with its speaker's `person` (when known)
    mentions: list[Mention]  # most often named first, then by name, each with its `person`
    topics: list[Topic]  # by name (Topic's ordering)
    related: list[Article]  # most shared first, each with `source_name`, `shared` and `shared_topics`


def article_page(pk: int) -> ArticlePage | None:
    """The article `pk` and the lists its page shows of its own (see the section's note), or None."""
    if not 0 < pk < 2**63:  # no such id: the prepared statement's parameter is a bigint, which refuses more
        return None
    db = read_alias()
    with connections[db].cursor() as cursor:
        _execute(cursor, _ARTICLE_PAGE_SQL, {"pk": pk})
        row = cursor.fetchone()
    if row is None:
        return None
    n = len(_ARTICLE_FIELDS)
    article = _instance(Article, db, _ARTICLE_FIELDS, row[:n])
    source_name, source_slug, via_name, via_slug, quote_rows, mention_rows, topic_rows, related_rows = row[n:]
    # Sets the caches select_related would (None without an outlet or a person: no query either way).
    article.source = (
        _instance(Source, db, _SOURCE_FIELDS, (article.source_id, source_name, source_slug))
        if article.source_id
        else None
    )
    article.via = (
        _instance(Source, db, _SOURCE_FIELDS, (article.via_id, via_name, via_slug)) if article.via_id else None
    )
    quotes, mentions = [], []
    for values in quote_rows or ():
        quote = _instance(Quote, db, _QUOTE_FIELDS, values)
        quote.person = _instance(Person, db, _PERSON_FIELDS, (values[3], *values[8:])) if values[3] else None
        quotes.append(quote)
    for values in mention_rows or ():
        mention = _instance(Mention, db, _MENTION_FIELDS, values)
        mention.person = _instance(Person, db, _PERSON_FIELDS, (values[2], *values[5:]))
        mentions.append(mention)
    topics = [_instance(Topic, db, _TOPIC_FIELDS, values) for values in topic_rows or ()]
    return ArticlePage(article, quotes, mentions, topics, _related(article, related_rows or (), db))


def _related(article: Article, rows: list[list], db: str) -> list[Article]:
    """The first RELATED_LIMIT related articles (_RELATED_SQL's rows), one per story: a wire story's copies
    (issue 14.3) share all their people with each other, so they would fill the list, and the article's own
    copies are listed apart on its page (RELATED_SPARE more are read to make up for them)."""
    stories, chosen = {article.copy_of_id or article.pk}, []
    for values in rows:
        story = values[_RELATED_COPY_OF] or values[0]
        if story not in stories and len(chosen) < RELATED_LIMIT:
            stories.add(story)
            if values[_RELATED_PUBLISHED] is not None:  # JSON carries the date as text
                values[_RELATED_PUBLISHED] = date.fromisoformat(values[_RELATED_PUBLISHED])
            other = _instance(Article, db, _RELATED_FIELDS, values)
            other.source_name, other.shared, other.shared_topics = values[len(_RELATED_FIELDS) :]
            chosen.append(other)
    return chosen


# --- Quotations (issue 14): the same words elsewhere, outlets per quotation, a speaker's topics --------

_KEY = QUOTE_KEY_SQL.format  # the expression quote_text_key_hash indexes, on a column
# A partial or lightly edited version shares a run of NEAR_RUN words of substance (stop words don't count)
# with the quotation, looked for in quote_person_search_gin (_near_query()), and the shorter's letters are
# near-identical to part of the longer: pg_trgm's word_similarity() of at least NEAR_SIMILARITY (1.0:
# every trigram of it is in the other). Runs of plain words were mostly stop words ("to the ... the
# in"): two lexemes matched many quotations, and a third of the look-ups at 2.5M ran out of time.
NEAR_RUN = 4
NEAR_MAX_RUNS = 24  # phrases looked for, at most (a long quotation's runs are spread over it)
NEAR_SIMILARITY = 0.75
# The near-identical versions are looked for under this statement time limit (they read one GIN
# posting list per distinct word); past it, only the exact copies are listed and the page says so.
NEAR_TIMEOUT_MS = 300
SAME_WORDS_LIMIT = 50


def _near_query(quote: Quote) -> str:
    """A tsquery (as text) for runs of NEAR_RUN consecutive lexemes of the quotation, each run's lexemes
    ANDed ('quay' & 'without' & 'sign' & 'contract'), at most NEAR_MAX_RUNS spread over it; "" for a
    quotation with fewer lexemes (its partial versions would be a few common words). ANDed, not as
    phrases: a dash the parser keeps as a token ("quay — without") moves the distances by one, and
    word_similarity() checks the order anyway."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT p, l.lexeme FROM articles_quote q, unnest(q.search_vector) l, unnest(l.positions) p"
            " WHERE q.id = %s ORDER BY p",
            [quote.pk],
        )
        words = [word for _, word in dict(cursor.fetchall()).items() if any(c.isalnum() for c in word)]
    if len(words) < NEAR_RUN:
        return ""
    starts = range(len(words) - NEAR_RUN + 1)
    step = max(1, -(-len(starts) // NEAR_MAX_RUNS))
    runs = {" & ".join(sorted(_lexeme(word) for word in set(words[i : i + NEAR_RUN]))) for i in starts[::step]}
    return " | ".join(f"({run})" for run in sorted(runs))


def _lexeme(word: str) -> str:
    """A lexeme written for tsquery input: quoted, its quotes doubled and backslashes escaped."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def same_words(quote: Quote) -> tuple[list[Quote], bool]:
    """The quotation and every stored quotation of the same words in other articles, oldest first
    (undated last), at most SAME_WORDS_LIMIT; and whether the near-identical versions were looked for
    in time (False: only exact copies are listed).

    Same words: the same text once quotation marks, case, accents, whitespace and punctuation are
    folded (quote_key(), from quote_text_key_hash; `exact`), or a partial or lightly edited version
    (`exact` False): sharing NEAR_RUN words of substance in a row (_near_query(): found in
    quote_person_search_gin, so only quotations holding every word of a run are read) and
    near-identical by pg_trgm's word_similarity one way or the other. Rows carry `exact`, the article
    (headline, slug, date) and its outlet.
    """
    runs = _near_query(quote)
    query = """
        WITH me AS (SELECT id, article_id, {key} AS key FROM articles_quote WHERE id = %(pk)s),
             found AS (
                 SELECT q.id, true AS exact FROM articles_quote q, me WHERE {q_key} = me.key
                 {near})
        SELECT q.id, q.article_id, q.text, q.person_id, q.speaker_as_written, q.partial, q.position, q.published,
               bool_or(found.exact) AS exact
          FROM found JOIN articles_quote q ON q.id = found.id, me
         WHERE q.article_id <> me.article_id OR q.id = me.id
         GROUP BY q.id
         ORDER BY q.published ASC NULLS LAST, q.article_id, q.position
         LIMIT %(limit)s"""
    near = """UNION ALL
                 SELECT q.id, false FROM articles_quote q, me
                  WHERE q.search_vector @@ %(runs)s::tsquery
                    AND greatest(word_similarity({q_key}, me.key), word_similarity(me.key, {q_key})) >= %(near)s"""
    params = {"pk": quote.pk, "limit": SAME_WORDS_LIMIT, "near": NEAR_SIMILARITY}
    params["runs"] = runs
    sql = query.format(key=_KEY("text"), q_key=_KEY("q.text"), near="{near}")
    complete = True
    if runs:
        try:
            with time_limit(NEAR_TIMEOUT_MS):
                rows = _same_words_rows(sql.format(near=near.format(q_key=_KEY("q.text"))), params)
        except OperationalError as exc:
            if not statement_cancelled(exc):
                raise
            complete = False
    if not runs or not complete:
        rows = _same_words_rows(sql.format(near=""), params)
    return rows, complete


def _same_words_rows(sql: str, params: dict) -> list[Quote]:
    quotes = list(Quote.objects.raw(sql, params))
    articles = Article.objects.for_listing().in_bulk([q.article_id for q in quotes])
    people = Person.objects.in_bulk([q.person_id for q in quotes if q.person_id])
    for q in quotes:
        q.article = articles[q.article_id]
        q.person = people.get(q.person_id)
    return quotes


# How many outlets carried the words of the quotation `q` (its own included), by quote_text_key_hash: one
# expression for outlet_counts() and the person page's cards (_PERSON_QUOTES_SQL).
_OUTLETS_OF_Q = f"""(SELECT count(DISTINCT oa.source_id)
                       FROM articles_quote o JOIN articles_article oa ON oa.id = o.article_id
                      WHERE {_KEY("o.text")} = {_KEY("q.text")})"""


def outlet_counts(quote_ids: list[int]) -> dict[int, int]:
    """For each quotation, how many outlets carried the same words (quote_key(): quotation marks, case,
    accents, whitespace and punctuation folded), its own included: one statement for a page of them,
    each quotation's copies found in quote_text_key_hash."""
    if not quote_ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT q.id, {_OUTLETS_OF_Q} FROM articles_quote q WHERE q.id = ANY(%s::bigint[])", [list(quote_ids)]
        )
        return dict(cursor.fetchall())


def with_outlet_counts(quotes: Iterable[Quote]) -> list[Quote]:
    """`quotes` as a list, each with `outlets` (outlet_counts()): one statement whatever their number."""
    quotes = list(quotes)
    counts = outlet_counts([q.pk for q in quotes])
    for q in quotes:
        q.outlets = counts.get(q.pk, 0)
    return quotes


# --- A person's page: their quotations, newest first, a page at a time ---------------------------------
# Read by short raw statements into instances holding the columns the cards show (_instance()), each with
# `outlets` from the same statement: through the ORM (select_related of article and outlet, then
# with_outlet_counts()) the page's three statements cost ~5 ms of Python and database at 1M articles.
_CARD_ARTICLE_FIELDS = ["id", "headline", "slug", "published", "published_precision", "source_id"]
_PERSON_QUOTES_SQL = f"""
    SELECT {", ".join(f"q.{name}" for name in _QUOTE_FIELDS)},
           {", ".join(f"a.{name}" for name in _CARD_ARTICLE_FIELDS)}, s.name, s.slug, {_OUTLETS_OF_Q}
      FROM (SELECT {", ".join(f"w.{name}" for name in _QUOTE_FIELDS)}, w.published
              FROM articles_quote w WHERE w.person_id = %(pk)s AND NOT w.repeated
             ORDER BY w.published DESC NULLS LAST, w.article_id DESC, w.position LIMIT %(limit)s OFFSET %(offset)s) q
      JOIN articles_article a ON a.id = q.article_id LEFT JOIN articles_source s ON s.id = a.source_id
     ORDER BY q.published DESC NULLS LAST, q.article_id DESC, q.position"""


_PAGE_PERSON_FIELDS = ["id", "name", "slug", "description"]
_LATEST_FIELDS = ["id", "headline", "slug", "published", "published_precision", "source_id", "copy_outlets"]
_LATEST_PUBLISHED = _LATEST_FIELDS.index("published")
# The person with their aliases, and their ten latest articles (mention_person_published_idx) with their outlets
# as a JSON array; a wire story once, as /articles/?person= lists it: the first of its articles naming them
# (Mention.repeated), its head when the head does (which says "also published by N outlets"), else the copy
# whose outlet named them.
_PERSON_PAGE_SQL = f"""
    SELECT {", ".join(f"p.{name}" for name in _PAGE_PERSON_FIELDS)},
           ARRAY(SELECT n.name FROM articles_alias n WHERE n.person_id = p.id ORDER BY n.name),
           (SELECT json_agg(json_build_array({", ".join(f"a.{name}" for name in _LATEST_FIELDS)}, s.name, s.slug)
                            ORDER BY a.published DESC NULLS LAST, a.id DESC)
              FROM (SELECT m.article_id FROM articles_mention m WHERE m.person_id = p.id AND NOT m.repeated
                     ORDER BY m.published DESC NULLS LAST, m.article_id DESC LIMIT %(latest)s) l
              JOIN articles_article a ON a.id = l.article_id LEFT JOIN articles_source s ON s.id = a.source_id),
           (SELECT count(*) FROM (SELECT FROM articles_quote w WHERE w.person_id = p.id AND NOT w.repeated
                                   LIMIT %(cap)s + 1) c)
      FROM articles_person p
     WHERE p.slug = %(slug)s"""


class PersonPage(NamedTuple):
    person: Person  # with `alias_names`, by name
    articles: list[Article]  # their latest, newest first, each with `source`
    quote_count: int  # their quotations (PersonQuotes), at most `cap` + 1 counted (BoundedPaginator's known_count)


def person_page(slug: str, cap: int, latest: int = 10) -> PersonPage | None:
    """The person `slug` with their aliases, `latest` latest articles and how many quotations PersonQuotes
    lists (at most `cap` + 1 counted), by one statement (as article_page()); None when there is none."""
    db = read_alias()
    with connections[db].cursor() as cursor:
        cursor.execute(_PERSON_PAGE_SQL, {"slug": slug, "latest": latest, "cap": cap})
        row = cursor.fetchone()
    if row is None:
        return None
    n = len(_PAGE_PERSON_FIELDS)
    person = _instance(Person, db, _PAGE_PERSON_FIELDS, row[:n])
    person.alias_names, article_rows, quote_count = row[n:]
    articles = []
    for values in article_rows or ():
        if values[_LATEST_PUBLISHED] is not None:  # JSON carries the date as text
            values[_LATEST_PUBLISHED] = date.fromisoformat(values[_LATEST_PUBLISHED])
        article = _instance(Article, db, _LATEST_FIELDS, values)
        source_id, (source_name, source_slug) = article.source_id, values[len(_LATEST_FIELDS) :]
        article.source = (
            _instance(Source, db, _SOURCE_FIELDS, (source_id, source_name, source_slug)) if source_id else None
        )
        articles.append(article)
    return PersonPage(person, articles, quote_count)


class PersonQuotes:
    """`person`'s quotations, a wire story's once (Quote.repeated, as QuoteQuerySet.one_per_story()), newest
    first (QUOTES_NEWEST_FIRST, from quote_person_published_idx), for BoundedPaginator with the known_count
    person_page() read: pages by slicing, each quotation with its `person`, its `article` and the article's
    `source`, and `outlets` (outlet_counts(), in the same statement)."""

    ordered = True

    def __init__(self, person: Person):
        self.person = person
        self.db = read_alias()

    def __getitem__(self, index: slice) -> list[Quote]:
        start = index.start or 0
        with connections[self.db].cursor() as cursor:
            cursor.execute(_PERSON_QUOTES_SQL, {"pk": self.person.pk, "limit": index.stop - start, "offset": start})
            rows = cursor.fetchall()
        quotes, n, m = [], len(_QUOTE_FIELDS), len(_QUOTE_FIELDS) + len(_CARD_ARTICLE_FIELDS)
        for row in rows:
            quote = _instance(Quote, self.db, _QUOTE_FIELDS, row[:n])
            quote.person = self.person
            quote.article = article = _instance(Article, self.db, _CARD_ARTICLE_FIELDS, row[n:m])
            source_name, source_slug, quote.outlets = row[m:]
            article.source = (
                _instance(Source, self.db, _SOURCE_FIELDS, (article.source_id, source_name, source_slug))
                if article.source_id
                else None
            )
            quotes.append(quote)
        return quotes


def quoted_topics(person: Person, limit: int = 8, window: int = 300) -> list[Topic]:
    """The topics of the articles `person` is quoted in (`quotes`: how many of their quotations), over
    their `window` latest quotations (quote_person_published_idx, then each article's topic links); a wire
    story's quotations once (issue 14.3): those repeating their group's are left out by their own row's flag
    (Quote.repeated, as QuoteQuerySet.one_per_story()); the copies' ids hashed instead, as before, cost
    270-540 ms a page with 100,000 copies."""
    return list(
        Topic.objects.raw(
            """SELECT t.*, c.n AS quotes FROM articles_topic t JOIN (
                   SELECT x.topic_id, count(*) AS n
                     FROM (SELECT w.article_id FROM articles_quote w
                            WHERE w.person_id = %(pk)s AND NOT w.repeated
                            ORDER BY w.published DESC NULLS LAST, w.article_id DESC, w.position LIMIT %(window)s) q
                     JOIN articles_article_topics x ON x.article_id = q.article_id
                    GROUP BY x.topic_id ORDER BY n DESC, x.topic_id LIMIT %(limit)s) c ON c.topic_id = t.id
                ORDER BY c.n DESC, t.name""",
            {"pk": person.pk, "window": window, "limit": limit},
        )
    )
