"""Feeds (migration 0018) for the staff groups: Editors subscribe to, change, pause and remove feeds (their
articles stay); Viewers see them and their state."""

from django.db import migrations

GRANTS = {
    "Editors": ["add_feed", "change_feed", "delete_feed", "view_feed"],
    "Viewers": ["view_feed"],
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
        ("articles", "0022_quote_person_search"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
