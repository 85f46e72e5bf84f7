"""The map page's events layer: upcoming located events as a list and as GeoJSON."""

from wagtail.models import Locale

from cms.geojson import geojson_view
from cms.opendata.filters import DirectoryFilters
from events.listing.exports import event_feature
from events.listing.models import parse_event_filters, upcoming_located_events
from events.pages.models import EventPage


def map_events(request):
    """The map page's "upcoming events" layer: events of this language that have not ended and
    have a location, visible to this reader, soonest first. Used by the GeoJSON below and, for
    the list under the map, by cms's MapPage (settings.MAP_EVENTS_LIST).

    Takes the events listing's filters (type, language, country, mode, topic, month) and the
    map's: `q` searches title and venue; region, kind of entity, sector and CPV code are
    properties events do not have, so any of them leaves the layer empty (as CPV codes do for
    premises on the map)."""
    shared = DirectoryFilters.from_query(request.GET)
    if shared.region or shared.kind or shared.sector or shared.cpv:
        return EventPage.objects.none()
    return upcoming_located_events(
        request, Locale.get_active(), parse_event_filters(request.GET), text=shared.q
    )


def upcoming_geojson(request):
    """The map's events layer as an RFC 7946 FeatureCollection, with the map's bounding box
    and limit (cms.geojson). Cached for a minute at most: an event leaves the layer when it
    ends, which no signal announces."""
    response = geojson_view(
        request,
        "events:upcoming",
        lambda: map_events(request),
        lambda events: [event_feature(event, request) for event in events],
        timeout=60,
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
