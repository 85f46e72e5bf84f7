"""Events as open data: the CSV and JSON exports of the events listing (cms.exports machinery)
and the GeoJSON of upcoming events that the map page shows as a layer.

Columns are fixed and documented in docs/open-data.md: new ones only at the end. No personal
data: organisations are named, never organisers, speakers, registrants or join links; the only
figure about registrations is the count of seats taken.
"""

import datetime

from django.utils import timezone
from django.utils.formats import date_format

from cms.exports import Column, common_columns

__all__ = ["EVENT_COLUMNS", "event_feature", "event_kind", "registration_mode"]


def event_kind(page):
    """The listing's type slug (`webinar`, `focusgroup`, `codesignworkshop`, ...)."""
    return page.content_type.model.removesuffix("page")


def registration_mode(page):
    """`registration` (seat or waitlist), `application` (approved by the organisers) or `off`
    (no registration on this site)."""
    if not page.registration_enabled:
        return "off"
    model = page.specific_class
    return model.participation if model else page.participation


def _instant(value):
    """An aware datetime in UTC, ISO 8601 (`2026-05-04T08:00:00Z`): comparable across zones."""
    if value is None:
        return None
    return timezone.localtime(value, datetime.UTC).isoformat().replace("+00:00", "Z")


def _number(value):
    return float(value) if value is not None else None


EVENT_COLUMNS = [
    *common_columns(event_kind),
    Column("start", lambda page, ctx: _instant(page.start)),
    Column("end", lambda page, ctx: _instant(page.end)),
    Column("time_zone", lambda page, ctx: page.time_zone),
    Column("attendance", lambda page, ctx: page.attendance),
    Column("venue", lambda page, ctx: page.venue_name),
    Column("address", lambda page, ctx: " ".join(page.venue_address.split())),
    Column("latitude", lambda page, ctx: _number(page.latitude)),
    Column("longitude", lambda page, ctx: _number(page.longitude)),
    Column("languages", lambda page, ctx: list(page.languages or [])),
    Column("countries", lambda page, ctx: [country.code for country in page.countries.all()]),
    Column("topics", lambda page, ctx: [topic.slug for topic in page.topics.all()]),
    Column("organisations", lambda page, ctx: [org.name for org in page.organisations.all()]),
    Column("registration", lambda page, ctx: registration_mode(page)),
    Column("capacity", lambda page, ctx: page.capacity),
    Column("seats_taken", lambda page, ctx: getattr(page, "seats_taken", None)),
]


def event_feature(page, request=None):
    """One upcoming event as a GeoJSON Point feature (RFC 7946: longitude first)."""
    return {
        "type": "Feature",
        "geometry": page.point_geometry(),
        "properties": {
            "title": page.title,
            "url": page.get_url(request),
            "kind": event_kind(page),
            "kind_label": str(page.kind_label()),
            "start": _instant(page.start),
            "end": _instant(page.end),
            "time_zone": page.time_zone,
            # Shown in the map's pop-up: when (in the reader's language) and where.
            "when": date_format(page.start_local, "DATETIME_FORMAT"),
            "place": page.location_text(),
            "summary": page.summary,
        },
    }
