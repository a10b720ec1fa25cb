from django.db import migrations


def create_moderators_group(apps, schema_editor):
    """The "Moderators" group moderates every reader comment. Members also
    need Wagtail admin access to reach the screens."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, _ = Group.objects.get_or_create(name="Moderators")
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    comment_type, _ = ContentType.objects.get_or_create(
        app_label="comments", model="readercomment"
    )
    moderate, _ = Permission.objects.get_or_create(
        content_type=comment_type, codename="moderate_readercomment",
        defaults={"name": "Can moderate all reader comments"},
    )
    group.permissions.add(access_admin, moderate)


def remove_moderators_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Moderators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_moderators_group, remove_moderators_group)]
