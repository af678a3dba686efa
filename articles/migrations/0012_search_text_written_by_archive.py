"""Article.search_text is written by articles.archive (search_text(), refresh_search_text()), the
archive's one write path, not by triggers: the same text was defined in SQL here and in Python for
batch ingest and the corpus generator, which had to switch the triggers off to stay fast.

Reversing puts the triggers back as migration 0001 made them (the SQL is repeated here so this
migration imports nothing from the application).
"""

from django.db import migrations

DROP_SQL = """
DROP TRIGGER person_search_rename ON articles_person;
DROP TRIGGER mention_search_delete ON articles_mention;
DROP TRIGGER mention_search_update ON articles_mention;
DROP TRIGGER mention_search_insert ON articles_mention;
DROP TRIGGER quote_search_delete ON articles_quote;
DROP TRIGGER quote_search_update ON articles_quote;
DROP TRIGGER quote_search_insert ON articles_quote;
DROP FUNCTION na_person_renamed();
DROP FUNCTION na_touch_both_rows();
DROP FUNCTION na_touch_old_rows();
DROP FUNCTION na_touch_new_rows();
DROP FUNCTION na_refresh_search_text(bigint[]);
"""

RESTORE_SQL = r"""
CREATE FUNCTION na_refresh_search_text(ids bigint[]) RETURNS void
LANGUAGE sql AS $$
    UPDATE articles_article a
    SET search_text = s.text
    FROM (
        SELECT i.id, concat_ws(' ',
            (SELECT string_agg(p.name, ' ' ORDER BY p.name COLLATE "C")
               FROM articles_mention m JOIN articles_person p ON p.id = m.person_id
              WHERE m.article_id = i.id),
            (SELECT string_agg(q.text, ' ' ORDER BY q.position)
               FROM articles_quote q WHERE q.article_id = i.id)) AS text
        FROM unnest(ids) AS i(id)
    ) s
    WHERE a.id = s.id AND a.search_text IS DISTINCT FROM s.text
$$;

CREATE FUNCTION na_touch_new_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('newsarchive.search_text_written', true) = 'on' THEN RETURN NULL; END IF;
    PERFORM na_refresh_search_text(ARRAY(SELECT DISTINCT article_id FROM new_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION na_touch_old_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('newsarchive.search_text_written', true) = 'on' THEN RETURN NULL; END IF;
    PERFORM na_refresh_search_text(ARRAY(SELECT DISTINCT article_id FROM old_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION na_touch_both_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('newsarchive.search_text_written', true) = 'on' THEN RETURN NULL; END IF;
    PERFORM na_refresh_search_text(ARRAY(
        SELECT article_id FROM new_rows UNION SELECT article_id FROM old_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION na_person_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM na_refresh_search_text(ARRAY(
        SELECT article_id FROM articles_mention WHERE person_id = NEW.id));
    RETURN NULL;
END $$;

CREATE TRIGGER quote_search_insert AFTER INSERT ON articles_quote
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION na_touch_new_rows();
CREATE TRIGGER quote_search_update AFTER UPDATE ON articles_quote
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION na_touch_both_rows();
CREATE TRIGGER quote_search_delete AFTER DELETE ON articles_quote
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION na_touch_old_rows();
CREATE TRIGGER mention_search_insert AFTER INSERT ON articles_mention
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION na_touch_new_rows();
CREATE TRIGGER mention_search_update AFTER UPDATE ON articles_mention
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION na_touch_both_rows();
CREATE TRIGGER mention_search_delete AFTER DELETE ON articles_mention
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION na_touch_old_rows();
CREATE TRIGGER person_search_rename AFTER UPDATE OF name ON articles_person
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION na_person_renamed();
"""


class Migration(migrations.Migration):
    dependencies = [("articles", "0011_person_name_normalized_unique")]

    operations = [migrations.RunSQL(DROP_SQL, RESTORE_SQL)]
