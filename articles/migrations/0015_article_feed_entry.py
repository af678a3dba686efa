"""Feed entries keep their identity (issue 13.4): the feed they came from and their id in it, unique
together, so entries sharing a link are each an article; a URL is unique among the other articles only.
published_at: the moment of publication, beside the publisher's own date (published)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0014_not_a_person'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='article',
            name='article_url_unique',
        ),
        migrations.AddField(
            model_name='article',
            name='entry_id',
            field=models.CharField(blank=True, db_default='', default='', editable=False, help_text='Its id in that feed.', max_length=500),
        ),
        migrations.AddField(
            model_name='article',
            name='feed_url',
            field=models.CharField(blank=True, db_default='', default='', editable=False, help_text='The feed it came from.', max_length=1000),
        ),
        migrations.AddField(
            model_name='article',
            name='published_at',
            field=models.DateTimeField(blank=True, help_text="The moment of publication, when the input gives a time (shown in the site's zone).", null=True),
        ),
        migrations.AddConstraint(
            model_name='article',
            constraint=models.UniqueConstraint(condition=models.Q(('url', ''), _negated=True), fields=('url', 'feed_url', 'entry_id'), name='article_url_unique'),
        ),
        migrations.AddConstraint(
            model_name='article',
            constraint=models.UniqueConstraint(condition=models.Q(('entry_id', ''), _negated=True), fields=('feed_url', 'entry_id'), name='article_feed_entry_unique'),
        ),
        migrations.AddConstraint(
            model_name='article',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('entry_id', ''), ('feed_url', '')), models.Q(models.Q(('feed_url', ''), _negated=True), models.Q(('entry_id', ''), _negated=True)), _connector='OR'), name='article_feed_entry_together'),
        ),
    ]
