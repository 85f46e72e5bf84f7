"""Every date and time shown to a reader says which time zone it is in.

Events name their zone; discussions, notifications, ideas, moderation and privacy pages used to
print `DATETIME_FORMAT` alone, so a member could not tell 14:24 in Rome from 14:24 in Athens.
Templates print a date with a time through `{% datetime_with_zone %}` (emails:
`{% datetime_with_zone_text %}`), or name the zone on the same line (events show theirs).
"""

import datetime
import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import formats, timezone, translation

ROOT = Path(__file__).resolve().parent.parent
DATETIME = re.compile(r"""date:["'](SHORT_)?DATETIME_FORMAT["']""")
NAMES_A_ZONE = re.compile(r"""time_zone|zone\b|date:["']T["']""")


def template_files():
    for folder in ("templates", "cms", "community", "events"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in {".html", ".txt"} and "templates" in path.parts:
                yield path


def unzoned_datetimes(text):
    return [
        number
        for number, line in enumerate(text.splitlines(), 1)
        if DATETIME.search(line) and not NAMES_A_ZONE.search(line)
    ]


def test_the_check_flags_a_bare_datetime_and_accepts_one_with_its_zone():
    assert unzoned_datetimes('{{ post.created_at|date:"DATETIME_FORMAT" }}') == [1]
    assert unzoned_datetimes("{{ when|date:'SHORT_DATETIME_FORMAT' }}") == [1]
    assert unzoned_datetimes('{{ start|date:"DATETIME_FORMAT" }} ({{ event.time_zone }})') == []
    assert unzoned_datetimes('{{ day|date:"DATE_FORMAT" }}') == []


def test_no_template_shows_a_date_and_time_without_its_zone():
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in template_files()
        for line in unzoned_datetimes(path.read_text())
    ]
    assert found == []


@pytest.mark.parametrize("language", ["en", "sl", "ar"])
def test_a_datetime_is_shown_in_the_readers_format_followed_by_its_zone(language):
    moment = datetime.datetime(2026, 12, 6, 13, 24, tzinfo=datetime.UTC)
    with translation.override(language), timezone.override("Europe/Athens"):
        # 13:24 UTC is 15:24 in Athens: the tag converts to the reader's zone and names it.
        expected = formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")
        html = Template("{% load bidi_tags %}{% datetime_with_zone moment %}").render(
            Context({"moment": moment})
        )
        text = Template("{% load bidi_tags %}{% datetime_with_zone_text moment %}").render(
            Context({"moment": moment})
        )
    assert " ".join(re.sub(r"<[^>]+>", " ", html).split()) == " ".join(f"{expected} EET".split())
    assert text == f"{expected} EET"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("sl", "6. decembra 2026 ob 14.24"),  # the month in the genitive, "ob" before the time
        ("el", "6 Δεκεμβρίου 2026, 14:24"),
        ("hr", "6. prosinca 2026."),
    ],
)
def test_dates_read_as_a_native_reader_writes_them(language, expected):
    moment = datetime.datetime(2026, 12, 6, 14, 24)
    with translation.override(language):
        shown = formats.date_format(moment, "DATETIME_FORMAT")
    assert shown.startswith(expected)
