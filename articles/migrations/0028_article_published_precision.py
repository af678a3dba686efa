"""Article.published_precision: "2017" or "April 2017" kept as such (issue 14.6), the date being the first day of
the month or year. A column with a constant default is added without rewriting the table; every article stored
so far keeps "day"."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0027_quote_speaker_kind"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="published_precision",
            field=models.CharField(
                choices=[("day", "the day"), ("month", "the month only"), ("year", "the year only")],
                db_default="day",
                default="day",
                help_text="Only the month or the year when that is all the source says; the date is then its first day.",
                max_length=5,
                verbose_name="date known to",
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("published_precision", "day"),
                    models.Q(("published__day", 1), ("published__isnull", False), ("published_precision", "month")),
                    models.Q(
                        ("published__day", 1),
                        ("published__isnull", False),
                        ("published__month", 1),
                        ("published_precision", "year"),
                    ),
                    _connector="OR",
                ),
                name="article_published_precision",
            ),
        ),
    ]
