"""An article's language (issue 13.5): its ISO 639-1 code as detected (articles.ingest.language), empty when
unknown; the language filter reads article_language_published_idx. Articles stored before this have an empty
language until `manage.py detect_languages` fills it in."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0015_article_feed_entry"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="language",
            field=models.CharField(
                blank=True,
                db_default="",
                default="",
                editable=False,
                help_text="Language of the text (ISO 639-1 code, detected); empty when unknown or too short to tell.",
                max_length=2,
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                models.F("language"),
                models.OrderBy(models.F("published"), descending=True, nulls_last=True),
                models.OrderBy(models.F("id"), descending=True),
                name="article_language_published_idx",
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.CheckConstraint(
                condition=models.Q(("language__regex", "^([a-z]{2})?$")), name="article_language_iso639_1"
            ),
        ),
    ]
