"""Wire copies (issue 14.3): Quote.repeated finds the repeats of the same words as written before folding any.

na_quotes_repeated_refresh() folded every quotation of the groups it refreshes (QUOTE_KEY_SQL: a regular
expression, then na_normalize()) to compare them. Most repeats are a copy's quotation written as its group's
head or an earlier copy wrote it: the same text folds to the same key, so those are found by comparing the
texts as they are. Only a copy's quotation without such a twin is folded, with the quotations it could repeat
(same group and speaker, in the head or an earlier copy), and compared as before. The flags are the same: a
quotation is repeated when an earlier article of its group carries the same folded words from the same
speaker; a twin as written is such a quotation, and every other candidate is folded and compared.

Backend CPU computing the flags for a 200-article batch of the ingest bench (8,957 quotations in the groups
touched), median of 5 alternating rounds: 204 -> 52 ms; the same flags for all 48,648 quotations.
"""

from django.db import migrations

KEY = "na_normalize(regexp_replace({}, '[^[:alnum:][:space:]]+', ' ', 'g'))"

HEAD = """
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
"""

SQL = (
    HEAD
    + f"""    written AS MATERIALIZED (
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
        SELECT k.id, k.article_id, k.copy_of_id, k.head, k.speaker, {KEY.format("k.text")} AS key
          FROM written k WHERE k.copy_of_id IS NOT NULL AND NOT EXISTS (SELECT FROM twins t WHERE t.id = k.id)),
    earlier AS MATERIALIZED (
        SELECT e.id, e.article_id, e.head, e.speaker, {KEY.format("e.text")} AS key
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
)

# 0034's body.
REVERSE_SQL = (
    HEAD
    + f"""    keyed AS MATERIALIZED (
        SELECT q.id, q.article_id, m.copy_of_id, coalesce(m.copy_of_id, m.id) AS head,
               coalesce(q.person_id, 0) AS speaker, {KEY.format("q.text")} AS key
          FROM articles_quote q JOIN members m ON m.id = q.article_id),
    -- A hash join on (group, words, speaker): a correlated look-up in the CTE was quadratic in a large batch.
    repeats AS (
        SELECT DISTINCT k.id FROM keyed k
          JOIN keyed e ON e.head = k.head AND e.key = k.key AND e.speaker = k.speaker
         WHERE k.copy_of_id IS NOT NULL AND (e.article_id = k.copy_of_id OR e.article_id < k.article_id)),
    flags AS (
        SELECT k.id, r.id IS NOT NULL AS repeated FROM keyed k LEFT JOIN repeats r ON r.id = k.id)
    UPDATE articles_quote q SET repeated = f.repeated
      FROM flags f WHERE q.id = f.id AND q.repeated <> f.repeated;
END $$;
"""
)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0038_repeated_refreshed_once_a_batch"),
    ]

    operations = [
        migrations.RunSQL(SQL, REVERSE_SQL),
    ]
