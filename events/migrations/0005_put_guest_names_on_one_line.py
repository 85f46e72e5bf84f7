"""Guest names saved before one-line fields refused control characters: their line breaks, tabs
and other control characters become spaces, so no saved name adds lines to an email."""

import unicodedata

from django.db import migrations

REFUSED = {"Cc", "Zl", "Zp"}


def one_line(value):
    # A frozen copy of cms.text.one_line: migrations do not follow later code changes.
    text = "".join(" " if unicodedata.category(char) in REFUSED else char for char in value)
    return " ".join(text.split())


def put_on_one_line(apps, schema_editor):
    registration = apps.get_model("events", "Registration")
    for row in registration.objects.exclude(guest_name="").only("pk", "guest_name").iterator():
        if any(unicodedata.category(char) in REFUSED for char in row.guest_name):
            registration.objects.filter(pk=row.pk).update(guest_name=one_line(row.guest_name))


class Migration(migrations.Migration):
    dependencies = [("events", "0004_one_line_text_refuses_control_characters")]

    # Nothing to undo: the control characters were never meant to be there.
    operations = [migrations.RunPython(put_on_one_line, migrations.RunPython.noop)]
