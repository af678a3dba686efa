"""Wire copies (issue 14.3): Quote.repeated and Mention.repeated stay right when two transactions write one story.

A flag depends on the other articles of the story's group (an earlier one carrying the same words, or naming
the same person). Two ingests storing copies of one story at once each refreshed the group's flags seeing only
their own new rows, not the other's, uncommitted: the later copy's quotation stayed "not repeated" although the
earlier copy carries it, and it counted twice (tests/test_concurrent_ingest.py). Each refresh now first takes
one transaction-level advisory lock, held to its commit: a refresh waits for the other's commit and then, its
statement's snapshot taken after the wait, sees the other's rows and computes the whole group again. One lock
for every group, not one a group's head: a head moves when an earlier copy takes its place (another transaction
may be moving it), two transactions would lock different keys for one story, and a batch touches ~200 groups
(~200 entries in the server's shared lock table each). What it serialises is a batch's last statements (the
refresh, topics, the commit), and only between writers of the archive at the same moment.

The flags' UPDATE names the rows to change by id (ANY(ARRAY(…)): the primary key's index), instead of joining
the computed flags to the table: as a generic plan (plan_cache_mode) the join read the whole quotation table
for every batch (a hash of its 48,648 rows on the ingest bench; millions in an archive of a million articles).
The flags themselves are computed as in 0039 (quotations) and 0036 (mentions).
"""

from django.db import migrations

# The first key of the lock (the second is 0); collect.py's host locks use 15_001.
LOCK = "    PERFORM pg_advisory_xact_lock(15002, 0);\n"

QUOTES = r"""
CREATE OR REPLACE FUNCTION na_quotes_repeated_refresh(article_ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
{lock}    WITH heads AS (
        SELECT DISTINCT coalesce(a.copy_of_id, a.id) AS head FROM articles_article a WHERE a.id = ANY(article_ids)),
    members AS (
        SELECT a.id, a.copy_of_id FROM articles_article a JOIN heads ON a.id = heads.head
        UNION
        SELECT a.id, a.copy_of_id FROM articles_article a JOIN heads ON a.copy_of_id = heads.head
        UNION  -- an article that has just left a group: its quotations are no repeats any more
        SELECT a.id, a.copy_of_id FROM articles_article a WHERE a.id = ANY(article_ids)),
    written AS MATERIALIZED (
        SELECT q.id, q.article_id, m.copy_of_id, coalesce(m.copy_of_id, m.id) AS head,
               coalesce(q.person_id, 0) AS speaker, q.text, q.repeated
          FROM articles_quote q JOIN members m ON m.id = q.article_id),
    -- A copy's quotation with a twin as written in its head or an earlier copy (hash joins on the group).
    twins AS MATERIALIZED (
        SELECT DISTINCT k.id FROM written k
          JOIN written e ON e.head = k.head AND e.speaker = k.speaker AND e.text = k.text
         WHERE k.copy_of_id IS NOT NULL AND (e.article_id = k.copy_of_id OR e.article_id < k.article_id)),
    -- The other copies' quotations, folded, and the quotations each could repeat, folded.
    open AS MATERIALIZED (
        SELECT k.id, k.article_id, k.copy_of_id, k.head, k.speaker,
               na_normalize(regexp_replace(k.text, '[^[:alnum:][:space:]]+', ' ', 'g')) AS key
          FROM written k WHERE k.copy_of_id IS NOT NULL AND NOT EXISTS (SELECT FROM twins t WHERE t.id = k.id)),
    earlier AS MATERIALIZED (
        SELECT e.id, e.article_id, e.head, e.speaker,
               na_normalize(regexp_replace(e.text, '[^[:alnum:][:space:]]+', ' ', 'g')) AS key
          FROM written e WHERE EXISTS (
              SELECT FROM open k WHERE k.head = e.head AND k.speaker = e.speaker
                 AND (e.article_id = k.copy_of_id OR e.article_id < k.article_id))),
    folded AS (
        SELECT DISTINCT k.id FROM open k
          JOIN earlier e ON e.head = k.head AND e.speaker = k.speaker AND e.key = k.key
         WHERE e.article_id = k.copy_of_id OR e.article_id < k.article_id),
    changed AS MATERIALIZED (  -- joins, not EXISTS on a CTE, which is scanned again for each row
        SELECT w.id, t.id IS NOT NULL OR f.id IS NOT NULL AS repeated
          FROM written w LEFT JOIN twins t ON t.id = w.id LEFT JOIN folded f ON f.id = w.id
         WHERE w.repeated <> (t.id IS NOT NULL OR f.id IS NOT NULL))
    UPDATE articles_quote q SET repeated = c.repeated
      FROM changed c WHERE q.id = c.id AND q.id = ANY(ARRAY(SELECT id FROM changed));
END $$;
"""

MENTIONS = r"""
CREATE OR REPLACE FUNCTION na_mentions_repeated_refresh(article_ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
{lock}    WITH heads AS (
        SELECT DISTINCT coalesce(a.copy_of_id, a.id) AS head FROM articles_article a WHERE a.id = ANY(article_ids)),
    members AS (
        SELECT a.id, a.copy_of_id FROM articles_article a JOIN heads ON a.id = heads.head
        UNION
        SELECT a.id, a.copy_of_id FROM articles_article a JOIN heads ON a.copy_of_id = heads.head
        UNION  -- an article that has just left a group: its mentions are no repeats any more
        SELECT a.id, a.copy_of_id FROM articles_article a WHERE a.id = ANY(article_ids)),
    keyed AS MATERIALIZED (
        SELECT m.id, m.article_id, g.copy_of_id, coalesce(g.copy_of_id, g.id) AS head, m.person_id, m.repeated
          FROM articles_mention m JOIN members g ON g.id = m.article_id),
    repeats AS (
        SELECT DISTINCT k.id FROM keyed k
          JOIN keyed e ON e.head = k.head AND e.person_id = k.person_id
         WHERE k.copy_of_id IS NOT NULL AND (e.article_id = k.copy_of_id OR e.article_id < k.article_id)),
    changed AS MATERIALIZED (
        SELECT k.id, r.id IS NOT NULL AS repeated FROM keyed k LEFT JOIN repeats r ON r.id = k.id
         WHERE k.repeated <> (r.id IS NOT NULL))
    UPDATE articles_mention m SET repeated = c.repeated
      FROM changed c WHERE m.id = c.id AND m.id = ANY(ARRAY(SELECT id FROM changed));
END $$;
"""

