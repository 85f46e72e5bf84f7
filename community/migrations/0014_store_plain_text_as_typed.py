"""Plain text was HTML-escaped before it was saved ("R&D" stored as "R&amp;D"); it is now stored
as typed and escaped on output. This turns the escapes the old sanitiser added back into the
characters that were typed, in the columns that went through it.

Only values shaped like the old sanitiser's output are changed: no raw "<" or ">", and every "&"
the start of a character reference. Anything else was saved another way (the admin, a script)
and is left alone. Only the three escapes it produced (&amp; &lt; &gt;) are turned back.
"""

import re

from django.db import migrations

COLUMNS = {
    "User": ["display_name", "role", "bio"],
    "OrganisationProposal": ["name", "description"],
    "Idea": ["title", "summary"],
    "Review": ["comment"],
    "DiscussionSpace": ["title", "description"],
    "Thread": ["title"],
    "Post": ["hidden_reason"],
    "MemberBlock": ["reason"],
    "Report": ["details"],
    "ModerationAction": ["reason"],
    "ContributionGroup": ["heading"],
    "ContributionComment": ["text"],
}

_BARE_AMPERSAND = re.compile(r"&(?!#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
_ESCAPE = re.compile(r"&(amp|lt|gt);")


def was_escaped(value):
    return (
        bool(_ESCAPE.search(value))
        and not re.search(r"[<>]", value)
        and not (_BARE_AMPERSAND.search(value))
    )


def unescape(value):
    # One pass, so "&amp;lt;" (a typed "&lt;") becomes "&lt;", not "<".
    return _ESCAPE.sub(lambda match: {"amp": "&", "lt": "<", "gt": ">"}[match[1]], value)


def escape(value):
    # The old storage form, for going back: "&", "<" and ">" escaped (typed references kept).
    value = _BARE_AMPERSAND.sub("&amp;", value)
    return value.replace("<", "&lt;").replace(">", "&gt;")


def _rewrite(apps, change, applies):
    for model_name, fields in COLUMNS.items():
        model = apps.get_model("community", model_name)
        for row in model.objects.only("pk", *fields).iterator():
            changed = {
                name: change(getattr(row, name))
                for name in fields
                if getattr(row, name) and applies(getattr(row, name))
            }
            changed = {name: v for name, v in changed.items() if v != getattr(row, name)}
            if changed:
                model.objects.filter(pk=row.pk).update(**changed)


def store_as_typed(apps, schema_editor):
    _rewrite(apps, unescape, was_escaped)


def escape_again(apps, schema_editor):
    _rewrite(apps, escape, lambda value: True)


class Migration(migrations.Migration):
    dependencies = [("community", "0013_put_member_names_and_titles_on_one_line")]

    operations = [migrations.RunPython(store_as_typed, escape_again)]
