"""A month as weeks of days, each with its events: the data of the calendar table."""

import calendar
import datetime
from collections import defaultdict

from django.utils import formats, timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR

__all__ = ["month_grid"]


def first_weekday():
    """Python's weekday number (Monday 0) of the reader's first day of the week."""
    django_first = int(formats.get_format("FIRST_DAY_OF_WEEK"))  # Sunday 0
    return (django_first - 1) % 7


def month_grid(month, events, today=None):
    """{"weekdays": [(full, abbr)], "weeks": [[day, ...]], "previous", "next"} for `month`.

    Each day: date, in_month, is_today, events (each event on every day it covers, in the
    event's own zone).
    """
    today = today or timezone.localdate()
    start = first_weekday()
    weeks = calendar.Calendar(start).monthdatescalendar(month.year, month.month)
    first_day, last_day = weeks[0][0], weeks[-1][-1]
    by_day = defaultdict(list)
    for event in events:
        day = max(event.start_local.date(), first_day)
        end = min(event.end_local.date(), last_day)
        while day <= end:
            by_day[day].append(event)
            day += datetime.timedelta(days=1)
    order = [(start + n) % 7 for n in range(7)]
    previous = (month - datetime.timedelta(days=1)).replace(day=1)
    following = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return {
        "weekdays": [(WEEKDAYS[n], WEEKDAYS_ABBR[n]) for n in order],
        "weeks": [
            [
                {
                    "date": day,
                    "in_month": day.month == month.month,
                    "is_today": day == today,
                    "events": by_day.get(day, []),
                }
                for day in week
            ]
            for week in weeks
        ],
        "previous": previous,
        "next": following,
        "has_events": bool(by_day),
    }
