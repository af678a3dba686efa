"""Quotation search and the same words elsewhere (issue 14.1, 14.2): each quotation's own search document
(Quote.search_vector, generated) with its GIN index, and a hash index on its text with quotation marks,
case, accents, whitespace and punctuation folded (models.quote_key()), which finds the same quotation in
other articles and counts the outlets that carried it."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0018_feed"),
    ]

    operations = [
        migrations.AddField(
            model_name="quote",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.contrib.postgres.search.SearchVector("text", config="newsarchive"),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddIndex(
            model_name="quote",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_vector"], name="quote_search_gin"),
        ),
        migrations.AddIndex(
            model_name="quote",
            index=django.contrib.postgres.indexes.HashIndex(
                models.Func(
                    models.Func(
                        models.F("text"),
                        models.Value("[^[:alnum:][:space:]]+"),
                        models.Value(" "),
                        models.Value("g"),
                        function="regexp_replace",
                    ),
                    function="na_normalize",
                    output_field=models.TextField(),
                ),
                name="quote_text_key_hash",
            ),
        ),
    ]
