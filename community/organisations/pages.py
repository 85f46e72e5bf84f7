"""What an organisation's public page shows: its visible people, pilot actions, events and
published ideas (added by the ideas capability, see community.organisations.signals), each in
the reader's language and through the one visibility rule."""

from django.apps import apps
from django.db.models import Q
from wagtail.models import Locale

from cms.models import PilotActionPage
from cms.visibility import visible_pages
from community.organisations.permissions import visible_organisation_people
from community.organisations.signals import activity_requested

__all__ = ["organisation_activity"]


def _reader_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


def organisation_activity(organisation, request):
    key = organisation.translation_key
    locale = _reader_locale()
    pilots = visible_pages(
        PilotActionPage.objects.filter(
            Q(partners__translation_key=key) | Q(lead_partner__translation_key=key),
            locale=locale,
        ).distinct(),
        request,
    ).order_by("title")
    events = []
    if apps.is_installed("events"):
        EventPage = apps.get_model("events", "EventPage")
        events = visible_pages(
            EventPage.objects.filter(organisations__translation_key=key, locale=locale).distinct(),
            request,
        ).order_by("-start")[:20]
    activity = {
        "people": visible_organisation_people(organisation, request.user),
        "pilot_actions": pilots,
        "events": events,
    }
    # Capabilities above this one (ideas) add their own sections.
    for _receiver, sections in activity_requested.send(
        sender=type(organisation), organisation=organisation, request=request
    ):
        activity.update(sections)
    return activity
