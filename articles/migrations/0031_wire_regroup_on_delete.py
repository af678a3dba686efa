"""Wire copies (issue 14.3): deleting a group's first-published article regroups its copies.

With on_delete=SET_NULL, Django emptied the copies' copy_of before deleting their head, so each copy
then stood alone, listed apart with no "also published by". A statement-level trigger with a transition
table does it in the database instead, for every way of deleting (the admin's form and its bulk action,
QuerySet.delete(), SQL): after the statement, each deleted head's remaining copies take the oldest of them
(published first, undated last, then the lowest id) as their head, and copy_outlets is counted again for
the new heads and for the heads of deleted copies (as archive.refresh_copy_outlets() counts it). copy_of
is DO_NOTHING in Django so the copies still point at the deleted head when the trigger runs; the foreign
key is deferred, so it is checked after the trigger has moved them.
"""

import django.db.models.deletion
from django.db import migrations, models

SQL = r"""
CREATE FUNCTION na_wire_regroup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    heads bigint[];
BEGIN
    WITH orphans AS (
        SELECT c.id, first_value(c.id) OVER (
                   PARTITION BY c.copy_of_id ORDER BY c.published ASC NULLS LAST, c.id) AS head
          FROM articles_article c
         WHERE c.copy_of_id IN (SELECT id FROM old_rows WHERE copy_of_id IS NULL)
         ORDER BY c.id),
    moved AS (
        UPDATE articles_article a SET copy_of_id = nullif(o.head, a.id)
          FROM orphans o WHERE a.id = o.id
        RETURNING o.head)
    SELECT array_agg(DISTINCT head) INTO heads FROM moved;
    heads := coalesce(heads, '{}')
             || ARRAY(SELECT DISTINCT copy_of_id FROM old_rows WHERE copy_of_id IS NOT NULL);
    IF cardinality(heads) > 0 THEN
        UPDATE articles_article a SET copy_outlets = v.n FROM (
            SELECT h.id, count(DISTINCT c.source_id) FILTER (WHERE c.source_id IS DISTINCT FROM h.source_id) n
              FROM articles_article h LEFT JOIN articles_article c ON c.copy_of_id = h.id
             WHERE h.id = ANY(heads) GROUP BY h.id) v
         WHERE a.id = v.id AND a.copy_outlets <> v.n;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER article_wire_regroup AFTER DELETE ON articles_article
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION na_wire_regroup();
"""

REVERSE_SQL = """
DROP TRIGGER article_wire_regroup ON articles_article;
DROP FUNCTION na_wire_regroup();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0030_search_document_in_row"),
    ]

    operations = [
        migrations.AlterField(
            model_name="article",
            name="copy_of",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                help_text="The first-published article of the same story (a wire copy); empty for that one.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="copies",
                to="articles.article",
                verbose_name="copy of",
            ),
        ),
        migrations.RunSQL(SQL, REVERSE_SQL),
    ]
