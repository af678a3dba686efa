"""Names staff decided are not people (NotAPerson). Editors may record and remove such decisions;
Viewers see them."""

from django.db import migrations, models

GRANTS = {
    "Editors": ["add_notaperson", "view_notaperson", "delete_notaperson"],
    "Viewers": ["view_notaperson"],
}


def grant(apps, schema_editor):
    # Permissions are normally created after migrate; create them now so the groups can hold them.
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="articles", codename__in=codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(*Permission.objects.filter(content_type__app_label="articles", codename__in=codenames))


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0013_article_topic_through'),
    ]

    operations = [
        migrations.CreateModel(
            name='NotAPerson',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200)),
                ('normalized', models.GeneratedField(db_persist=True, expression=models.Func(models.F('name'), function='na_normalize'), output_field=models.CharField(max_length=200))),
                ('created', models.DateTimeField(auto_now_add=True)),
            ],
            options={
                'verbose_name': 'name that is not a person',
                'verbose_name_plural': 'names that are not people',
                'ordering': ['name'],
                'constraints': [models.UniqueConstraint(fields=('normalized',), name='notaperson_normalized_unique'), models.CheckConstraint(condition=models.Q(('name', ''), _negated=True), name='notaperson_name_not_empty')],
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
