"""ArticleTopic.published: the article's date beside each topic link, kept by the database as 0008 keeps
Mention.published, so a topic's articles come newest first from (topic, published DESC, article DESC).

A search of a topic alone (issue 15) collected and sorted each of the topic's articles (16,000-62,000 at 1M
articles, 130-300 ms, cut at the search's time limit); it now walks the topic's links newest first
(plans.walk_links). Writers insert links without the date (the ingest, the topic rules, the admin): a trigger
reads it from the article whenever a link is written, and a changed article date is copied to its links.
"""

from django.db import migrations, models

# 0008's function, which copies a changed article date to its quotations and mentions, copies it to its
# topic links too.
COPIED = r"""
CREATE OR REPLACE FUNCTION na_published_copied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE articles_quote SET published = NEW.published WHERE article_id = NEW.id;
    UPDATE articles_mention SET published = NEW.published WHERE article_id = NEW.id;
    {topics}
    RETURN NULL;
END $$;
"""

# Every step can run again: the migration is not one transaction, so a killed deploy or a lock timeout can
# stop it after any statement, and the next `migrate` starts it from the top.
COLUMN = "ALTER TABLE articles_article_topics ADD COLUMN IF NOT EXISTS published date NULL"
DROP_COLUMN = "ALTER TABLE articles_article_topics DROP COLUMN IF EXISTS published"

# Each statement alone, so the triggers' lock on the links (which blocks writers) is not held through the
# backfill. Any write of a link takes its article's date, whatever the row holds: the admin's inline writes
# back the date it read before the article's own UPDATE copied the new one, and reverting a revision writes
# the null that was serialised (the trigger, not the instance, had filled the row).
SQL = [
    COPIED.format(topics="UPDATE articles_article_topics SET published = NEW.published WHERE article_id = NEW.id;"),
    "CREATE OR REPLACE TRIGGER topic_link_published_fill BEFORE INSERT ON articles_article_topics"
    " FOR EACH ROW EXECUTE FUNCTION na_published_from_article()",
    "CREATE OR REPLACE TRIGGER topic_link_published_moved BEFORE UPDATE ON articles_article_topics"
    " FOR EACH ROW EXECUTE FUNCTION na_published_from_article()",
    # Only the links still without a date: one a writer dated meanwhile (an article's new date, copied while
    # this waited for its row) keeps it, where the join's older article row would write the old date back.
    "UPDATE articles_article_topics t SET published = a.published FROM articles_article a"
    " WHERE a.id = t.article_id AND a.published IS NOT NULL AND t.published IS NULL",
]

REVERSE_SQL = [
    "DROP TRIGGER IF EXISTS topic_link_published_fill ON articles_article_topics",
    "DROP TRIGGER IF EXISTS topic_link_published_moved ON articles_article_topics",
    COPIED.format(topics=""),
]

# An interrupted CREATE INDEX CONCURRENTLY leaves an INVALID index under its name, which IF NOT EXISTS would
# keep: whatever is under the name is dropped first.
INDEX = "topic_link_published_idx"
INDEX_SQL = [
    f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}",
    f"CREATE INDEX CONCURRENTLY {INDEX} ON articles_article_topics"
    " (topic_id, published DESC NULLS LAST, article_id DESC)",
]


class Migration(migrations.Migration):
    # Not one transaction: ADD COLUMN's ACCESS EXCLUSIVE lock would be held through the backfill (24 s at 1M
    # articles) and the index build, and article pages read the topic links. Each step commits alone; the
    # index is built CONCURRENTLY, so readers never wait and writers only for the backfill's rows.
    atomic = False

    dependencies = [
        ("articles", "0043_normalize_in_plpgsql"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL(COLUMN, DROP_COLUMN)],
            state_operations=[
                migrations.AddField(
                    model_name="articletopic",
                    name="published",
                    field=models.DateField(
                        blank=True,
                        editable=False,
                        help_text="The article's publication date (copied by the database).",
                        null=True,
                    ),
                ),
            ],
        ),
        migrations.RunSQL(SQL, REVERSE_SQL),
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL(INDEX_SQL, f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")],
            state_operations=[
                migrations.AddIndex(
                    model_name="articletopic",
                    index=models.Index(
                        models.F("topic"),
                        models.OrderBy(models.F("published"), descending=True, nulls_last=True),
                        models.OrderBy(models.F("article"), descending=True),
                        name=INDEX,
                    ),
                ),
            ],
        ),
    ]
