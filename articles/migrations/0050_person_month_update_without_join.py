"""na_person_month_mentions() finds the mentions an UPDATE changed without joining its transition tables: the same
counts, in linear instead of quadratic time.

Its UPDATE branch joined old_rows to new_rows on id. The planner estimates a transition table at one row (no
statistics), so the join was a nested loop: every old row compared with every new one. An ingest batch's flag
refresh (_refresh_repeated) updates ~500 mentions at once (a head taken over: its mentions become repeats),
~250,000 comparisons for each of the function's two statements: auto_explain showed 72 of the 85 ms of one call
spent in that join filter.

A statement's UPDATE has each row once in old_rows and once in new_rows, with the same id (ids are never
updated), so the old versions of the rows whose (person, article, flag) changed are the rows of old_rows that
new_rows doesn't hold identically (EXCEPT ALL: rows equal in every column, NULLs equal, as IS DISTINCT FROM
compares), and the new versions the other way round. The arrays passed to na_person_month_apply() are the
same, in the same order ((person, article) is unique in a table of mentions), so PersonMonth ends the same.
"""

from django.db import migrations

SQL = r"""
CREATE OR REPLACE FUNCTION na_person_month_mentions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('newsarchive.person_month_deferred', true) = 'on' THEN RETURN NULL; END IF;
    IF TG_OP = 'UPDATE' THEN
        -- Only rows moved to another person or article, or whose flag changed, count (a changed count doesn't).
        -- The rows changed so are those one transition table holds and the other doesn't (no join: see 0050).
        PERFORM na_person_month_apply(array_agg(c.person_id ORDER BY c.person_id, c.article_id),
                                      array_agg(c.article_id ORDER BY c.person_id, c.article_id), -1)
           FROM (SELECT id, person_id, article_id, repeated FROM old_rows
                 EXCEPT ALL
                 SELECT id, person_id, article_id, repeated FROM new_rows) c
          WHERE NOT c.repeated;
        PERFORM na_person_month_apply(array_agg(c.person_id ORDER BY c.person_id, c.article_id),
                                      array_agg(c.article_id ORDER BY c.person_id, c.article_id), 1)
           FROM (SELECT id, person_id, article_id, repeated FROM new_rows
                 EXCEPT ALL
                 SELECT id, person_id, article_id, repeated FROM old_rows) c
          WHERE NOT c.repeated;
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
"""

# 0036's.
REVERSE_SQL = r"""
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
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0049_feed_outlet_label"),
    ]

    operations = [
        migrations.RunSQL(SQL, REVERSE_SQL),
    ]
