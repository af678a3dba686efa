"""ArticleTopic.published: the article's date beside each topic link, kept by the database as 0008 keeps
Mention.published, so a topic's articles come newest first from (topic, published DESC, article DESC).

A search of a topic alone (issue 15) collected and sorted each of the topic's articles (16,000-62,000 at 1M
articles, 130-300 ms, cut at the search's time limit); it now walks the topic's links newest first
(plans.walk_links). Writers insert links without the date (the ingest, the topic rules, the admin): a BEFORE
INSERT trigger reads it from the article, and a changed article date is copied to its links.
"""

from django.contrib.postgres.operations import AddIndexConcurrently
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

SQL = (
    COPIED.format(topics="UPDATE articles_article_topics SET published = NEW.published WHERE article_id = NEW.id;")
    + r"""
CREATE TRIGGER topic_link_published_fill BEFORE INSERT ON articles_article_topics
    FOR EACH ROW WHEN (NEW.published IS NULL) EXECUTE FUNCTION na_published_from_article();
CREATE TRIGGER topic_link_published_moved BEFORE UPDATE OF article_id ON articles_article_topics
    FOR EACH ROW WHEN (OLD.article_id IS DISTINCT FROM NEW.article_id) EXECUTE FUNCTION na_published_from_article();

UPDATE articles_article_topics t SET published = a.published
  FROM articles_article a WHERE a.id = t.article_id AND a.published IS NOT NULL;
"""
)

REVERSE_SQL = r"""
DROP TRIGGER topic_link_published_fill ON articles_article_topics;
DROP TRIGGER topic_link_published_moved ON articles_article_topics;
""" + COPIED.format(topics="")


class Migration(migrations.Migration):
    # Not one transaction: ADD COLUMN's ACCESS EXCLUSIVE lock would be held through the backfill (24 s at 1M
    # articles) and the index build, and article pages read the topic links. Each step commits alone; the
    # index is built CONCURRENTLY, so readers never wait and writers only for the backfill's rows.
    atomic = False

    dependencies = [
        ("articles", "0043_normalize_in_plpgsql"),
    ]

    operations = [
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
        migrations.RunSQL(SQL, REVERSE_SQL),
        AddIndexConcurrently(
            model_name="articletopic",
            index=models.Index(
                models.F("topic"),
                models.OrderBy(models.F("published"), descending=True, nulls_last=True),
                models.OrderBy(models.F("article"), descending=True),
                name="topic_link_published_idx",
            ),
        ),
    ]
