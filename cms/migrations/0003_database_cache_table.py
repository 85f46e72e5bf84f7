"""Create the database cache table when production falls back to it (no REDIS_URL).

Rate limits must be shared by every app server (settings/production.py); with the database
cache that needs its table, which `migrate` now creates like every other table. A no-op where
no database cache is configured (development, tests, Redis).
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("cms", "0002_footer_text_per_language")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
