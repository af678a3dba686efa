"""Wire copies (issue 14.3): Quote.repeated, kept by the database, replaces na_quote_repeated() (0032).

Called for each quotation in a copy, the function cost ~0.1-0.4 ms a call (the group's quotations' keys
computed again each time): 5-7 s to count a person's 20,000 quotations half of which were in copies, and up to
a few hundred ms for a page of quotation search. The flag is computed when a group or its quotations change,
a group at a time, and a person's quotations are counted from their rows alone.

A quotation is `repeated` when its article is a copy and its group's head, or a copy of the group with a lower
id, carries the same words (quote_key: quotation marks, case, accents and punctuation folded) from the same
speaker (or from none). na_quotes_repeated_refresh(article_ids) computes the flags of every quotation in the
groups of those articles. It runs from
- a row trigger on Article when copy_of_id changes (grouping at ingest, a takeover, staff splitting or joining,
  a head deleted: migration 0031), for the article, its old group and its new one;
- statement triggers on Quote (insert, delete, and updates of text, speaker or article), for the articles
  of the rows that are in a group (a quotation of an article in no group is never repeated).
Also article_copy_idx: whether an article is a copy, as an index-only probe (people_named_with).
"""

from django.db import migrations, models

KEY = "na_normalize(regexp_replace({}, '[^[:alnum:][:space:]]+', ' ', 'g'))"

SQL = f"""
DROP FUNCTION na_quote_repeated(bigint, bigint, text);

-- PL/pgSQL rather than SQL: its statement's plan is kept between calls (a SQL function's is made again at
-- each call, ~3 ms of this one's 4.5 when a row trigger refreshes a group at a time).
CREATE FUNCTION na_quotes_repeated_refresh(article_ids bigint[]) RETURNS void
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
    keyed AS MATERIALIZED (
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

CREATE FUNCTION na_quotes_regrouped() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM na_quotes_repeated_refresh(ARRAY[NEW.id, OLD.copy_of_id, NEW.copy_of_id]);
    RETURN NULL;
END $$;

CREATE TRIGGER article_quotes_regrouped AFTER UPDATE OF copy_of_id ON articles_article
    FOR EACH ROW WHEN (OLD.copy_of_id IS DISTINCT FROM NEW.copy_of_id) EXECUTE FUNCTION na_quotes_regrouped();

-- Quotations written: their groups again, for the articles in one (a copy, or a head with copies).
CREATE FUNCTION na_quotes_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    touched bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT article_id) INTO touched FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT article_id) INTO touched FROM old_rows;
    ELSE  -- only the words, the speaker or the article count (not the flag this function writes)
        SELECT array_agg(DISTINCT x) INTO touched
          FROM old_rows o JOIN new_rows n ON n.id = o.id, unnest(ARRAY[o.article_id, n.article_id]) x
         WHERE (o.text, o.person_id, o.article_id) IS DISTINCT FROM (n.text, n.person_id, n.article_id);
    END IF;
    SELECT array_agg(a.id) INTO touched FROM articles_article a
     WHERE a.id = ANY(touched)
       AND (a.copy_of_id IS NOT NULL OR EXISTS (SELECT FROM articles_article c WHERE c.copy_of_id = a.id));
    IF touched IS NOT NULL THEN
        PERFORM na_quotes_repeated_refresh(touched);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER quote_repeated_insert AFTER INSERT ON articles_quote
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION na_quotes_changed();
CREATE TRIGGER quote_repeated_update AFTER UPDATE ON articles_quote
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION na_quotes_changed();
CREATE TRIGGER quote_repeated_delete AFTER DELETE ON articles_quote
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION na_quotes_changed();

SELECT na_quotes_repeated_refresh(ARRAY(SELECT id FROM articles_article WHERE copy_of_id IS NOT NULL));
"""

REVERSE_SQL = f"""
DROP TRIGGER quote_repeated_delete ON articles_quote;
DROP TRIGGER quote_repeated_update ON articles_quote;
DROP TRIGGER quote_repeated_insert ON articles_quote;
DROP TRIGGER article_quotes_regrouped ON articles_article;
DROP FUNCTION na_quotes_changed();
DROP FUNCTION na_quotes_regrouped();
DROP FUNCTION na_quotes_repeated_refresh(bigint[]);
CREATE FUNCTION na_quote_repeated(quote_article bigint, speaker bigint, words text) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT EXISTS (
        SELECT FROM articles_article a
          JOIN articles_article m ON m.id = a.copy_of_id OR (m.copy_of_id = a.copy_of_id AND m.id < a.id)
          JOIN articles_quote h ON h.article_id = m.id
         WHERE a.id = quote_article AND a.copy_of_id IS NOT NULL
           AND h.person_id IS NOT DISTINCT FROM speaker
           AND {KEY.format("h.text")} = {KEY.format("words")})
$$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0033_person_month_stories"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(condition=models.Q(("copy_of__isnull", False)), fields=["id"], name="article_copy_idx"),
        ),
        migrations.AddField(
            model_name="quote",
            name="repeated",
            field=models.BooleanField(
                db_default=False,
                default=False,
                editable=False,
                help_text="In a wire copy whose group already carries these words from this speaker (kept by the "
                "database): listed and counted once, in the group's first article.",
            ),
        ),
        migrations.RunSQL(SQL, REVERSE_SQL),
    ]
