"""A feed's outlet is called so in the admin (the field's label): Django's state only, no SQL."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0048_verbose_names_of_quotations_and_people_named'),
    ]

    operations = [
        migrations.AlterField(
            model_name='feed',
            name='source',
            field=models.ForeignKey(blank=True, help_text='The outlet its articles are stored under; empty: the outlet the feed names itself.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='feeds', to='articles.source', verbose_name='outlet'),
        ),
    ]
