"""Topics by rules editors manage: a TopicRule keyword tags every article whose text contains
it, as a phrase, accents folded, in the singular or plural ("rent control" matches "Rent
controls", "ferries" matches "ferry"). Matching is SQL, so the same rule means the same thing at
ingest, in a preview count and in a million-article re-tag: the article's search document
(stemmed, article_search_gin) finds the candidates, and a regular expression of the keyword's
word forms over the text keeps only true ones, because the stemmer alone makes "housing" match
"White House" ("hous") and "police" match "policy" ("polic")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection, transaction

from articles.models import Topic, TopicRule, fold


def _text_sql(headline: str, body: str) -> str:
    """The text a rule's word forms are looked for in: headline and body, lower case, accents folded."""
    return f"lower(unaccent('unaccent'::regdictionary, {headline} || ' ' || {body}))"


_TEXT = _text_sql("a.headline", "a.body_text")  # of the article aliased `a`
# The rules as rows (topic_id, phrase, pattern), a row per spelling of the keyword (its own, and
# with one word's singular or plural: keyword_variants), so the stemmed pre-filter finds "buses"
# for "bus" although the stemmer makes them "buse" and "bus". The pattern is the same for all.
_RULES = (
    "(SELECT topic_id, keyword, pattern FROM unnest(%(topic_ids)s::bigint[], %(keywords)s::text[],"
    " %(patterns)s::text[]) AS r (topic_id, keyword, pattern)"
    " WHERE phraseto_tsquery('newsarchive', keyword)::text <> '')"
)


def keyword_words(keyword: str) -> list[str]:
    """The keyword's words, lower case, accents folded as the database folds the text."""
    return re.findall(r"\w+", fold(keyword))


def keyword_pattern(keyword: str) -> str:
    """A regular expression (PostgreSQL's) for the keyword's words in a row, each as written or in
    its singular or plural form: "rent controls" -> \\m(rent|rents)\\W+(control|controls)\\M."""
    return r"\m" + r"\W+".join("(" + "|".join(sorted(_forms(w))) + ")" for w in keyword_words(keyword)) + r"\M"


def keyword_variants(keyword: str) -> list[str]:
    """The keyword, and the keyword with one of its words in its other number ("bus stops":
    "buses stops", "bus stop"), for the stemmed pre-filter."""
    words = keyword_words(keyword)
    variants = {" ".join(words)}
    for at, word in enumerate(words):
        for form in _forms(word):
            variants.add(" ".join([*words[:at], form, *words[at + 1 :]]))
    return sorted(variants)


def _forms(word: str) -> set[str]:
    """The word and its singular when it looks like a plural, else its plural: regular English only
    ("crises" and "crisis" are two keywords; "buses" finds "buses" but not "bus", which finds both).
    Short words keep their s ("news" is not "new")."""
    if word.endswith("ies") and len(word) > 4:
        return {word, word[:-3] + "y"}  # ferries -> ferry
    if word.endswith(("sses", "xes", "ches", "shes")) and len(word) > 4:
        return {word, word[:-2]}  # classes -> class, taxes -> tax, matches -> match
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 4:
        return {word, word[:-1]}  # controls -> control, houses -> house, cases -> case
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        return {word, word[:-1] + "ies"}  # ferry -> ferries
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return {word, word + "es"}  # bus -> buses, tax -> taxes
    return {word, word + "s"}  # control -> controls


def _rule_params(rules: list[tuple[int, str]]) -> dict:
    rows = [
        (topic_id, variant, keyword_pattern(keyword))
        for topic_id, keyword in rules
        for variant in keyword_variants(keyword)
    ]
    return {
        "topic_ids": [topic_id for topic_id, _, _ in rows],
        "keywords": [variant for _, variant, _ in rows],
        "patterns": [pattern for _, _, pattern in rows],
    }


def _all_rules() -> dict:
    return _rule_params(list(TopicRule.objects.values_list("topic_id", "keyword")))


def topics_for_text(headline: str, people_quotes: str, body_text: str) -> list[Topic]:
    """Topics whose rules match this text (for an article not yet stored, or a dry run)."""
    text = _text_sql("%(headline)s", "%(body)s")
    return list(
        Topic.objects.raw(
            f"""
            SELECT DISTINCT t.* FROM articles_topic t
            JOIN {_RULES} r ON r.topic_id = t.id
            WHERE na_search_document(%(headline)s, %(people_quotes)s, %(body)s)
                  @@ phraseto_tsquery('newsarchive', r.keyword)
              AND {text} ~ r.pattern
            ORDER BY t.name
            """,
            {**_all_rules(), "headline": headline, "people_quotes": people_quotes, "body": body_text},
        )
    )


