"""Indexes for the public pages at a million articles (issue 4, page speed).

RunSQL because the table is the auto-created M2M table (Article.topics), which models.py
cannot give a named index; the autodetector does not see it, so `makemigrations --check`
stays clean.
"""

from django.db import migrations

SQL = """
-- ArticleQuerySet.related_to(): a topic's most recently added articles (topic_id = ? ORDER BY article_id DESC).
CREATE INDEX article_topics_topic_article_idx ON articles_article_topics (topic_id, article_id);
"""

REVERSE_SQL = "DROP INDEX article_topics_topic_article_idx;"


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_admin_entry")]

    operations = [migrations.RunSQL(SQL, REVERSE_SQL)]
