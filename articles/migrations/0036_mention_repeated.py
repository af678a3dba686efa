"""Wire copies (issue 14.3): Mention.repeated, kept by the database as Quote.repeated is (0034, 0035).

A person named only in a wire copy (a paragraph the copy's outlet added) was in no list of theirs: their page's
articles, their chart (PersonMonth, 0033), the people named with them and /articles/?person= kept a group's head
only. A copy's mention is now `repeated` when its group's head, or a copy of the group with a lower id, names
the same person (the order of Quote.repeated); a person's lists and counts leave out the repeated mentions, so
a story counts once, in the first of its articles that names them.

na_mentions_repeated_refresh(article_ids) computes the flags of every mention in the groups of those articles.
It runs from
- 0035's statement trigger on Article when copy_of changes (grouping at ingest, a takeover, staff splitting or
  joining, a head deleted: 0031): na_quotes_regrouped() now refreshes the mentions of the same groups too;
- statement triggers on Mention (insert, delete, and updates of person or article), for the articles of the rows
  that are in a group. Named mention_repeated_*, they fire after mention_month_* (triggers of an event fire in
  name order), so a new row is counted before its flag is set and a deleted one uncounted before its group's
  flags move: each change of a flag is an UPDATE the chart's trigger sees.
PersonMonth counts a (person, article) when the mention is not repeated, instead of when the article is no copy:
na_person_month_mentions() also moves the counts of rows whose flag changed, na_person_month_apply() no longer
tests copy_of (its callers pass the unrepeated rows), and an article's date moves its unrepeated mentions only.

The flags are set in one UPDATE of the copies' mentions (article_copy_idx), each tested by probes of
mention_article_person_unique for the head and for the group's earlier copies (article_copy_of_idx), never by a
walk of the person's mentions (hundreds of thousands for the most named); the search text and chart triggers are
held off for it (the flag changes neither the text, and the chart is rebuilt once after).
"""

from django.db import migrations, models

