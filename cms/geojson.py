"""The map's GeoJSON endpoints: a bounding box, a bounded limit, filtered in the database and
cached.

Query parameters (every GeoJSON endpoint of the map: the map page's layers and a pilot-action
index's `geojson/` route), besides each listing's own filters:

- `bbox=minlon,minlat,maxlon,maxlat` (RFC 7946 order, degrees): only the points inside. A
  `minlon` greater than `maxlon` crosses the antimeridian. The box is rounded outwards to
  0.01° so nearby views share cache entries; points up to 0.01° outside it may come along.
- `limit`: at most this many features, `DEFAULT_LIMIT` (500) when absent, at most
  `MAX_LIMIT` (2,000). The collection says `"truncated": true` when more points matched.

Bad values answer 400 with `{"error": "..."}` saying what to send.

The maps fetch once, without a box (they fit the view to what they get), so their first load
is bounded by the default limit.

Anonymous answers are cached (cms.content_cache, key: layer, language, host, filters, rounded
box, limit) until a page or a directory entry changes; a member's answer, or that of a visitor
who passed a page password, can hold pages only they may see, so it is built each time
(cms.visibility.sees_what_anyone_sees).
"""

import hashlib
import math
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import Q
from django.http import JsonResponse
from django.utils.translation import get_language, gettext

from cms.content_cache import GEOJSON, cached
from cms.visibility import sees_what_anyone_sees

__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "GeoJSONQueryError", "geojson_view", "parse_bbox"]

DEFAULT_LIMIT = 500
MAX_LIMIT = 2_000
BBOX_STEP = Decimal("0.01")


class GeoJSONQueryError(ValueError):
    pass


def _round_out(value, up):
    steps = value / BBOX_STEP
    steps = math.ceil(steps) if up else math.floor(steps)
    return Decimal(steps) * BBOX_STEP


def parse_bbox(value):
    """(minlon, minlat, maxlon, maxlat) as Decimals rounded outwards, or None when absent."""
    if value is None or value == "":
        return None
    message = gettext(
        "bbox must be four numbers separated by commas: minimum longitude, minimum latitude, "
        "maximum longitude, maximum latitude (longitudes -180 to 180, latitudes -90 to 90)."
    )
    parts = value.split(",")
    if len(parts) != 4:
        raise GeoJSONQueryError(message)
    try:
        numbers = [Decimal(part.strip()) for part in parts]
    except ArithmeticError:
        raise GeoJSONQueryError(message) from None
    if not all(number.is_finite() for number in numbers):
        raise GeoJSONQueryError(message)
    minlon, minlat, maxlon, maxlat = numbers
    if not (-180 <= minlon <= 180 and -180 <= maxlon <= 180):
        raise GeoJSONQueryError(message)
    if not (-90 <= minlat <= 90 and -90 <= maxlat <= 90):
        raise GeoJSONQueryError(message)
    if minlat > maxlat:
        raise GeoJSONQueryError(
            gettext("bbox: the minimum latitude must not be greater than the maximum latitude.")
        )
    return (
        max(_round_out(minlon, up=False), Decimal(-180)),
        max(_round_out(minlat, up=False), Decimal(-90)),
        min(_round_out(maxlon, up=True), Decimal(180)),
        min(_round_out(maxlat, up=True), Decimal(90)),
    )


def parse_limit(value):
    if value is None or value == "":
        return DEFAULT_LIMIT
    if not value.isdigit() or not 1 <= int(value) <= MAX_LIMIT:
        raise GeoJSONQueryError(
            gettext("limit must be a whole number from 1 to %(max)s.") % {"max": MAX_LIMIT}
        )
    return int(value)


def within(queryset, bbox):
    """`queryset` narrowed, in the database, to the points inside `bbox`."""
    queryset = queryset.exclude(latitude=None).exclude(longitude=None)
    if bbox is None:
        return queryset
    minlon, minlat, maxlon, maxlat = bbox
    queryset = queryset.filter(latitude__gte=minlat, latitude__lte=maxlat)
    if minlon <= maxlon:
        return queryset.filter(longitude__gte=minlon, longitude__lte=maxlon)
    # Across the antimeridian: east of minlon or west of maxlon.
    return queryset.filter(Q(longitude__gte=minlon) | Q(longitude__lte=maxlon))


def _error(message):
    return JsonResponse({"error": message}, status=400)


def geojson_view(request, layer, items, features, timeout=None):
    """The GeoJSON answer for one layer: `items()` gives the layer's queryset (this reader's
    filters and visibility applied), `features(rows)` the GeoJSON features of the rows kept
    (all at once, so a layer can read what they share in one query: the pilots' origins).
    `timeout`: seconds an answer may be reused, for a layer that changes with time alone
    (upcoming events)."""
    try:
        bbox = parse_bbox(request.GET.get("bbox"))
        limit = parse_limit(request.GET.get("limit"))
    except GeoJSONQueryError as error:
        return _error(str(error))

    def build():
        rows = list(within(items(), bbox)[: limit + 1])
        return {
            "type": "FeatureCollection",
            "features": features(rows[:limit]),
            "limit": limit,
            "truncated": len(rows) > limit,
        }

    if not sees_what_anyone_sees(request):
        # A member, or a visitor who passed a page password: pages only they may see.
        collection = build()
    else:
        filters = sorted(
            (key, value)
            for key, values in request.GET.lists()
            if key not in {"bbox", "limit"}
            for value in values
        )
        digest = hashlib.sha256(urlencode(filters).encode()).hexdigest()[:16]
        box = ",".join(map(str, bbox)) if bbox else "all"
        parts = [layer, get_language(), request.get_host(), digest, box, limit]
        options = {"timeout": timeout} if timeout else {}
        # The layer's pages (a queryset built, not read): their own rules of time only.
        collection = cached(GEOJSON, parts, build, pages=items().model, **options)
    response = JsonResponse(collection)
    response["Content-Type"] = "application/geo+json"
    return response
