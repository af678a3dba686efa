"""PersonMonth: articles naming each person per month, for the person page's chart.

Counting a much-named person's articles by month read their whole history (286,000 mentions,
~0.7 s at 1M articles). The summary is kept by the database, like search_text (migration 0001):
statement-level triggers with transition tables on Mention (one upsert per statement, so the
pipeline's execute_values batches cost one statement, not one per row) and a row trigger on
Article when its date changes. The corpus generator COPYs with
SET LOCAL newsarchive.person_month_deferred = on and then calls na_person_month_rebuild().
"""

import django.db.models.deletion
from django.db import migrations, models

SQL = r"""
-- Add `sign` x (articles of these (person, article) pairs) to each (person, month).
-- Rows are upserted in key order so concurrent writers take row locks in the same order.
CREATE FUNCTION na_person_month_apply(person_ids bigint[], article_ids bigint[], sign integer) RETURNS void
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

-- Everything again from Mention and Article (the corpus generator; the migration's first fill).
CREATE FUNCTION na_person_month_rebuild() RETURNS void
LANGUAGE sql AS $$
    DELETE FROM articles_personmonth;
    INSERT INTO articles_personmonth (person_id, month, articles)
    SELECT m.person_id, date_trunc('month', a.published)::date, count(*)
      FROM articles_mention m JOIN articles_article a ON a.id = m.article_id
     WHERE a.published IS NOT NULL
     GROUP BY 1, 2;
$$;

CREATE FUNCTION na_person_month_mentions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('newsarchive.person_month_deferred', true) = 'on' THEN RETURN NULL; END IF;
    IF TG_OP = 'UPDATE' THEN
        -- Only rows moved to another person or article count (a changed count or flag doesn't).
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

-- An article's date changed: its people's counts move from the old month to the new one.
CREATE FUNCTION na_person_month_redated() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE TRIGGER mention_month_insert AFTER INSERT ON articles_mention
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION na_person_month_mentions();
CREATE TRIGGER mention_month_update AFTER UPDATE ON articles_mention
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION na_person_month_mentions();
CREATE TRIGGER mention_month_delete AFTER DELETE ON articles_mention
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION na_person_month_mentions();
CREATE TRIGGER article_month_redated AFTER UPDATE OF published ON articles_article
    FOR EACH ROW WHEN (OLD.published IS DISTINCT FROM NEW.published) EXECUTE FUNCTION na_person_month_redated();

SELECT na_person_month_rebuild();
ANALYZE articles_personmonth;
"""

REVERSE_SQL = """
DROP TRIGGER article_month_redated ON articles_article;
DROP TRIGGER mention_month_delete ON articles_mention;
DROP TRIGGER mention_month_update ON articles_mention;
DROP TRIGGER mention_month_insert ON articles_mention;
DROP FUNCTION na_person_month_redated();
DROP FUNCTION na_person_month_mentions();
DROP FUNCTION na_person_month_rebuild();
DROP FUNCTION na_person_month_apply(bigint[], bigint[], integer);
"""


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0005_drop_redundant_indexes'),
    ]

    operations = [
        migrations.CreateModel(
            name='PersonMonth',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('month', models.DateField(help_text='First day of the month.')),
                ('articles', models.IntegerField(default=0)),
                ('person', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='months', to='articles.person')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('person', 'month'), name='personmonth_person_month_unique')],
            },
        ),
        migrations.RunSQL(SQL, REVERSE_SQL),
    ]
