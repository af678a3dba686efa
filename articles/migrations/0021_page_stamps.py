"""Page stamps: what changed, object by object, so a write invalidates only the pages that show it.

Until now the page cache keyed every page on ContentVersion (migration 0007), which any committed
write moves: under continuous ingest nothing cached lived long enough to be served (issue 15.3).
Now statement-level triggers with transition tables note, per transaction, the keys of the objects
a statement touched in na_page_change:

    a<id>  an article: its row, its quotations, the people it names, its topics
    p<id>  a person's own row: name, description, aliases (shown wherever they are named)
    m<id>  a person's mentions and quotations (their page: quotations, articles, chart)
    s<id>  an outlet's row, t<id> a topic's row
    all    a table emptied (TRUNCATE): every page

At commit, the deferred trigger of migration 0007 stamps each key with the committing transaction's
id (na_page_stamp), in key order so two committing writers lock the same rows in the same order and
never deadlock. A cached page keeps the keys it showed and the snapshot it was rendered under; it
is served while no stamp of its keys is a transaction that snapshot could not see
(articles/page_cache.py). The stamps are logged: a cache that outlives a database crash (Redis)
must not find them gone and serve pages written before it.
"""

from django.db import migrations

# table -> (events, key expressions over its rows)
KEYS = {
    "articles_article": (("UPDATE", "DELETE"), ("'a' || id",)),
    "articles_mention": (("INSERT", "UPDATE", "DELETE"), ("'a' || article_id", "'m' || person_id")),
    "articles_quote": (("INSERT", "UPDATE", "DELETE"), ("'a' || article_id", "'m' || person_id")),
    "articles_article_topics": (("INSERT", "UPDATE", "DELETE"), ("'a' || article_id",)),
    "articles_person": (("UPDATE", "DELETE"), ("'p' || id",)),
    "articles_alias": (("INSERT", "UPDATE", "DELETE"), ("'p' || person_id",)),
    "articles_source": (("UPDATE", "DELETE"), ("'s' || id",)),
    "articles_topic": (("UPDATE", "DELETE"), ("'t' || id",)),
    "articles_personmonth": (("INSERT", "UPDATE", "DELETE"), ("'m' || person_id",)),
}
# A trigger with transition tables fires on one event only (PostgreSQL's rule): one per event.
ROWS = {"INSERT": ("new_rows",), "UPDATE": ("new_rows", "old_rows"), "DELETE": ("old_rows",)}
REFERENCING = {
    "INSERT": "REFERENCING NEW TABLE AS new_rows",
    "UPDATE": "REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows",
    "DELETE": "REFERENCING OLD TABLE AS old_rows",
}


def _trigger(table: str, event: str, keys: tuple[str, ...]) -> str:
    name = f"{table}_page_{event.lower()}"
    selects = " UNION ".join(f"SELECT {key} FROM {rows}" for rows in ROWS[event] for key in keys)
    return f"""
CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO na_page_change (txid, key)
        SELECT pg_current_xact_id(), key FROM ({selects}) AS touched (key) WHERE key IS NOT NULL
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER {name} AFTER {event} ON {table} {REFERENCING[event]}
    FOR EACH STATEMENT EXECUTE FUNCTION {name}();
"""


SQL = (
    """
CREATE UNLOGGED TABLE na_page_change (txid xid8, key text, PRIMARY KEY (txid, key));
CREATE TABLE na_page_stamp (key text PRIMARY KEY, version xid8 NOT NULL);

CREATE FUNCTION na_page_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO na_page_change VALUES (pg_current_xact_id(), 'all') ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION na_content_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- The committing transaction's id: never used twice, even if the row is deleted (the test
    -- suite's flush) and made again, so an old cache key can't come back.
    INSERT INTO articles_contentversion (id, version, changed) VALUES (1, pg_current_xact_id()::text::bigint, now())
        ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, changed = EXCLUDED.changed;
    INSERT INTO na_page_stamp (key, version)
        SELECT key, NEW.txid FROM na_page_change WHERE txid = NEW.txid ORDER BY key
        ON CONFLICT (key) DO UPDATE SET version = EXCLUDED.version;
    DELETE FROM na_page_change WHERE txid = NEW.txid;
    DELETE FROM na_content_change WHERE txid = NEW.txid;
    RETURN NULL;
END $$;
"""
    + "".join(_trigger(table, event, keys) for table, (events, keys) in KEYS.items() for event in events)
    + "".join(
        f"CREATE TRIGGER {table}_page_truncate AFTER TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION na_page_truncated();\n"
        for table in KEYS
    )
)

REVERSE_SQL = (
    "".join(
        f"DROP TRIGGER {table}_page_{event.lower()} ON {table}; DROP FUNCTION {table}_page_{event.lower()}();\n"
        for table, (events, _) in KEYS.items()
        for event in events
    )
    + "".join(f"DROP TRIGGER {table}_page_truncate ON {table};\n" for table in KEYS)
    + """
DROP FUNCTION na_page_truncated();
CREATE OR REPLACE FUNCTION na_content_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO articles_contentversion (id, version, changed) VALUES (1, pg_current_xact_id()::text::bigint, now())
        ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, changed = EXCLUDED.changed;
    DELETE FROM na_content_change WHERE txid = NEW.txid;
    RETURN NULL;
END $$;
DROP TABLE na_page_stamp;
DROP TABLE na_page_change;
"""
)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0020_human_labels"),
    ]

    operations = [migrations.RunSQL(SQL, REVERSE_SQL)]
