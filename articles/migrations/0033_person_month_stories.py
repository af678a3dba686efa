"""PersonMonth counts stories, and keeps articles dated to the year only apart (issue 14.3, 14.6).

- A wire story's copies (Article.copy_of set) are not counted: the chart says how many articles named the
  person a month as /articles/?person= lists them, a story once. An article becoming a copy, or a copy
  becoming a group's head (grouping at ingest, staff splitting a group, a head deleted: 0031), moves its
  people's counts.
- An article whose date is known only to the year ("2016", stored as 1 January) was drawn in January. It is
  counted in `year_only` of its year's January row instead, which the chart shows apart ("2 more in 2016,
  month unknown"). A month known alone is the month's.

The functions of migration 0006 are replaced (same names and arguments, so its triggers keep calling them);
the row trigger on Article fires on its date, its precision and whether it is a copy. The summary is
rebuilt from Mention and Article once (one aggregate over the mentions).
"""

from django.db import migrations, models

SQL = r"""
-- Whether an article is counted, and where: in `articles` of its month, or in `year_only` of its year.
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

-- An article's date, precision or being a copy changed: its people's counts move out of where the old row
-- counted it and into where the new one does.
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
ANALYZE articles_personmonth;
"""

# Back to migration 0006's functions and trigger (every article counted, in the month of its date).
REVERSE_SQL = r"""
CREATE OR REPLACE FUNCTION na_person_month_apply(person_ids bigint[], article_ids bigint[], sign integer) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO articles_personmonth AS pm (person_id, month, articles)
    SELECT m.person_id, date_trunc('month', a.published)::date, sign * count(*)
      FROM unnest(person_ids, article_ids) AS m(person_id, article_id)
      JOIN articles_article a ON a.id = m.article_id
     WHERE a.published IS NOT NULL
     GROUP BY 1, 2
     ORDER BY 1, 2
    ON CONFLICT (person_id, month) DO UPDATE SET articles = pm.articles + EXCLUDED.articles;
    DELETE FROM articles_personmonth WHERE sign < 0 AND person_id = ANY(person_ids) AND articles <= 0;
$$;

CREATE OR REPLACE FUNCTION na_person_month_rebuild() RETURNS void
LANGUAGE sql AS $$
    DELETE FROM articles_personmonth;
    INSERT INTO articles_personmonth (person_id, month, articles)
    SELECT m.person_id, date_trunc('month', a.published)::date, count(*)
      FROM articles_mention m JOIN articles_article a ON a.id = m.article_id
     WHERE a.published IS NOT NULL
     GROUP BY 1, 2;
$$;

CREATE OR REPLACE FUNCTION na_person_month_redated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.published IS NOT NULL THEN
        UPDATE articles_personmonth pm SET articles = pm.articles - 1
          FROM articles_mention m
         WHERE m.article_id = NEW.id AND pm.person_id = m.person_id
           AND pm.month = date_trunc('month', OLD.published)::date;
        DELETE FROM articles_personmonth pm USING articles_mention m
         WHERE m.article_id = NEW.id AND pm.person_id = m.person_id AND pm.articles <= 0;
    END IF;
    IF NEW.published IS NOT NULL THEN
        INSERT INTO articles_personmonth AS pm (person_id, month, articles)
        SELECT m.person_id, date_trunc('month', NEW.published)::date, 1
          FROM articles_mention m WHERE m.article_id = NEW.id ORDER BY 1
        ON CONFLICT (person_id, month) DO UPDATE SET articles = pm.articles + 1;
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER article_month_redated ON articles_article;
CREATE TRIGGER article_month_redated AFTER UPDATE OF published ON articles_article
    FOR EACH ROW WHEN (OLD.published IS DISTINCT FROM NEW.published) EXECUTE FUNCTION na_person_month_redated();

SELECT na_person_month_rebuild();
-- The rebuild leaves the table's deferred foreign-key checks pending, and the column is dropped next
-- in the same transaction: "cannot ALTER TABLE … because it has pending trigger events" otherwise.
SET CONSTRAINTS ALL IMMEDIATE;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0032_quote_repeated"),
    ]

    operations = [
        migrations.AddField(
            model_name="personmonth",
            name="year_only",
            field=models.IntegerField(
                db_default=0,
                default=0,
                help_text="Articles of the month's year whose month is unknown (on the year's January row only).",
            ),
        ),
        migrations.RunSQL(SQL, REVERSE_SQL),
    ]
