"""Whose clock: an event shows in its own zone, and for a signed-in member also in theirs.

The member's zone is the profile preference the community app adds (`User.time_zone`); the
events app reads it without importing community, and falls back to the site's zone.
"""

import zoneinfo

from django.conf import settings
from django.utils import timezone

__all__ = ["reader_times", "zone_for_user"]


def zone_for_user(user):
    name = getattr(user, "time_zone", "") if user is not None else ""
    try:
        return zoneinfo.ZoneInfo(name or settings.TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def reader_times(event, user):
    """The event's start and end in the member's zone, or None when it is the event's zone
    (or the reader is not signed in)."""
    if user is None or not user.is_authenticated:
        return None
    zone = zone_for_user(user)
    start, end = timezone.localtime(event.start, zone), timezone.localtime(event.end, zone)
    # Same offset at that moment (Rome and Paris): nothing new to show.
    if start.utcoffset() == event.start_local.utcoffset():
        return None
    return {"start": start, "end": end, "zone": str(zone)}
