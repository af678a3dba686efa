"""Django is told about what earlier migrations made in SQL; the database is not rewritten.

- The topic link table articles_article_topics, with the by_rule column migration 0010 added by
  hand, becomes the explicit through model ArticleTopic (same table, columns, constraint and the
  foreign keys' indexes, whose names Django derives from the table and columns as it did for the
  plain many-to-many field).
- Its (topic_id, article_id) index from migration 0004 is declared in ArticleTopic.Meta.indexes;
  its name is shortened to the 30 characters Django allows an index name (ALTER INDEX ... RENAME
  only changes the catalogue).
- person_name_normalized_trgm from migration 0002 is declared in Person.Meta.indexes; the index
  is already there, as Django would make it.

tests/test_schema.py checks that a database made from the models has what these state-only
operations claim.
"""

import django.contrib.postgres.indexes
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_search_text_written_by_archive"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    "ALTER INDEX article_topics_topic_article_idx RENAME TO articletopic_topic_article_idx;",
                    "ALTER INDEX articletopic_topic_article_idx RENAME TO article_topics_topic_article_idx;",
                ),
            ],
            state_operations=[
                migrations.CreateModel(
                    name="ArticleTopic",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        (
                            "by_rule",
                            models.BooleanField(
                                db_default=False,
                                default=False,
                                editable=False,
                                help_text="Made by a topic rule; re-tagging may remove it.",
                            ),
                        ),
                        (
                            "article",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="topic_links",
                                to="articles.article",
                            ),
                        ),
                        (
                            "topic",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="article_links",
                                to="articles.topic",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "topic",
                        "db_table": "articles_article_topics",
                        "indexes": [
                            models.Index(fields=["topic", "article"], name="articletopic_topic_article_idx"),
                        ],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("article", "topic"),
                                name="articles_article_topics_article_id_topic_id_e17776b6_uniq",
                            ),
                        ],
                    },
                ),
                migrations.AlterField(
                    model_name="article",
                    name="topics",
                    field=models.ManyToManyField(
                        blank=True,
                        help_text="Topics added here stay when the rules are re-applied; a topic a rule gives comes "
                        "back on re-tagging unless the rule changes.",
                        related_name="articles",
                        through="articles.ArticleTopic",
                        to="articles.topic",
                    ),
                ),
                migrations.AddIndex(
                    model_name="person",
                    index=django.contrib.postgres.indexes.GinIndex(
                        django.contrib.postgres.indexes.OpClass(
                            models.Func(models.F("name"), function="na_normalize"), name="gin_trgm_ops"
                        ),
                        name="person_name_normalized_trgm",
                    ),
                ),
            ],
        ),
    ]