SQL = r"""
CREATE FUNCTION na_mentions_repeated_refresh(article_ids bigint[]) RETURNS void
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

CREATE OR REPLACE FUNCTION na_quotes_regrouped() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    touched bigint[];
BEGIN
    -- Each moved article, the group it left and the group it joined (a head's id stands for its group).
    SELECT array_agg(DISTINCT x) INTO touched
      FROM old_rows o JOIN new_rows n ON n.id = o.id, unnest(ARRAY[n.id, o.copy_of_id, n.copy_of_id]) x
     WHERE o.copy_of_id IS DISTINCT FROM n.copy_of_id AND x IS NOT NULL;
    IF touched IS NOT NULL THEN
        PERFORM na_quotes_repeated_refresh(touched);
        PERFORM na_mentions_repeated_refresh(touched);
    END IF;
    RETURN NULL;
END $$;

-- Mentions written: their groups again, for the articles in one (a copy, or a head with copies).
CREATE FUNCTION na_mentions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    touched bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT article_id) INTO touched FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT article_id) INTO touched FROM old_rows;
    ELSE  -- only the person or the article count (not the flag this function writes, nor the count)
        SELECT array_agg(DISTINCT x) INTO touched
          FROM old_rows o JOIN new_rows n ON n.id = o.id, unnest(ARRAY[o.article_id, n.article_id]) x
         WHERE (o.person_id, o.article_id) IS DISTINCT FROM (n.person_id, n.article_id);
    END IF;
    SELECT array_agg(a.id) INTO touched FROM articles_article a
     WHERE a.id = ANY(touched)
       AND (a.copy_of_id IS NOT NULL OR EXISTS (SELECT FROM articles_article c WHERE c.copy_of_id = a.id));
    IF touched IS NOT NULL THEN
        PERFORM na_mentions_repeated_refresh(touched);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER mention_repeated_insert AFTER INSERT ON articles_mention
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION na_mentions_changed();
CREATE TRIGGER mention_repeated_update AFTER UPDATE ON articles_mention
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION na_mentions_changed();
CREATE TRIGGER mention_repeated_delete AFTER DELETE ON articles_mention
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION na_mentions_changed();

-- The chart: a (person, article) counts when its mention is not repeated; the callers pass those rows only.
CREATE OR REPLACE FUNCTION na_person_month_apply(person_ids bigint[], article_ids bigint[], sign integer) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO articles_personmonth AS pm (person_id, month, articles, year_only)
    SELECT m.person_id, date_trunc('month', a.published)::date,
           sign * count(*) FILTER (WHERE a.published_precision <> 'year'),
           sign * count(*) FILTER (WHERE a.published_precision = 'year')
      FROM unnest(person_ids, article_ids) AS m(person_id, article_id)
      JOIN articles_article a ON a.id = m.article_id
     WHERE a.published IS NOT NULL
     GROUP BY 1, 2
     ORDER BY 1, 2
    ON CONFLICT (person_id, month) DO UPDATE
       SET articles = pm.articles + EXCLUDED.articles, year_only = pm.year_only + EXCLUDED.year_only;
    DELETE FROM articles_personmonth
     WHERE sign < 0 AND person_id = ANY(person_ids) AND articles <= 0 AND year_only <= 0;
$$;

CREATE OR REPLACE FUNCTION na_person_month_rebuild() RETURNS void
LANGUAGE sql AS $$
    DELETE FROM articles_personmonth;
    INSERT INTO articles_personmonth (person_id, month, articles, year_only)
    SELECT m.person_id, date_trunc('month', a.published)::date,
           count(*) FILTER (WHERE a.published_precision <> 'year'),
           count(*) FILTER (WHERE a.published_precision = 'year')
      FROM articles_mention m JOIN articles_article a ON a.id = m.article_id
     WHERE a.published IS NOT NULL AND NOT m.repeated
     GROUP BY 1, 2;
$$;

CREATE OR REPLACE FUNCTION na_person_month_mentions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('newsarchive.person_month_deferred', true) = 'on' THEN RETURN NULL; END IF;
    IF TG_OP = 'UPDATE' THEN
        -- Only rows moved to another person or article, or whose flag changed, count (a changed count doesn't).
        PERFORM na_person_month_apply(array_agg(o.person_id ORDER BY o.person_id, o.article_id),
                                      array_agg(o.article_id ORDER BY o.person_id, o.article_id), -1)
           FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE (o.person_id, o.article_id, o.repeated) IS DISTINCT FROM (n.person_id, n.article_id, n.repeated)
            AND NOT o.repeated;
        PERFORM na_person_month_apply(array_agg(n.person_id ORDER BY n.person_id, n.article_id),
                                      array_agg(n.article_id ORDER BY n.person_id, n.article_id), 1)
           FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE (o.person_id, o.article_id, o.repeated) IS DISTINCT FROM (n.person_id, n.article_id, n.repeated)
            AND NOT n.repeated;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM na_person_month_apply(array_agg(person_id ORDER BY person_id, article_id),
                                      array_agg(article_id ORDER BY person_id, article_id), -1)
           FROM old_rows WHERE NOT repeated;
    ELSE
        PERFORM na_person_month_apply(array_agg(person_id ORDER BY person_id, article_id),
                                      array_agg(article_id ORDER BY person_id, article_id), 1)
           FROM new_rows WHERE NOT repeated;
    END IF;
    RETURN NULL;
END $$;

-- An article's date or precision changed: its unrepeated mentions' counts move (becoming a copy or a head moves
-- them through the flags, na_quotes_regrouped()).
CREATE OR REPLACE FUNCTION na_person_month_redated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.published IS NOT NULL THEN
        UPDATE articles_personmonth pm
           SET articles = pm.articles - (OLD.published_precision <> 'year')::int,
               year_only = pm.year_only - (OLD.published_precision = 'year')::int
          FROM articles_mention m
         WHERE m.article_id = NEW.id AND NOT m.repeated AND pm.person_id = m.person_id
           AND pm.month = date_trunc('month', OLD.published)::date;
        DELETE FROM articles_personmonth pm USING articles_mention m
         WHERE m.article_id = NEW.id AND pm.person_id = m.person_id AND pm.articles <= 0 AND pm.year_only <= 0;
    END IF;
    IF NEW.published IS NOT NULL THEN
        INSERT INTO articles_personmonth AS pm (person_id, month, articles, year_only)
        SELECT m.person_id, date_trunc('month', NEW.published)::date,
               (NEW.published_precision <> 'year')::int, (NEW.published_precision = 'year')::int
          FROM articles_mention m WHERE m.article_id = NEW.id AND NOT m.repeated ORDER BY 1
        ON CONFLICT (person_id, month) DO UPDATE
           SET articles = pm.articles + EXCLUDED.articles, year_only = pm.year_only + EXCLUDED.year_only;
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER article_month_redated ON articles_article;
CREATE TRIGGER article_month_redated AFTER UPDATE OF published, published_precision ON articles_article
    FOR EACH ROW WHEN (OLD.published IS DISTINCT FROM NEW.published
                       OR OLD.published_precision IS DISTINCT FROM NEW.published_precision)
    EXECUTE FUNCTION na_person_month_redated();

-- The flags of the mentions there are: copies only, one statement; neither the search text nor the chart
-- follows it row by row (the chart is rebuilt below).
SELECT set_config('newsarchive.search_text_written', 'on', true),
       set_config('newsarchive.person_month_deferred', 'on', true);
UPDATE articles_mention m SET repeated = true
  FROM articles_article c
 WHERE c.copy_of_id IS NOT NULL AND m.article_id = c.id
   AND (EXISTS (SELECT FROM articles_mention h WHERE h.article_id = c.copy_of_id AND h.person_id = m.person_id)
        -- "+ 0": the group's copies from article_copy_of_idx, not every copy of a lower id from article_copy_idx.
        OR EXISTS (SELECT FROM articles_article e JOIN articles_mention h ON h.article_id = e.id
                    WHERE e.copy_of_id = c.copy_of_id AND e.id + 0 < c.id AND h.person_id = m.person_id));
SELECT set_config('newsarchive.search_text_written', '', true),
       set_config('newsarchive.person_month_deferred', '', true);
SELECT na_person_month_rebuild();
ANALYZE articles_personmonth;
"""

