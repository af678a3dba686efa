"""na_normalize() drops its punctuation by replace(), not translate(): the same text out, for two thirds of the CPU.

translate() walks its list of characters for each character of the text, decoding the multi-byte ones each
time: alone it took 350 ms of backend CPU over the ingest bench's 48,648 quotations, the whole function 951 ms.
na_normalize() is computed for each quotation stored (quote_text_key_hash), for every quotation of a wire-copy
group each time Quote.repeated is refreshed (na_quotes_repeated_refresh, at each ingest batch touching the
group), and by person look-ups. Backend CPU for na_normalize() over those quotations, median of 5 alternating
rounds: 951 -> 623 ms.

Deleting single characters one at a time gives what deleting them together gives (a deletion can't make another
listed character appear), and a character of valid UTF-8 can't match inside another one's bytes, so the result
is the same text: checked on every code point alone and between letters, and on every person name, alias and
quotation of the benchmark databases. The indexes on na_normalize() (the people's names, quote_text_key_hash)
and Alias.normalized hold the same values, so nothing is rebuilt.
"""

from django.db import migrations

SQL = r"""
CREATE OR REPLACE FUNCTION na_normalize(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
    SELECT btrim(regexp_replace(
        replace(replace(replace(replace(replace(replace(replace(replace(
        replace(replace(replace(replace(replace(replace(replace(replace(
            lower(unaccent('unaccent'::regdictionary, name)),
            '.', ''), ',', ''), '''', ''), '’', ''), '‘', ''), '"', ''), '“', ''), '”', ''),
            '(', ''), ')', ''), '[', ''), ']', ''), '!', ''), '?', ''), ';', ''), ':', ''),
        '[\s-]+', ' ', 'g'))
$$;
"""

REVERSE_SQL = r"""
CREATE OR REPLACE FUNCTION na_normalize(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
    SELECT btrim(regexp_replace(
        translate(lower(unaccent('unaccent'::regdictionary, name)), '.,''’‘"“”()[]!?;:', ''),
        '[\s-]+', ' ', 'g'))
$$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0036_mention_repeated"),
    ]

    operations = [
        migrations.RunSQL(SQL, REVERSE_SQL),
    ]