def tag_articles(article_ids: list[int]) -> int:
    """Bring these articles' rule-made topics up to date with the rules (an updated article can
    lose one); links staff or an input gave (by_rule false) are left alone. Returns the rows added."""
    params = {**_all_rules(), "ids": list(article_ids)}
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            DELETE FROM articles_article_topics t
            USING articles_article a
            WHERE a.id = t.article_id AND t.article_id = ANY(%(ids)s) AND t.by_rule
              AND NOT EXISTS (SELECT 1 FROM {_RULES} r WHERE r.topic_id = t.topic_id
                              AND a.search_vector @@ phraseto_tsquery('newsarchive', r.keyword)
                              AND {_TEXT} ~ r.pattern)
            """,
            params,
        )
        # Articles first matched against all keywords at once, then the few candidates rule by rule:
        # joined to the rules directly, PostgreSQL tried each article's regex (over its whole text)
        # and tsquery against every rule, 12 s for 500 articles in a 1M-article archive (0.6 s now).
        cursor.execute(
            f"""
            WITH r AS MATERIALIZED (
                SELECT topic_id, phraseto_tsquery('newsarchive', keyword) AS query, pattern FROM {_RULES} r0
            ),
            candidates AS MATERIALIZED (
                SELECT a.id, a.search_vector, {_TEXT} AS text FROM articles_article a
                WHERE a.id = ANY(%(ids)s)
                  AND a.search_vector @@ (SELECT string_agg(query::text, ' | ')::tsquery FROM r)
            )
            INSERT INTO articles_article_topics (article_id, topic_id, by_rule)
            SELECT DISTINCT c.id, r.topic_id, true
            FROM candidates c JOIN r ON c.search_vector @@ r.query
            WHERE c.text ~ r.pattern
            ON CONFLICT DO NOTHING
            """,
            params,
        )
        return cursor.rowcount


def count_matches(keywords: list[str]) -> int:
    """How many articles any of these keywords would tag (the admin's preview)."""
    if not keywords:
        return 0
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT count(*) FROM articles_article a
            WHERE a.search_vector @@ (
                SELECT string_agg(phraseto_tsquery('newsarchive', k)::text, ' | ')::tsquery
                FROM unnest(%(keywords)s::text[]) AS k WHERE phraseto_tsquery('newsarchive', k)::text <> ''
            )
            AND EXISTS (SELECT 1 FROM {_RULES} r WHERE a.search_vector @@ phraseto_tsquery('newsarchive', r.keyword)
                        AND {_TEXT} ~ r.pattern)
            """,
            _rule_params([(0, keyword) for keyword in keywords]),
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
        # Inside an outer transaction the last run's tables (ON COMMIT DROP) are still there.
        cursor.execute("DROP TABLE IF EXISTS pg_temp.wanted, pg_temp.changes")
        # One tsquery per topic (its keywords OR-ed), so each topic scans the GIN index once; the
        # candidates' text is then tested against that topic's rules' word forms.
        cursor.execute(
            f"""
            CREATE TEMP TABLE wanted ON COMMIT DROP AS
            SELECT a.id AS article_id, q.topic_id
            FROM (
                SELECT topic_id, string_agg(phraseto_tsquery('newsarchive', keyword)::text, ' | ')::tsquery AS query
                FROM {_RULES} r0
                GROUP BY topic_id
            ) q
            JOIN articles_article a ON a.search_vector @@ q.query
            CROSS JOIN LATERAL (SELECT {_TEXT} AS text) x
            WHERE EXISTS (SELECT 1 FROM {_RULES} r WHERE r.topic_id = q.topic_id
                          AND a.search_vector @@ phraseto_tsquery('newsarchive', r.keyword) AND x.text ~ r.pattern)
            """,
            _all_rules(),
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
        # Fresh statistics for the planner: after retag added 609k links to a table it had none on, the
        # article page's related-articles query was estimated ~577k times too costly (issue 15).
        cursor.execute("ANALYZE articles_article_topics")
    return RetagResult(
        added=sum(g for g, _ in per_topic.values()),
        removed=sum(lost for _, lost in per_topic.values()),
        articles_changed=articles_changed,
        per_topic=per_topic,
    )
