"""Two indexes for the site search on PostgreSQL (nothing elsewhere).

- A GIN index on the text the search matches: (title || body) of each search entry. The search
  backend matches `(title || body) @@ query` (modelsearch concatenates the two vectors); the GIN
  indexes modelsearch creates are on `title` and on `body` alone, so PostgreSQL could not use
  them and read every entry.
- An index on a page's id as text: search entries name their object by a text id, and the
  join `page.id::varchar = entry.object_id` read every page (8 ms at 50,000 pages for a word
  found on 27) where it can now look up the few pages the entries name.
"""

from django.db import migrations

INDEXES = {
    "cms_search_entry_text_gin": "wagtailsearch_indexentry USING gin ((title || body))",
    # The expression exactly as Django writes the generic relation's join, or it is not used.
    "cms_page_id_as_text": "wagtailcore_page ((((id)::character varying(50))::text))",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0013_transfer_kits"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
