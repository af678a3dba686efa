"""Mark which article-topic links the keyword rules made, so retag removes only those and keeps
the topics staff set by hand or an input file gave. Existing links that today's rules match are
marked as rule-made; the others are kept as hand-set (nothing is lost by guessing)."""

from django.db import migrations, models

SQL = """
ALTER TABLE articles_article_topics ADD COLUMN by_rule boolean NOT NULL DEFAULT false;
UPDATE articles_article_topics t SET by_rule = true
FROM articles_article a, (
    SELECT topic_id, string_agg(phraseto_tsquery('newsarchive', keyword)::text, ' | ')::tsquery AS query
    FROM articles_topicrule
    WHERE phraseto_tsquery('newsarchive', keyword)::text <> ''
    GROUP BY topic_id
) q
WHERE a.id = t.article_id AND q.topic_id = t.topic_id AND a.search_vector @@ q.query;
"""

REVERSE_SQL = "ALTER TABLE articles_article_topics DROP COLUMN by_rule;"


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_quote_published_speaker_idx"),
    ]

    operations = [
        migrations.RunSQL(SQL, REVERSE_SQL),
        migrations.AlterField(
            model_name="article",
            name="topics",
            field=models.ManyToManyField(
                blank=True,
                help_text="Topics added here stay when the rules are re-applied; a topic a rule gives comes "
                "back on re-tagging unless the rule changes.",
                related_name="articles",
                to="articles.topic",
            ),
        ),
    ]
