"""Wire copies (issue 14.3): an ingest batch refreshes Quote.repeated and Mention.repeated once, after all its writes.

An ingest batch (archive._write) writes its articles' quotations (one COPY), their mentions (one COPY), then its
groups' takeovers (one UPDATE of copy_of). Each of those statements' triggers (0034's quote_repeated_*, 0036's
mention_repeated_*, 0035's article_quotes_regrouped) keyed again every quotation and mention of the groups it
touched, so a group touched by a takeover was keyed three or four times a batch, its flags set and set again (each
flag set an UPDATE of the row, with its index entries and its chart trigger). On the ingest bench those triggers
were a quarter of the PostgreSQL server's CPU.

A writer that says so for its transaction (SET LOCAL newsarchive.repeated_deferred = on, as
newsarchive.person_month_deferred says it for the chart) now has the three trigger functions leave the flags to it,
and calls na_quotes_repeated_refresh() and na_mentions_repeated_refresh() itself, once, for the articles the
triggers would have passed (archive._refresh_repeated). The flags are a function of a group's rows as they are,
so refreshing each touched group once, after its last change, sets what refreshing it after each change set.
Every other writer (the admin, merging people, deleting) is unchanged.
"""

from django.db import migrations

GUARD = "    IF current_setting('newsarchive.repeated_deferred', true) = 'on' THEN RETURN NULL; END IF;\n"

QUOTES_CHANGED = """
CREATE OR REPLACE FUNCTION na_quotes_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    touched bigint[];
BEGIN
{guard}    IF TG_OP = 'INSERT' THEN
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
"""

MENTIONS_CHANGED = """
CREATE OR REPLACE FUNCTION na_mentions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    touched bigint[];
BEGIN
{guard}    IF TG_OP = 'INSERT' THEN
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
"""

REGROUPED = """
CREATE OR REPLACE FUNCTION na_quotes_regrouped() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    touched bigint[];
BEGIN
{guard}    -- Each moved article, the group it left and the group it joined (a head's id stands for its group).
    SELECT array_agg(DISTINCT x) INTO touched
      FROM old_rows o JOIN new_rows n ON n.id = o.id, unnest(ARRAY[n.id, o.copy_of_id, n.copy_of_id]) x
     WHERE o.copy_of_id IS DISTINCT FROM n.copy_of_id AND x IS NOT NULL;
    IF touched IS NOT NULL THEN
        PERFORM na_quotes_repeated_refresh(touched);
        PERFORM na_mentions_repeated_refresh(touched);
    END IF;
    RETURN NULL;
END $$;
"""

SQL = "".join(f.format(guard=GUARD) for f in (QUOTES_CHANGED, MENTIONS_CHANGED, REGROUPED))
REVERSE_SQL = "".join(f.format(guard="") for f in (QUOTES_CHANGED, MENTIONS_CHANGED, REGROUPED))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0037_normalize_by_replace"),
    ]

    operations = [
        migrations.RunSQL(SQL, REVERSE_SQL),
    ]
