"""A GIN index on the text the search matches: (title || body) of each search entry.

The search backend matches `(title || body) @@ query` (modelsearch concatenates the two
vectors); the GIN indexes modelsearch creates are on `title` and on `body` alone, so PostgreSQL
could not use them and read every entry. PostgreSQL only; nothing elsewhere.
"""

from django.db import migrations

INDEX = "cms_search_entry_text_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0013_transfer_kits"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
