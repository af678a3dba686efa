"""The names the admin gives quotations and people named in its change messages: Django's state only, no SQL."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0047_repeated_refresh_by_windows'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='mention',
            options={'verbose_name': 'person named', 'verbose_name_plural': 'people named'},
        ),
        migrations.AlterModelOptions(
            name='quote',
            options={'ordering': ['article', 'position'], 'verbose_name': 'quotation'},
        ),
    ]
