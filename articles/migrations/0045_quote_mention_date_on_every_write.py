"""Quote.published and Mention.published stay their article's date whatever writes the row (as 0044 made it for
topic links): 0008's *_published_moved triggers ran only when article_id changed, so a quotation the admin's inline
saved in the same request as a new article date (its instance read before the article's UPDATE copied the date;
Model.save writes every column) went back to the old date, and so did a row a reverted revision wrote.

Now the trigger also runs when a writer sets `published` to anything else, and then reads the article's date.
The writers that never touch the date (the flags' refresh, speaker corrections by UPDATE) do not fire it, so the
ingest pays nothing; the article's own copy (na_published_copied) fires it once a row, reading the date it set.
CREATE OR REPLACE TRIGGER: instant, no table rewrite, and the migration runs again as it is."""

from django.db import migrations

TRIGGER = r"""
CREATE OR REPLACE TRIGGER {table}_published_moved BEFORE UPDATE {columns}ON articles_{table}
    FOR EACH ROW WHEN ({when}) EXECUTE FUNCTION na_published_from_article();
"""
MOVED = "OLD.article_id IS DISTINCT FROM NEW.article_id"


def _triggers(columns: str, when: str) -> str:
    return "".join(TRIGGER.format(table=table, columns=columns, when=when) for table in ("quote", "mention"))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0044_topic_link_published"),
    ]

    operations = [
        migrations.RunSQL(
            _triggers("", f"{MOVED} OR OLD.published IS DISTINCT FROM NEW.published"),
            _triggers("OF article_id ", MOVED),
        ),
    ]
