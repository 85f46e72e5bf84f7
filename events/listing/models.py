"""The events section: upcoming first, then the archive; a month calendar; .ics and RSS/Atom."""

import dataclasses
import datetime

from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.coreutils import get_content_languages
from wagtail.fields import RichTextField
from wagtail.models import get_page_models

from cms.exports import ExportableListingMixin
from cms.models.base import BasePage, ListingPageMixin, paginate
from cms.models.snippets import vocabulary_options
from cms.translation_state import set_content_languages
from cms.visibility import visible_pages
from events.calendars.feeds import EventsAtomFeed, EventsRssFeed
from events.calendars.grid import month_grid
from events.calendars.ical import calendar_response
from events.listing.exports import EVENT_COLUMNS
from events.listing.filters import EventFilters
from events.pages.models.base import RICH_TEXT_FEATURES, EventPage
from events.pages.models.choices import SEAT_STATUSES, language_choices
from events.pages.models.fields import code_lookup
from events.registrations.models import Registration

__all__ = [
    "EventIndexPage",
    "event_kinds",
    "filter_events",
    "parse_event_filters",
    "upcoming_located_events",
    "with_seats_taken",
]

FEED_LIMIT = 200


def event_kinds():
    """{type slug: page model} for every creatable kind of event (webinar, focusgroup, ...)."""
    return {
        model._meta.model_name.removesuffix("page"): model
        for model in get_page_models()
        if issubclass(model, EventPage) and model.is_creatable
    }


def month_bounds(month):
    """Aware start and end of a calendar month in the site's zone."""
    zone = timezone.get_default_timezone()
    start = datetime.datetime.combine(month, datetime.time.min, zone)
    following = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return start, datetime.datetime.combine(following, datetime.time.min, zone)


def parse_event_filters(query):
    """EventFilters from a query string, accepting the kinds and languages that exist."""
    return EventFilters.from_query(
        query, types=event_kinds(), languages=[code for code, _n in language_choices()]
    )


def filter_events(qs, filters):
    """`qs` of events narrowed by the listing's filters (None: unfiltered): the one reading of
    EventFilters for the listing, calendar, feeds, exports and the map's GeoJSON."""
    if filters is None:
        return qs
    if filters.type:
        qs = qs.filter(content_type__model=f"{filters.type}page")
    if filters.language:
        qs = qs.filter(**code_lookup("languages", filters.language))
    if filters.country:
        qs = qs.filter(countries__code=filters.country)
    if filters.topic:
        qs = qs.filter(topics__slug=filters.topic)
    if filters.mode == "online":
        qs = qs.filter(attendance__in=["online", "hybrid"])
    elif filters.mode == "in-person":
        qs = qs.filter(attendance__in=["in-person", "hybrid"])
    if filters.month:
        start, end = month_bounds(filters.month)
        qs = qs.filter(start__lt=end, end__gte=start)
    if filters.country or filters.topic:
        qs = qs.distinct()
    return qs


