"""Topics by rules editors manage: a TopicRule keyword tags every article whose search
document contains it (as a phrase, stemmed, accents folded: "rent control" matches
"Rent controls"). Matching is SQL against the article's tsvector, so the same rule means
the same thing at ingest, in a preview count and in a million-article re-tag."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection, transaction

from articles.models import Topic


def topics_for_text(headline: str, people_quotes: str, body_text: str) -> list[Topic]:
    """Topics whose rules match this text (for an article not yet stored, or a dry run)."""
    return list(
        Topic.objects.raw(
            """
            SELECT DISTINCT t.* FROM articles_topic t
            JOIN articles_topicrule r ON r.topic_id = t.id
            WHERE na_search_document(%s, %s, %s) @@ phraseto_tsquery('newsarchive', r.keyword)
            ORDER BY t.name
            """,
            [headline, people_quotes, body_text],
        )
    )


def tag_articles(article_ids: list[int]) -> int:
    """Bring these articles' rule-made topics up to date with the rules (an updated article can
    lose one); links staff or an input gave (by_rule false) are left alone. Returns the rows added."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            DELETE FROM articles_article_topics t
            USING articles_article a
            WHERE a.id = t.article_id AND t.article_id = ANY(%s) AND t.by_rule
              AND NOT EXISTS (SELECT 1 FROM articles_topicrule r WHERE r.topic_id = t.topic_id
                              AND a.search_vector @@ phraseto_tsquery('newsarchive', r.keyword))
            """,
            [list(article_ids)],
        )
        cursor.execute(
            """
            INSERT INTO articles_article_topics (article_id, topic_id, by_rule)
            SELECT DISTINCT a.id, r.topic_id, true
            FROM articles_article a JOIN articles_topicrule r
              ON a.search_vector @@ phraseto_tsquery('newsarchive', r.keyword)
            WHERE a.id = ANY(%s)
            ON CONFLICT DO NOTHING
            """,
            [list(article_ids)],
        )
        return cursor.rowcount


def count_matches(keywords: list[str]) -> int:
    """How many articles any of these keywords would tag (the admin's preview)."""
    if not keywords:
        return 0
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT count(*) FROM articles_article a
            WHERE a.search_vector @@ (
                SELECT string_agg(phraseto_tsquery('newsarchive', k)::text, ' | ')::tsquery
                FROM unnest(%s::text[]) AS k WHERE phraseto_tsquery('newsarchive', k)::text <> ''
            )
            """,
            [keywords],
        )
        return cursor.fetchone()[0]


@dataclass
class RetagResult:
    added: int
    removed: int
    articles_changed: int
    per_topic: dict[str, tuple[int, int]]  # topic name -> (gained, lost)


def retag_all() -> RetagResult:
    """Re-apply every rule to every article, set-based: one query computes the wanted
    (article, topic) pairs, then the difference is inserted and deleted. Only rule-made links
    are removed: a topic staff set by hand, or an input file gave, stays."""
    with transaction.atomic(), connection.cursor() as cursor:
        # One tsquery per topic (its keywords OR-ed), so each topic scans the GIN index once.
        cursor.execute(
            """
            CREATE TEMP TABLE wanted ON COMMIT DROP AS
            SELECT a.id AS article_id, q.topic_id
            FROM (
                SELECT topic_id, string_agg(phraseto_tsquery('newsarchive', keyword)::text, ' | ')::tsquery AS query
                FROM articles_topicrule
                WHERE phraseto_tsquery('newsarchive', keyword)::text <> ''
                GROUP BY topic_id
            ) q
            JOIN articles_article a ON a.search_vector @@ q.query
            """
        )
        cursor.execute("CREATE INDEX ON wanted (article_id, topic_id)")
        cursor.execute("ANALYZE wanted")
        cursor.execute("CREATE TEMP TABLE changes (article_id bigint, topic_id bigint, added bool) ON COMMIT DROP")
        cursor.execute(
            """
            WITH removed AS (
                DELETE FROM articles_article_topics t
                WHERE t.by_rule
                  AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.article_id = t.article_id AND w.topic_id = t.topic_id)
                RETURNING article_id, topic_id
            )
            INSERT INTO changes SELECT article_id, topic_id, false FROM removed
            """
        )
        cursor.execute(
            """
            WITH added AS (
                INSERT INTO articles_article_topics (article_id, topic_id, by_rule)
                SELECT article_id, topic_id, true FROM wanted
                ON CONFLICT DO NOTHING
                RETURNING article_id, topic_id
            )
            INSERT INTO changes SELECT article_id, topic_id, true FROM added
            """
        )
        cursor.execute(
            """
            SELECT t.name, count(*) FILTER (WHERE c.added), count(*) FILTER (WHERE NOT c.added)
            FROM changes c JOIN articles_topic t ON t.id = c.topic_id
            GROUP BY t.name ORDER BY t.name
            """
        )
        per_topic = {name: (gained, lost) for name, gained, lost in cursor.fetchall()}
        cursor.execute("SELECT count(DISTINCT article_id) FROM changes")
        articles_changed = cursor.fetchone()[0]
    return RetagResult(
        added=sum(g for g, _ in per_topic.values()),
        removed=sum(lost for _, lost in per_topic.values()),
        articles_changed=articles_changed,
        per_topic=per_topic,
    )
