"""Quote.repeated and Mention.repeated refreshed by window functions over the groups' rows, not self-joins.

The flags are 0040's (the rule of 0039 and 0036) for the same rows; what changes is how they are computed.
The two functions run once for each ingest batch (400 articles on the ingest bench: ~1,300 group members,
~16,500 quotations, ~6,900 mentions), and their computation was most of what wire copies add to storing a batch:

- A quotation's twin as written was found by a self-join of the groups' rows on (head, speaker, words),
  merge-joined after two sorts on the words in the database's collation (ICU: every comparison of two texts
  a call into ICU), and every pair of rows sharing words came out of it (~35,000 pairs for ~12,500 twins).
  "Another row of my (head, speaker, words) is in the head, or in an article with a smaller id" is a question
  on that partition alone: bool_or(article_id = head) and min(article_id) over it. One sort, the words
  compared byte by byte (COLLATE "C"): equality in the database's collation compares bytes too (a database's
  default collation is deterministic), so the partitions are the join's groups of equal words.
- The quotations that a copy's "open" quotation (one without a twin as written) could repeat with the words
  folded were found by a semi-join of all the groups' rows with the few open ones, which the planner, misled
  by its estimates, did by sorting both. Over (head, speaker), a prefix of the same sort, a row is a candidate when
  it is the head's or comes before the last open row of its partition; only those rows' words are read
  again and folded, and a second pair of window aggregates over (head, speaker, folded words) decides.
- The groups' rows were read by joining the members to the quotation (mention) table, a join the planner may
  do by reading the whole (article_id, position) index (a merge join of 48,648 entries for 1,333 members seen
  on the bench; at a million articles, millions): they are now looked up member by member in a LATERAL
  subquery that no estimate can turn into a join, so the cost follows the groups, not the table.
- The flags are not joined back to the rows: each row carries its flag, and only those that differ from the
  stored flag are updated, by id, as in 0040.

Backend CPU for the last batch of a 4,000-article bench archive, the state refreshed as it is (so nothing to
update), private cluster, best of 8 alternating rounds: quotations 53 -> 33 ms, mentions 14 -> 10 ms; with
~300,000 more quotations in the table, 34 ms and 10 ms. Rows whose flag does change (~1,200 quotations and
~500 mentions a bench batch, most of them in an old head a takeover made a copy) cost their UPDATE as before
(~35 us a quotation: `repeated` is in an index, so no update is HOT and every index of the row takes a new
entry).

The advisory lock is 0040's, taken first, as there.
"""

from django.db import migrations

# 0040's: the first key of the lock (the second is 0); collect.py's host locks use 15_001.
LOCK = "    PERFORM pg_advisory_xact_lock(15002, 0);\n"

# The groups of the articles named (their heads' members), and the articles named themselves: the rows whose flags
# are computed again (`rows`: what the comment calls them).
MEMBERS = """{lock}    WITH heads AS (
        SELECT DISTINCT coalesce(a.copy_of_id, a.id) AS head FROM articles_article a WHERE a.id = ANY(article_ids)),
    members AS (
        SELECT a.id, a.copy_of_id FROM articles_article a JOIN heads ON a.id = heads.head
        UNION
        SELECT a.id, a.copy_of_id FROM articles_article a JOIN heads ON a.copy_of_id = heads.head
        UNION  -- an article that has just left a group: its {rows} are no repeats any more
        SELECT a.id, a.copy_of_id FROM articles_article a WHERE a.id = ANY(article_ids)),"""

