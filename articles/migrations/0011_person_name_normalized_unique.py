"""One person per normalised name (issue 11): two ingests at once had created the same people twice.

First the people already stored twice are merged, as the admin's merge does, into the oldest
(lowest id) of each normalised name (na_normalize, as resolution compares names): their
quotations and aliases move to it, their mentions too (two mentions of one article become one,
counts added), an empty description is filled from a duplicate, then the duplicates are deleted.
The database's triggers keep search_text and the person-month summary right as rows move.
Then the unique index. Plain SQL: nothing imported from the application.
"""

from django.db import migrations, models

MERGE_SQL = r"""
CREATE TEMPORARY TABLE na_person_merge ON COMMIT DROP AS
SELECT old_id, keep_id FROM (
    SELECT id AS old_id, min(id) OVER (PARTITION BY na_normalize(name)) AS keep_id FROM articles_person
) people WHERE old_id <> keep_id;

-- The mentions of a merged person and of the one kept, by article: the row that stays is the kept
-- person's own, else the first; it gets the counts added up and the flags of all.
CREATE TEMPORARY TABLE na_mention_merge ON COMMIT DROP AS
SELECT m.id, coalesce(g.keep_id, m.person_id) AS keep_id,
       first_value(m.id) OVER (PARTITION BY m.article_id, coalesce(g.keep_id, m.person_id)
                               ORDER BY g.old_id IS NOT NULL, m.id) AS survivor,
       count(*) OVER same AS n_rows, sum(m.count) OVER same AS total,
       bool_or(m.quoted) OVER same AS quoted, bool_or(m.edited_by_staff) OVER same AS staff
  FROM articles_mention m LEFT JOIN na_person_merge g ON g.old_id = m.person_id
 WHERE m.person_id IN (SELECT old_id FROM na_person_merge UNION SELECT keep_id FROM na_person_merge)
WINDOW same AS (PARTITION BY m.article_id, coalesce(g.keep_id, m.person_id));

DELETE FROM articles_mention WHERE id IN (SELECT id FROM na_mention_merge WHERE id <> survivor);
UPDATE articles_mention m
   SET person_id = t.keep_id, count = t.total, quoted = t.quoted, edited_by_staff = t.staff
  FROM na_mention_merge t
 WHERE m.id = t.id AND t.id = t.survivor AND (t.n_rows > 1 OR m.person_id <> t.keep_id);

UPDATE articles_quote q SET person_id = g.keep_id FROM na_person_merge g WHERE q.person_id = g.old_id;
UPDATE articles_alias a SET person_id = g.keep_id FROM na_person_merge g WHERE a.person_id = g.old_id;

UPDATE articles_person p SET description = d.description
  FROM (SELECT DISTINCT ON (g.keep_id) g.keep_id, o.description
          FROM na_person_merge g JOIN articles_person o ON o.id = g.old_id
         WHERE o.description <> '' ORDER BY g.keep_id, o.id) d
 WHERE p.id = d.keep_id AND p.description = '';

-- Emptied by the mention triggers already; whatever is left would name a deleted person.
DELETE FROM articles_personmonth pm USING na_person_merge g WHERE pm.person_id = g.old_id;
DELETE FROM articles_person p USING na_person_merge g WHERE p.id = g.old_id;

-- Check the deferred foreign keys now: an index can't be made on a table with checks pending.
SET CONSTRAINTS ALL IMMEDIATE;
SET CONSTRAINTS ALL DEFERRED;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_topic_links_by_rule"),
    ]

    operations = [
        migrations.RunSQL(MERGE_SQL, migrations.RunSQL.noop),
        migrations.AddConstraint(
            model_name="person",
            constraint=models.UniqueConstraint(
                models.Func(models.F("name"), function="na_normalize"),
                name="person_name_normalized_unique",
                violation_error_message="There is already a person of this name (ignoring case, accents and "
                "punctuation): edit that person, or add this spelling to them as an alias.",
            ),
        ),
    ]
