"""iCalendar (RFC 5545) for events: one event, a filtered list, or a feed to subscribe to.

Times carry the event's own zone (TZID with a VTIMEZONE), so calendar programs show them right
in any zone. Each event's UID is made of its translation key: the same in every language copy
and on every download, so a calendar updates the event instead of duplicating it.
"""

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, vGeo

from cms.mail import base_url

__all__ = ["build_calendar", "calendar_response", "event_component", "event_uid"]

PRODID = "-//OpenSocialCluster//Events//EN"


def event_uid(page):
    host = base_url().split("://")[-1].split("/")[0] or "opensocialcluster"
    return f"event-{page.translation_key}@{host}"


def _absolute(page, request=None):
    url = page.get_url(request)
    if url and url.startswith("/"):
        url = request.build_absolute_uri(url) if request else base_url() + url
    return url or ""


def event_component(page, request=None, *, join_url="", cancelled=False):
    component = Event()
    component.add("uid", event_uid(page))
    component.add("dtstamp", page.last_published_at or page.first_published_at or timezone.now())
    component.add("dtstart", page.start_local)
    component.add("dtend", page.end_local)
    component.add("summary", page.title)
    url = _absolute(page, request)
    description = [page.summary] if page.summary else []
    if join_url:
        description.append(join_url)
    description.append(url)
    component.add("description", "\n\n".join(description))
    if url:
        component.add("url", url)
    location = page.location_text()
    if join_url and not location:
        location = join_url
    if location:
        component.add("location", location)
    if page.latitude is not None and page.longitude is not None:
        component.add("geo", vGeo((float(page.latitude), float(page.longitude))))
    component.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if page.last_published_at:
        component.add("last-modified", page.last_published_at)
    return component


def build_calendar(pages, request=None, *, name="", method="PUBLISH", components=None):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    for page in pages:
        calendar.add_component(event_component(page, request))
    for component in components or []:
        calendar.add_component(component)
    calendar.add_missing_timezones()
    return calendar


def calendar_response(pages, request, *, filename, name="", attachment=False):
    body = build_calendar(pages, request, name=name).to_ical()
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
