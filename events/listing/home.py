"""The home page's "next events" section (cms.home_sections), registered from EventsConfig.

The events come from the listing's own rule (`visible_pages` under the home page's language
tree, with the seats counted as the listing counts them), so the home page shows no event the
events index would hide.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.home_sections import HomeSection, first_visible, register
from cms.translation_state import set_content_languages
from cms.visibility import visible_pages
from events.listing.models import EventIndexPage, with_seats_taken
from events.pages.models.base import EventPage

__all__ = ["next_events", "register_sections"]


def next_events(request, home, limit, now=None):
    """The `limit` soonest events of this language tree that have not ended, with seats left
    (`seats_left`: None when unlimited), and the events index for the "all events" link."""
    now = now or timezone.now()
    events = list(
        with_seats_taken(visible_pages(EventPage.objects.descendant_of(home), request))
        .filter(end__gte=now)
        .select_related("content_type")
        .order_by("start", "pk")[:limit]
    )
    set_content_languages(events)
    for event in events:
        event.seats_left = (
            None if event.capacity is None else max(event.capacity - event.seats_taken, 0)
        )
    index = first_visible(request, home, EventIndexPage)
    if index is None and not events:
        return None
    return {
        "items": events,
        "more_url": index.get_url(request) if index else "",
        "more_label": _("All events"),
        "empty_text": _("No events are planned at the moment."),
    }


def register_sections():
    register(
        HomeSection(
            key="events",
            label=_("Next events"),
            context=next_events,
            template="events/home/next_events.html",
            position=20,
            # Seats left: the home page in the page cache is purged at each registration.
            shows=("events.Registration",),
        )
    )
