"""Wire copies (issue 14.3): Quote.repeated refreshed once per UPDATE of Article, each affected group once.

Migration 0034's row trigger article_quotes_regrouped refreshed the whole group of each article whose copy_of
changed. A takeover (an article published before its group's stored head becomes the head: archive.write_groups)
moves the old head and all its copies in one UPDATE, so a group of n articles was refreshed n times, each time
all its quotations keyed again: cost in the square of the group's size (an 18-article group: 18 calls, 67-101 ms
for the one statement; 9-43 s of a 4,000-article bench ingest). The trigger is now per statement, with transition
tables, as 0031's article_wire_regroup: the rows whose copy_of changed, their old groups and their new ones go to
na_quotes_repeated_refresh() together, which keys each group's quotations once however many of its rows moved.
A trigger with transition tables may not name columns (UPDATE OF copy_of_id), so it fires for every UPDATE of
Article; the function keeps only the rows whose copy_of changed and does nothing when there are none. The
transition tables cost no more than before: articles_article_page_update (0021) already has both.

Same trigger and function names, so 0034's reverse SQL still drops them.
"""

from django.db import migrations

SQL = """
DROP TRIGGER article_quotes_regrouped ON articles_article;

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
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER article_quotes_regrouped AFTER UPDATE ON articles_article
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION na_quotes_regrouped();
"""

# Back to 0034's row trigger.
REVERSE_SQL = """
DROP TRIGGER article_quotes_regrouped ON articles_article;

CREATE OR REPLACE FUNCTION na_quotes_regrouped() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM na_quotes_repeated_refresh(ARRAY[NEW.id, OLD.copy_of_id, NEW.copy_of_id]);
    RETURN NULL;
END $$;

CREATE TRIGGER article_quotes_regrouped AFTER UPDATE OF copy_of_id ON articles_article
    FOR EACH ROW WHEN (OLD.copy_of_id IS DISTINCT FROM NEW.copy_of_id) EXECUTE FUNCTION na_quotes_regrouped();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0034_quote_repeated_flag"),
    ]

    operations = [migrations.RunSQL(SQL, REVERSE_SQL)]
