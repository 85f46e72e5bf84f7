"""Rows saved before one-line fields refused control characters: their line breaks, tabs and
other control characters become spaces, so no saved name or title adds lines to an email."""

import unicodedata

from django.db import migrations

# The one-line columns members type (cms.text.validate_single_line now guards them).
COLUMNS = {
    "User": ["display_name", "first_name", "last_name", "role"],
    "OrganisationProposal": ["name"],
    "Idea": ["title"],
    "ConflictOfInterest": ["reason"],
    "ContributionGroup": ["heading"],
    "DiscussionSpace": ["title"],
    "Thread": ["title"],
}


REFUSED = {"Cc", "Zl", "Zp"}


def one_line(value):
    # A frozen copy of cms.text.one_line: migrations do not follow later code changes.
    text = "".join(
        " " if unicodedata.category(char) in REFUSED else char for char in value
    )
    return " ".join(text.split())


def put_on_one_line(apps, schema_editor):
    for model_name, fields in COLUMNS.items():
        model = apps.get_model("community", model_name)
        for row in model.objects.only("pk", *fields).iterator():
            # Only values holding a control character change; others keep their spacing.
            changed = {
                name: one_line(getattr(row, name))
                for name in fields
                if any(unicodedata.category(c) in REFUSED for c in getattr(row, name))
            }
            if changed:
                model.objects.filter(pk=row.pk).update(**changed)


class Migration(migrations.Migration):
    dependencies = [("community", "0012_one_line_text_refuses_control_characters")]

    # Nothing to undo: the control characters were never meant to be there.
    operations = [migrations.RunPython(put_on_one_line, migrations.RunPython.noop)]
