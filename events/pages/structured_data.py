"""schema.org Event JSON-LD for an event page (https://schema.org/Event)."""

import json

from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

__all__ = ["event_json_ld", "json_ld_script"]

ATTENDANCE_MODES = {
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "in-person": "https://schema.org/OfflineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}


def event_json_ld(page, request=None, summary=None):
    """The event as a schema.org object. Never the join link: it is for registrants only."""
    url = page.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "startDate": page.start_local.isoformat(),
        "endDate": page.end_local.isoformat(),
        "eventAttendanceMode": ATTENDANCE_MODES.get(page.attendance, ATTENDANCE_MODES["in-person"]),
        "eventStatus": "https://schema.org/EventScheduled",
        "url": url,
        "inLanguage": page.languages or [page.locale.language_code],
    }
    if page.summary:
        data["description"] = page.summary
    locations = []
    if page.is_in_person:
        place = {"@type": "Place", "name": page.venue_name or page.title}
        if page.venue_address:
            place["address"] = " ".join(page.venue_address.split())
        if page.latitude is not None and page.longitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(page.latitude),
                "longitude": float(page.longitude),
            }
        locations.append(place)
    if page.is_online:
        locations.append({"@type": "VirtualLocation", "url": url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    organisers = [{"@type": "Organization", "name": org.name} for org in page.organisation_list]
    if organisers:
        data["organizer"] = organisers
    if summary and page.capacity is not None:
        data["maximumAttendeeCapacity"] = page.capacity
        data["remainingAttendeeCapacity"] = summary["left"]
    return data


def json_ld_script(data):
    """A <script type="application/ld+json"> element, escaped like Django's json_script."""
    text = json.dumps(data, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
