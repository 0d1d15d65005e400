from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def fill_keys(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    from storedesk.core.text import search_key

    tag_model = apps.get_model("customers", "Tag")
    for tag in tag_model.objects.all():
        tag.key = search_key(tag.name)[:60]
        tag.save(update_fields=["key"])


class Migration(migrations.Migration):
    dependencies = [("customers", "0002_customeridentity")]

    operations = [
        migrations.AddField(
            model_name="tag", name="key", field=models.CharField(default="", max_length=60)
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="tag", name="key", field=models.CharField(max_length=60)
        ),
        migrations.RemoveConstraint(model_name="tag", name="customer_tag_name_unique"),
        migrations.AddConstraint(
            model_name="tag",
            constraint=models.UniqueConstraint(
                fields=("store", "key"), name="customer_tag_key_unique"
            ),
        ),
    ]
