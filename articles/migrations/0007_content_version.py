"""ContentVersion: one number that changes when a transaction that wrote the archive commits.

The page cache (articles.views.cached_page) keys rendered pages on it. Statement-level triggers on
every table a public page reads insert the transaction's id into na_content_change (once per
transaction: ON CONFLICT DO NOTHING); a deferred constraint trigger on that table bumps the
version at commit. So writers hold the version row's lock only while committing, not for a whole
ingest batch, and the bump becomes visible together with what was written.
"""

from django.db import migrations, models

TABLES = (
    "articles_source",
    "articles_person",
    "articles_alias",
    "articles_topic",
    "articles_topicrule",
    "articles_article",
    "articles_article_topics",
    "articles_mention",
    "articles_quote",
    "articles_personmonth",
)

SQL = r"""
INSERT INTO articles_contentversion (id, version, changed) VALUES (1, pg_current_xact_id()::text::bigint, now());

CREATE UNLOGGED TABLE na_content_change (txid xid8 PRIMARY KEY);

CREATE FUNCTION na_content_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO na_content_change VALUES (pg_current_xact_id()) ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE FUNCTION na_content_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- The committing transaction's id: never used twice, even if the row is deleted (the test
    -- suite's flush) and made again, so an old cache key can't come back.
    INSERT INTO articles_contentversion (id, version, changed) VALUES (1, pg_current_xact_id()::text::bigint, now())
        ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, changed = EXCLUDED.changed;
    DELETE FROM na_content_change WHERE txid = NEW.txid;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER content_version_at_commit AFTER INSERT ON na_content_change
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION na_content_version_bump();
""" + "".join(
    f"""
CREATE TRIGGER {table}_content_changed AFTER INSERT OR UPDATE OR DELETE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION na_content_changed();
CREATE TRIGGER {table}_content_truncated AFTER TRUNCATE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION na_content_changed();
"""
    for table in TABLES
)

REVERSE_SQL = (
    "".join(
        f"DROP TRIGGER {table}_content_changed ON {table}; DROP TRIGGER {table}_content_truncated ON {table};\n"
        for table in TABLES
    )
    + """
DROP TABLE na_content_change;
DROP FUNCTION na_content_changed();
DROP FUNCTION na_content_version_bump();
"""
)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_person_month"),
    ]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                ("id", models.SmallIntegerField(default=1, primary_key=True, serialize=False)),
                ("version", models.BigIntegerField()),
                ("changed", models.DateTimeField()),
            ],
            options={
                "constraints": [
                    models.CheckConstraint(condition=models.Q(("id", 1)), name="contentversion_single_row")
                ],
            },
        ),
        migrations.RunSQL(SQL, REVERSE_SQL),
    ]