# 0039's quotations and 0036's mentions: the flags joined to the table, no lock.
REVERSE_QUOTES = r"""
CREATE OR REPLACE FUNCTION na_quotes_repeated_refresh(article_ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    WITH heads AS (
        SELECT DISTINCT coalesce(a.copy_of_id, a.id) AS head FROM articles_article a WHERE a.id = ANY(article_ids)),
    members AS (
        SELECT a.id, a.copy_of_id FROM articles_article a JOIN heads ON a.id = heads.head
        UNION
        SELECT a.id, a.copy_of_id FROM articles_article a JOIN heads ON a.copy_of_id = heads.head
        UNION  -- an article that has just left a group: its quotations are no repeats any more
        SELECT a.id, a.copy_of_id FROM articles_article a WHERE a.id = ANY(article_ids)),
    written AS MATERIALIZED (
        SELECT q.id, q.article_id, m.copy_of_id, coalesce(m.copy_of_id, m.id) AS head,
               coalesce(q.person_id, 0) AS speaker, q.text
          FROM articles_quote q JOIN members m ON m.id = q.article_id),
    -- A copy's quotation with a twin as written in its head or an earlier copy (hash joins on the group).
    twins AS MATERIALIZED (
        SELECT DISTINCT k.id FROM written k
          JOIN written e ON e.head = k.head AND e.speaker = k.speaker AND e.text = k.text
         WHERE k.copy_of_id IS NOT NULL AND (e.article_id = k.copy_of_id OR e.article_id < k.article_id)),
    -- The other copies' quotations, folded, and the quotations each could repeat, folded.
    open AS MATERIALIZED (
        SELECT k.id, k.article_id, k.copy_of_id, k.head, k.speaker,
               na_normalize(regexp_replace(k.text, '[^[:alnum:][:space:]]+', ' ', 'g')) AS key
          FROM written k WHERE k.copy_of_id IS NOT NULL AND NOT EXISTS (SELECT FROM twins t WHERE t.id = k.id)),
    earlier AS MATERIALIZED (
        SELECT e.id, e.article_id, e.head, e.speaker,
               na_normalize(regexp_replace(e.text, '[^[:alnum:][:space:]]+', ' ', 'g')) AS key
          FROM written e WHERE EXISTS (
              SELECT FROM open k WHERE k.head = e.head AND k.speaker = e.speaker
                 AND (e.article_id = k.copy_of_id OR e.article_id < k.article_id))),
    folded AS (
        SELECT DISTINCT k.id FROM open k
          JOIN earlier e ON e.head = k.head AND e.speaker = k.speaker AND e.key = k.key
         WHERE e.article_id = k.copy_of_id OR e.article_id < k.article_id),
    flags AS (  -- joins, not EXISTS on a CTE, which is scanned again for each row
        SELECT w.id, t.id IS NOT NULL OR f.id IS NOT NULL AS repeated
          FROM written w LEFT JOIN twins t ON t.id = w.id LEFT JOIN folded f ON f.id = w.id)
    UPDATE articles_quote q SET repeated = f.repeated
      FROM flags f WHERE q.id = f.id AND q.repeated <> f.repeated;
END $$;
"""

REVERSE_MENTIONS = r"""
CREATE OR REPLACE FUNCTION na_mentions_repeated_refresh(article_ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    WITH heads AS (
        SELECT DISTINCT coalesce(a.copy_of_id, a.id) AS head FROM articles_article a WHERE a.id = ANY(article_ids)),
    members AS (
        SELECT a.id, a.copy_of_id FROM articles_article a JOIN heads ON a.id = heads.head
        UNION
        SELECT a.id, a.copy_of_id FROM articles_article a JOIN heads ON a.copy_of_id = heads.head
        UNION  -- an article that has just left a group: its mentions are no repeats any more
        SELECT a.id, a.copy_of_id FROM articles_article a WHERE a.id = ANY(article_ids)),
    keyed AS MATERIALIZED (
        SELECT m.id, m.article_id, g.copy_of_id, coalesce(g.copy_of_id, g.id) AS head, m.person_id
          FROM articles_mention m JOIN members g ON g.id = m.article_id),
    repeats AS (
        SELECT DISTINCT k.id FROM keyed k
          JOIN keyed e ON e.head = k.head AND e.person_id = k.person_id
         WHERE k.copy_of_id IS NOT NULL AND (e.article_id = k.copy_of_id OR e.article_id < k.article_id)),
    flags AS (
        SELECT k.id, r.id IS NOT NULL AS repeated FROM keyed k LEFT JOIN repeats r ON r.id = k.id)
    UPDATE articles_mention m SET repeated = f.repeated
      FROM flags f WHERE m.id = f.id AND m.repeated <> f.repeated;
END $$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0039_repeated_by_words_as_written_first"),
    ]

    operations = [
        migrations.RunSQL(QUOTES.format(lock=LOCK) + MENTIONS.format(lock=LOCK), REVERSE_QUOTES + REVERSE_MENTIONS),
    ]