QUOTES = r"""
CREATE OR REPLACE FUNCTION na_quotes_repeated_refresh(article_ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
{members}
    -- The members' quotations, looked up member by member (OFFSET 0 keeps the lateral subquery a subquery,
    -- so no estimate can turn it into a join reading the whole table's index).
    written AS (
        SELECT q.id, q.article_id, m.copy_of_id, coalesce(m.copy_of_id, m.id) AS head,
               coalesce(q.person_id, 0) AS speaker, q.text, q.repeated
          FROM members m CROSS JOIN LATERAL (
              SELECT q.id, q.article_id, q.person_id, q.text, q.repeated FROM articles_quote q
               WHERE q.article_id = m.id OFFSET 0) q),
    -- A copy's quotation has a twin as written when another row of its (head, speaker, words) is in the
    -- head (the copy's copy_of) or in an article with a smaller id: a row of the same article is neither.
    -- The words compared byte by byte, as equality in the database's (deterministic) collation compares.
    twinned AS (
        SELECT w.id, w.article_id, w.copy_of_id, w.head, w.speaker, w.text, w.repeated,
               w.copy_of_id IS NOT NULL
               AND (bool_or(w.article_id = w.head) OVER same OR min(w.article_id) OVER same < w.article_id) AS twin
          FROM written w
        WINDOW same AS (PARTITION BY w.head, w.speaker, w.text COLLATE "C")),
    -- The other copies' quotations are "open": they may repeat a quotation of their speaker with the words
    -- folded, one in the head or in an article before theirs, so before the last open one of the speaker.
    -- Without the words: they are read again for the few rows folded.
    marked AS MATERIALIZED (
        SELECT t.id, t.article_id, t.head, t.speaker, t.repeated, t.twin,
               t.copy_of_id IS NOT NULL AND NOT t.twin AS open,
               max(t.article_id) FILTER (WHERE t.copy_of_id IS NOT NULL AND NOT t.twin) OVER speaker AS last_open
          FROM twinned t
        WINDOW speaker AS (PARTITION BY t.head, t.speaker)),
    -- Only those rows are folded (na_normalize costs): the open ones and the ones they could repeat.
    folding AS (
        SELECT m.id, m.article_id, m.head, m.speaker, m.repeated, m.open,
               na_normalize(regexp_replace(q.text, '[^[:alnum:][:space:]]+', ' ', 'g')) AS key
          FROM marked m CROSS JOIN LATERAL (SELECT q.text FROM articles_quote q WHERE q.id = m.id OFFSET 0) q
         WHERE m.open OR (m.article_id = m.head AND m.last_open IS NOT NULL) OR m.article_id < m.last_open),
    -- An open quotation repeats when another of its (head, speaker, folded words) is in the head or in an
    -- article with a smaller id, as for the twins; every row it could repeat so is among those folded.
    folded AS (
        SELECT f.id, f.repeated,
               bool_or(f.article_id = f.head) OVER same OR min(f.article_id) OVER same < f.article_id AS repeats,
               f.open
          FROM folding f
        WINDOW same AS (PARTITION BY f.head, f.speaker, f.key COLLATE "C")),
    changed AS MATERIALIZED (
        SELECT m.id, m.twin AS repeated FROM marked m WHERE NOT m.open AND m.repeated <> m.twin
        UNION ALL
        SELECT f.id, f.repeats FROM folded f WHERE f.open AND f.repeated <> f.repeats)
    UPDATE articles_quote q SET repeated = c.repeated
      FROM changed c WHERE q.id = c.id AND q.id = ANY(ARRAY(SELECT id FROM changed));
END $$;
"""

MENTIONS = r"""
CREATE OR REPLACE FUNCTION na_mentions_repeated_refresh(article_ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
{members}
    keyed AS (  -- looked up member by member, as the quotations are
        SELECT m.id, m.article_id, g.copy_of_id, coalesce(g.copy_of_id, g.id) AS head, m.person_id, m.repeated
          FROM members g CROSS JOIN LATERAL (
              SELECT m.id, m.article_id, m.person_id, m.repeated FROM articles_mention m
               WHERE m.article_id = g.id OFFSET 0) m),
    -- A copy's mention repeats when the head names the person, or an article with a smaller id does.
    flagged AS (
        SELECT k.id, k.repeated,
               k.copy_of_id IS NOT NULL
               AND (bool_or(k.article_id = k.head) OVER same OR min(k.article_id) OVER same < k.article_id) AS repeats
          FROM keyed k
        WINDOW same AS (PARTITION BY k.head, k.person_id)),
    changed AS MATERIALIZED (
        SELECT f.id, f.repeats AS repeated FROM flagged f WHERE f.repeated <> f.repeats)
    UPDATE articles_mention m SET repeated = c.repeated
      FROM changed c WHERE m.id = c.id AND m.id = ANY(ARRAY(SELECT id FROM changed));
END $$;
"""

# 0040's, the lock taken first as there.
REVERSE_QUOTES = r"""
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

REVERSE_MENTIONS = r"""
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


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0046_autovacuum_sooner_on_large_tables"),
    ]

    operations = [
        migrations.RunSQL(
            QUOTES.format(members=MEMBERS.format(lock=LOCK, rows="quotations"))
            + MENTIONS.format(members=MEMBERS.format(lock=LOCK, rows="mentions")),
            REVERSE_QUOTES.format(lock=LOCK) + REVERSE_MENTIONS.format(lock=LOCK),
        ),
    ]
