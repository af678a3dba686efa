"""Wire copies (issue 14.3): na_quote_repeated(), whether a quotation in a copy repeats one its group already has.

A wire story's quotations count once in a person's figures and lists: a copy's quotation is left out when
the group's first-published article, or a copy of the group stored before it, carries the same words
(quote_key(): quotation marks, case, accents and punctuation folded) from the same speaker (or from none,
as it has none). A quotation only that copy carries (a paragraph the outlet added) still counts. One
definition for the ORM (QuoteQuerySet.one_per_story()) and the raw statements of articles.page_queries;
false for a quotation in an article that is no copy (one look-up by id: callers test copy_of first).
"""

from django.db import migrations

# articles.models.QUOTE_KEY_SQL as it is now, written out: a migration must not change when the model does.
KEY = "na_normalize(regexp_replace({}, '[^[:alnum:][:space:]]+', ' ', 'g'))"

SQL = f"""
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

REVERSE_SQL = "DROP FUNCTION na_quote_repeated(bigint, bigint, text);"


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0031_wire_regroup_on_delete"),
    ]

    operations = [migrations.RunSQL(SQL, REVERSE_SQL)]