def with_seats_taken(qs):
    """`qs` of events annotated with `seats_taken`: the seats their registration copy holds
    (every language copy shares them), in the same query."""
    seats = (
        Registration.objects.filter(
            event__translation_key=OuterRef("translation_key"), status__in=SEAT_STATUSES
        )
        .order_by()
        .values("event__translation_key")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return qs.annotate(seats_taken=Coalesce(Subquery(seats), Value(0)))


def upcoming_located_events(request, locale, filters=None, text="", now=None):
    """Events of one language tree that have not ended and have a location, visible to this
    reader (the listing's rule), filtered like the listing and by `text` (title or venue);
    soonest first. The map's "upcoming events" layer."""
    now = now or timezone.now()
    qs = filter_events(
        visible_pages(EventPage.objects.filter(locale=locale), request), filters
    ).filter(end__gte=now, latitude__isnull=False, longitude__isnull=False)
    if text:
        qs = qs.filter(Q(title__icontains=text) | Q(venue_name__icontains=text))
    return qs.select_related("content_type").order_by("start", "pk")


class EventIndexPage(ExportableListingMixin, ListingPageMixin, BasePage):
    # Seats left on its cards (cms/page_cache_invalidation.py).
    page_cache_lists = ("events.Registration",)
    menu_group = "take-part"  # cms.navigation

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    api_fields = [*BasePage.api_fields, APIField("introduction")]
    parent_page_types = ["cms.HomePage"]
    max_count_per_parent = 1

    # Open data (cms.exports): `export/csv/` and `export/json/` with the listing's filters.
    export_columns = EVENT_COLUMNS
    export_prefetch = ("locale", "topics", "countries", "organisations")

    class Meta:
        verbose_name = _("events index")

    @classmethod
    def clean_subpage_models(cls):
        # Every kind of event, including those of apps above this one (co-design workshops),
        # without naming them here.
        return list(event_kinds().values())

    def parse_filters(self, request):
        return parse_event_filters(request.GET)

    def events(self, request=None, filters=None):
        """Visible events under this index, filtered, with their taken seats; not ordered."""
        qs = with_seats_taken(
            visible_pages(EventPage.objects.child_of(self), request)
            .select_related("listing_image", "content_type")
            .prefetch_related("listing_image__renditions")
        )
        return filter_events(qs, filters)

    def listing(self, filters=None, request=None, now=None):
        """Upcoming events soonest first, then past events most recent first."""
        now = now or timezone.now()
        is_past = Case(
            When(end__lt=now, then=Value(1)), default=Value(0), output_field=IntegerField()
        )
        upcoming_start = Case(When(end__gte=now, then=F("start")), default=None)
        return (
            self.events(request, filters)
            .annotate(is_past=is_past, upcoming_start=upcoming_start)
            .order_by("is_past", F("upcoming_start").asc(nulls_last=True), "-start", "pk")
        )

    def filter_options(self, request=None):
        # The same for every reader (live children): `request` is the listings' common signature.
        children = EventPage.objects.live().child_of(self)
        used = set(children.values_list("content_type__model", flat=True))
        kinds = [
            (slug, model._meta.verbose_name)
            for slug, model in event_kinds().items()
            if model._meta.model_name in used
        ]
        spoken = set()
        for codes in children.values_list("languages", flat=True):
            spoken.update(codes)
        return {
            **vocabulary_options(children),
            "types": kinds,
            "languages": [(c, n) for c, n in language_choices() if c in spoken],
            "modes": [("online", _("Online")), ("in-person", _("In person"))],
        }

    def listing_context(self, request, filters):
        results = paginate(self.listing(filters, request), filters.page)
        # Cards say when a page is not translated yet: one query for the whole page of results.
        items = results.object_list = set_content_languages(results.object_list)
        return {
            "filters": filters,
            "results": results,
            "upcoming": [item for item in items if not item.is_past],
            "past": [item for item in items if item.is_past],
            "options": self.cached_filter_options(request),
            "content_languages": dict(get_content_languages()),
        }

    @path("")
    def index_route(self, request):
        filters = self.parse_filters(request)
        return self.render(request, context_overrides=self.listing_context(request, filters))

    @path("calendar/", name="calendar")
    def calendar_route(self, request):
        filters = self.parse_filters(request)
        month = filters.month or timezone.localdate().replace(day=1)
        events = self.events(request, dataclasses.replace(filters, month=month))
        return self.render(
            request,
            template="pages/eventindexpage_calendar.html",
            context_overrides={
                "filters": filters,
                "month": month,
                "grid": month_grid(month, set_content_languages(events.order_by("start", "pk"))),
                "options": self.cached_filter_options(request),
            },
        )

    def feed_events(self, request, filters):
        return self.events(request, filters).order_by("-start", "pk")[:FEED_LIMIT]

    @path("ics/", name="ical")
    def ical_route(self, request):
        filters = self.parse_filters(request)
        return calendar_response(
            self.feed_events(request, filters), request, filename="events.ics", name=self.title
        )

    @path("rss/", name="rss")
    def rss_route(self, request):
        return EventsRssFeed(self, self.parse_filters(request))(request)

    @path("atom/", name="atom")
    def atom_route(self, request):
        return EventsAtomFeed(self, self.parse_filters(request))(request)
