"""Mark which article-topic links the keyword rules made, so retag removes only those and keeps
the topics staff set by hand or an input file gave. Existing links are marked rule-made only where
today's rules match them exactly as tag_articles() matches (word forms, not only stems); the
others stay hand-set, since they may have been chosen by someone."""

from django.db import migrations, models

ADD = "ALTER TABLE articles_article_topics ADD COLUMN by_rule boolean NOT NULL DEFAULT false;"
DROP = "ALTER TABLE articles_article_topics DROP COLUMN by_rule;"


def mark_rule_links(apps, schema_editor):
    from articles.ingest.topics import _RULES, _TEXT, _rule_params

    rules = list(apps.get_model("articles", "TopicRule").objects.values_list("topic_id", "keyword"))
    if not rules:
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            f"""UPDATE articles_article_topics t SET by_rule = true FROM articles_article a
                WHERE a.id = t.article_id AND EXISTS (
                    SELECT 1 FROM {_RULES} r WHERE r.topic_id = t.topic_id
                       AND a.search_vector @@ phraseto_tsquery('newsarchive', r.keyword)
                       AND {_TEXT} ~ r.pattern)""",
            _rule_params(rules),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_quote_published_speaker_idx"),
    ]

    operations = [
        migrations.RunSQL(ADD, DROP),
        migrations.RunPython(mark_rule_links, migrations.RunPython.noop),
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
