"""The hand-tuned statements behind the home, person and article pages: the most quoted people, who is
named alongside a person, an article's related articles, and the languages of the archive.

Plain functions, not QuerySet methods: each runs one statement of its own (raw SQL where building it
with the ORM cost more to compile than to run, or could not say it) and returns a list of model
instances carrying the figure they are ranked by. They were tuned with EXPLAIN ANALYZE at 1M articles;
the comments say what each shape avoids.
"""

from __future__ import annotations

from datetime import date

from django.db import connection
from django.db.models import Count

from articles.models import Article, Person, Quote


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
    """
    top = (
        Quote.objects.filter(published__gte=since, person__isnull=False)
        .order_by()
        .values("person_id")
        .annotate(n=Count("*"))
        .order_by("-n", "person_id")[:limit]
    )
    sql, params = top.query.sql_with_params()
    return list(
        Person.objects.raw(
            f'SELECT p.*, t.n AS "quote_count" FROM articles_person p JOIN ({sql}) t ON t.person_id = p.id '
            "ORDER BY t.n DESC, p.name",
            params,
        )
    )


def people_named_with(person: Person, limit: int = 10, window: int = 300) -> list[Person]:
    """Who is most often mentioned alongside `person` (`together`), over their `window` latest articles.

    Latest published, read from mention_person_published_idx (Mention.published): 300 index
    entries whoever the person is, then the ~1,000 mentions of those articles (1,000 articles
    cost the person page 15-35 ms at 1M articles; 300 still rank the usual company first).
    Raw SQL: built with the ORM, compiling it cost the person page ~2 ms (pyinstrument).
    """
    return list(
        Person.objects.raw(
            """SELECT p.*, t.n AS together FROM articles_person p JOIN (
                   SELECT m.person_id, count(*) AS n FROM articles_mention m
                    WHERE m.article_id IN (
                              SELECT article_id FROM articles_mention WHERE person_id = %(pk)s
                               ORDER BY published DESC NULLS LAST, article_id DESC LIMIT %(window)s)
                      AND m.person_id <> %(pk)s
                    GROUP BY m.person_id ORDER BY n DESC, m.person_id LIMIT %(limit)s) t ON t.person_id = p.id
                ORDER BY t.n DESC, p.name""",
            {"pk": person.pk, "window": window, "limit": limit},
        )
    )


def related_articles(article: Article, limit: int = 5, window: int = 40) -> list[Article]:
    """Articles naming the same people (else sharing a topic), most shared first.

    Candidates are each person's `window` latest published articles (mention_person_published_idx)
    and each topic's `window` most recently added (articletopic_topic_article_idx), so a
    much-quoted person costs the article page a few hundred index entries, not their history.
    The candidates are scored (people and topics shared) and ordered from the indexes alone,
    newest first by the date their mention carries (topic-only candidates: newest added), and
    only the `limit` chosen are read from the article table: reading all ~200 candidates' rows
    cost ~10 ms at 1M articles (EXPLAIN ANALYZE). Rows carry `source_name` (no query per row for
    the outlet), `shared` and `shared_topics`. One raw statement: built with the ORM it cost ~8 ms
    of Python to compile.
    """
    return list(
        Article.objects.raw(
            """WITH people AS (SELECT person_id FROM articles_mention WHERE article_id = %(pk)s),
                    topics AS (SELECT topic_id FROM articles_article_topics WHERE article_id = %(pk)s),
                    candidates AS (
                        SELECT c.article_id, c.published FROM people p CROSS JOIN LATERAL (
                            SELECT m.article_id, m.published FROM articles_mention m
                             WHERE m.person_id = p.person_id AND m.article_id <> %(pk)s
                             ORDER BY m.published DESC NULLS LAST, m.article_id DESC LIMIT %(window)s) c
                        UNION ALL
                        SELECT c.article_id, NULL FROM topics t CROSS JOIN LATERAL (
                            SELECT x.article_id FROM articles_article_topics x
                             WHERE x.topic_id = t.topic_id AND x.article_id <> %(pk)s
                             ORDER BY x.article_id DESC LIMIT %(window)s) c),
                    chosen AS (
                        SELECT c.article_id, max(c.published) AS published,
                               (SELECT count(*) FROM articles_mention m WHERE m.article_id = c.article_id
                                   AND m.person_id IN (SELECT person_id FROM people)) AS shared,
                               (SELECT count(*) FROM articles_article_topics x WHERE x.article_id = c.article_id
                                   AND x.topic_id IN (SELECT topic_id FROM topics)) AS shared_topics
                          FROM candidates c GROUP BY c.article_id
                         ORDER BY shared DESC, shared_topics DESC, published DESC NULLS LAST, c.article_id DESC
                         LIMIT %(limit)s)
               SELECT a.id, a.headline, a.slug, a.published, a.source_id, s.name AS source_name,
                      chosen.shared, chosen.shared_topics
                 FROM chosen JOIN articles_article a ON a.id = chosen.article_id
                 LEFT JOIN articles_source s ON s.id = a.source_id
                ORDER BY chosen.shared DESC, chosen.shared_topics DESC, chosen.published DESC NULLS LAST, a.id DESC""",
            {"pk": article.pk, "window": window, "limit": limit},
        )
    )
