"""Dataset distributions become translatable rows (their title is translated with the page):
each existing row takes its page's language and a key of its own."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def rows_in_their_pages_language(apps, schema_editor):
    DatasetDistribution = apps.get_model("cms", "DatasetDistribution")
    for row in DatasetDistribution.objects.select_related("page"):
        row.locale_id = row.page.locale_id
        row.translation_key = uuid.uuid4()
        row.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0011_home_sections"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="datasetdistribution",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="datasetdistribution",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(rows_in_their_pages_language, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="datasetdistribution",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="datasetdistribution",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="datasetdistribution",
            unique_together={("translation_key", "locale")},
        ),
    ]