# Back to 0033's chart functions and trigger and 0035's regrouping function; the column goes with the field.
REVERSE_SQL = r"""
DROP TRIGGER mention_repeated_delete ON articles_mention;
DROP TRIGGER mention_repeated_update ON articles_mention;
DROP TRIGGER mention_repeated_insert ON articles_mention;
DROP FUNCTION na_mentions_changed();

CREATE OR REPLACE FUNCTION na_quotes_regrouped() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    touched bigint[];
BEGIN
    SELECT array_agg(DISTINCT x) INTO touched
      FROM old_rows o JOIN new_rows n ON n.id = o.id, unnest(ARRAY[n.id, o.copy_of_id, n.copy_of_id]) x
     WHERE o.copy_of_id IS DISTINCT FROM n.copy_of_id AND x IS NOT NULL;
    IF touched IS NOT NULL THEN
        PERFORM na_quotes_repeated_refresh(touched);
    END IF;
    RETURN NULL;
END $$;
DROP FUNCTION na_mentions_repeated_refresh(bigint[]);

CREATE OR REPLACE FUNCTION na_person_month_apply(person_ids bigint[], article_ids bigint[], sign integer) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO articles_personmonth AS pm (person_id, month, articles, year_only)
    SELECT m.person_id, date_trunc('month', a.published)::date,
           sign * count(*) FILTER (WHERE a.published_precision <> 'year'),
           sign * count(*) FILTER (WHERE a.published_precision = 'year')
      FROM unnest(person_ids, article_ids) AS m(person_id, article_id)
      JOIN articles_article a ON a.id = m.article_id
     WHERE a.published IS NOT NULL AND a.copy_of_id IS NULL
     GROUP BY 1, 2
     ORDER BY 1, 2
    ON CONFLICT (person_id, month) DO UPDATE
       SET articles = pm.articles + EXCLUDED.articles, year_only = pm.year_only + EXCLUDED.year_only;
    DELETE FROM articles_personmonth
     WHERE sign < 0 AND person_id = ANY(person_ids) AND articles <= 0 AND year_only <= 0;
$$;

CREATE OR REPLACE FUNCTION na_person_month_rebuild() RETURNS void
LANGUAGE sql AS $$
    DELETE FROM articles_personmonth;
    INSERT INTO articles_personmonth (person_id, month, articles, year_only)
    SELECT m.person_id, date_trunc('month', a.published)::date,
           count(*) FILTER (WHERE a.published_precision <> 'year'),
           count(*) FILTER (WHERE a.published_precision = 'year')
      FROM articles_mention m JOIN articles_article a ON a.id = m.article_id
     WHERE a.published IS NOT NULL AND a.copy_of_id IS NULL
     GROUP BY 1, 2;
$$;

CREATE OR REPLACE FUNCTION na_person_month_mentions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('newsarchive.person_month_deferred', true) = 'on' THEN RETURN NULL; END IF;
    IF TG_OP = 'UPDATE' THEN
        PERFORM na_person_month_apply(array_agg(o.person_id ORDER BY o.person_id, o.article_id),
                                      array_agg(o.article_id ORDER BY o.person_id, o.article_id), -1)
           FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE (o.person_id, o.article_id) IS DISTINCT FROM (n.person_id, n.article_id);
        PERFORM na_person_month_apply(array_agg(n.person_id ORDER BY n.person_id, n.article_id),
                                      array_agg(n.article_id ORDER BY n.person_id, n.article_id), 1)
           FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE (o.person_id, o.article_id) IS DISTINCT FROM (n.person_id, n.article_id);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM na_person_month_apply(array_agg(person_id ORDER BY person_id, article_id),
                                      array_agg(article_id ORDER BY person_id, article_id), -1) FROM old_rows;
    ELSE
        PERFORM na_person_month_apply(array_agg(person_id ORDER BY person_id, article_id),
                                      array_agg(article_id ORDER BY person_id, article_id), 1) FROM new_rows;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION na_person_month_redated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.published IS NOT NULL AND OLD.copy_of_id IS NULL THEN
        UPDATE articles_personmonth pm
           SET articles = pm.articles - (OLD.published_precision <> 'year')::int,
               year_only = pm.year_only - (OLD.published_precision = 'year')::int
          FROM articles_mention m
         WHERE m.article_id = NEW.id AND pm.person_id = m.person_id
           AND pm.month = date_trunc('month', OLD.published)::date;
        DELETE FROM articles_personmonth pm USING articles_mention m
         WHERE m.article_id = NEW.id AND pm.person_id = m.person_id AND pm.articles <= 0 AND pm.year_only <= 0;
    END IF;
    IF NEW.published IS NOT NULL AND NEW.copy_of_id IS NULL THEN
        INSERT INTO articles_personmonth AS pm (person_id, month, articles, year_only)
        SELECT m.person_id, date_trunc('month', NEW.published)::date,
               (NEW.published_precision <> 'year')::int, (NEW.published_precision = 'year')::int
          FROM articles_mention m WHERE m.article_id = NEW.id ORDER BY 1
        ON CONFLICT (person_id, month) DO UPDATE
           SET articles = pm.articles + EXCLUDED.articles, year_only = pm.year_only + EXCLUDED.year_only;
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER article_month_redated ON articles_article;
CREATE TRIGGER article_month_redated AFTER UPDATE OF published, published_precision, copy_of_id ON articles_article
    FOR EACH ROW WHEN (OLD.published IS DISTINCT FROM NEW.published
                       OR OLD.published_precision IS DISTINCT FROM NEW.published_precision
                       OR (OLD.copy_of_id IS NULL) <> (NEW.copy_of_id IS NULL))
    EXECUTE FUNCTION na_person_month_redated();

SELECT na_person_month_rebuild();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0035_quotes_regrouped_per_statement"),
    ]

    operations = [
        migrations.AddField(
            model_name="mention",
            name="repeated",
            field=models.BooleanField(
                db_default=False,
                default=False,
                editable=False,
                help_text="In a wire copy whose group's first article, or an earlier copy, already names this person "
                "(kept by the database): listed and counted once, where first named.",
            ),
        ),
        migrations.RunSQL(SQL, REVERSE_SQL),
    ]
