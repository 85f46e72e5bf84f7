"""The event base every kind of event extends: when, where, who, and how to take part.

A concrete table that editors cannot create directly (`is_creatable = False`): webinars, focus
groups and the community app's co-design workshops extend it, so one query lists, filters and
orders every kind of event together.
"""

import zoneinfo
from datetime import timedelta
from functools import cached_property

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import BodyBlock
from cms.models.base import BasePage
from cms.models.location import Located
from cms.text import validate_single_line
from events.calendars.ical import calendar_response
from events.pages.blocks import CapBlock
from events.pages.caps import caps_from_stream
from events.pages.models.choices import Attendance, language_choices
from events.pages.models.fields import CodeListField

__all__ = ["EventPage", "EventPageForm", "time_zone_choices"]

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
# Times the editor types are wall-clock times in the event's own zone.
ZONED_FIELDS = ("start", "end", "registration_opens", "registration_closes")


def time_zone_choices():
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("Choose a time zone from the list."))


class EventPageForm(WagtailAdminPageForm):
    """Shows and reads the event's times in the event's own time zone, not the editor's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = self._zone(self.instance.time_zone)
        for name in ZONED_FIELDS:
            value = getattr(self.instance, name, None)
            if name in self.fields and value is not None:
                self.initial[name] = timezone.localtime(value, zone).replace(tzinfo=None)

    @staticmethod
    def _zone(name):
        try:
            return zoneinfo.ZoneInfo(name or settings.TIME_ZONE)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(settings.TIME_ZONE)

    def clean(self):
        cleaned = super().clean()
        zone = self._zone(cleaned.get("time_zone"))
        current = timezone.get_current_timezone()
        for name in ZONED_FIELDS:
            value = cleaned.get(name)
            if value is not None:
                wall = timezone.make_naive(value, current)
                cleaned[name] = wall.replace(tzinfo=zone)
        return cleaned


class EventPage(RoutablePageMixin, Located, BasePage):
    # Seats left: a registration purges its event's pages from the page cache, every language
    # copy (`Registration.page_cache_pages`, cms/page_cache_invalidation.py), not other events'.
    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=settings.TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("Start, end and registration times are in this zone."),
    )
    attendance = models.CharField(
        _("how to attend"), max_length=20, choices=Attendance.choices, default=Attendance.IN_PERSON
    )
    venue_name = models.CharField(
        _("venue"), max_length=200, blank=True, validators=[validate_single_line]
    )
    venue_address = models.TextField(_("address"), blank=True)
    registration_enabled = models.BooleanField(
        _("registration on this site"),
        default=True,
        help_text=_("Untick for events that take no registrations here."),
    )
    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    caps = StreamField(
        [("cap", CapBlock())],
        blank=True,
        verbose_name=_("caps for balanced participation"),
    )
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Empty: registration closes when the event starts."),
    )
    allow_guests = models.BooleanField(
        _("guests may register"),
        default=False,
        help_text=_("People without an account register with their email and confirm by link."),
    )
    languages = CodeListField(
        _("languages spoken"), choices_source=language_choices, max_length=120
    )
    organisations = ParentalManyToManyField(
        "cms.Organisation", verbose_name=_("organised by"), blank=True, related_name="+"
    )
    organisers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organisers"),
        blank=True,
        related_name="organised_events",
        help_text=_("Members who run this event's registrations (they need admin access)."),
    )
    programme = StreamField(BodyBlock(), blank=True, verbose_name=_("programme"))
    related_pilot_actions = ParentalManyToManyField(
        "cms.PilotActionPage", verbose_name=_("related pilot actions"), blank=True, related_name="+"
    )
    related_publications = StreamField(
        [
            (
                "publication",
                blocks.PageChooserBlock(
                    label=_("Publication"), page_type=["cms.WhitePaperPage", "cms.PolicyBriefPage"]
                ),
            )
        ],
        blank=True,
        verbose_name=_("related publications"),
    )
    topics = ParentalManyToManyField(
        "cms.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )
    countries = ParentalManyToManyField(
        "cms.Country", verbose_name=_("countries"), blank=True, related_name="+"
    )

    base_form_class = EventPageForm
    is_creatable = False
    # How members take part: "registration" (seat or waitlist) or "application" (approved).
    participation = "registration"

    when_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                # Choices in the widget, not the model: no migration when the zone list changes.
                FieldPanel("time_zone", widget=forms.Select(choices=time_zone_choices)),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldPanel("capacity"),
                FieldRowPanel(
                    [FieldPanel("registration_opens"), FieldPanel("registration_closes")]
                ),
                FieldPanel("allow_guests"),
                FieldPanel("caps"),
            ],
            heading=_("Registration"),
        ),
    ]
    about_panels = [
        FieldPanel("languages"),
        FieldPanel("organisations"),
        FieldPanel("organisers"),
        FieldPanel("topics"),
        FieldPanel("countries"),
        FieldPanel("introduction"),
        FieldPanel("programme"),
        FieldPanel("related_pilot_actions"),
        FieldPanel("related_publications"),
    ]
    content_panels = [*BasePage.content_panels, *when_panels, *about_panels]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("programme"),
        index.SearchField("venue_name"),
        index.FilterField("start"),
    ]
    # Never the join link or the organisers: the API is public.
    api_fields = [
        *BasePage.api_fields,
        APIField("introduction"),
        APIField("start"),
        APIField("end"),
        APIField("time_zone"),
        APIField("attendance"),
        APIField("venue_name"),
        APIField("venue_address"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("capacity"),
        APIField("registration_opens"),
        APIField("registration_closes"),
        APIField("languages"),
        APIField("organisations"),
        APIField("topics"),
        APIField("countries"),
        APIField("programme"),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *[
            SynchronizedField(name)
            for name in (
                "start",
                "end",
                "time_zone",
                "attendance",
                "latitude",
                "longitude",
                "registration_enabled",
                "capacity",
                "caps",
                "registration_opens",
                "registration_closes",
                "allow_guests",
                "languages",
                "organisations",
                "organisers",
                "related_pilot_actions",
                "related_publications",
                "topics",
                "countries",
            )
        ],
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    @cached_property
    def organisation_list(self):
        """The organisations behind the event, read once for the page and its structured data."""
        return list(self.organisations.all())

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The end cannot be before the start.")
        errors.update(self.location_errors())
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes < self.registration_opens
        ):
            errors["registration_closes"] = _("Registration cannot close before it opens.")
        if (
            any(b.value.get("max_percent") is not None for b in self.caps or [])
            and not self.capacity
        ):
            errors["caps"] = _("A percentage cap needs a number of seats.")
        if errors:
            raise ValidationError(errors)

    # -- time -------------------------------------------------------------------------------

    @property
    def zone(self):
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(settings.TIME_ZONE)

    @property
    def start_local(self):
        return timezone.localtime(self.start, self.zone)

    @property
    def end_local(self):
        return timezone.localtime(self.end, self.zone)

    def is_past(self, now=None):
        return self.end < (now or timezone.now())

    def is_multi_day(self):
        return self.start_local.date() != self.end_local.date()

    @property
    def duration(self):
        return self.end - self.start

    # -- registration -----------------------------------------------------------------------

    def registration_closes_at(self):
        """Registration closes at its closing time or at the start, whichever comes first."""
        if self.registration_closes:
            return min(self.registration_closes, self.start)
        return self.start

    def registration_state(self, now=None):
        """ "off", "not-yet", "open" or "closed", decided on the server's clock."""
        now = now or timezone.now()
        if not self.registration_enabled:
            return "off"
        if self.registration_opens and now < self.registration_opens:
            return "not-yet"
        if now >= self.registration_closes_at():
            return "closed"
        return "open"

    def cap_rules(self):
        return caps_from_stream(self.caps, self.capacity)

    @cached_property
    def registration_event(self):
        """The one copy of this event that registrations belong to, whatever the language.

        Every language copy (translation or wagtail-localize alias) shares seats and waitlist:
        they hang off the first real page of the translation group.
        """
        if getattr(self, "registration_event_pk", None) == self.pk:
            return self  # known when routed to (route_queryset)
        return self.registration_copies(self.translation_key).first() or self

    @staticmethod
    def registration_copies(translation_key=None):
        """The copies registrations may belong to (the first is the one), of one event or, by
        default, of the page in the outer query."""
        key = translation_key if translation_key is not None else models.OuterRef("translation_key")
        return EventPage.objects.filter(translation_key=key, alias_of__isnull=True).order_by("pk")

    @classmethod
    def route_queryset(cls):
        # Which copy holds the registrations, read with the page: its own most often.
        return (
            super()
            .route_queryset()
            .annotate(
                registration_event_pk=models.Subquery(
                    EventPage.registration_copies().values("pk")[:1]
                )
            )
        )

    def kind_label(self):
        return self.specific_class._meta.verbose_name if self.specific_class else ""

    def location_text(self):
        parts = [self.venue_name, " ".join(self.venue_address.split())]
        return ", ".join(part for part in parts if part)

    @property
    def is_online(self):
        return self.attendance in (Attendance.ONLINE, Attendance.HYBRID)

    @property
    def is_in_person(self):
        return self.attendance in (Attendance.IN_PERSON, Attendance.HYBRID)

    def reminder_due_at(self):
        return self.start - timedelta(hours=24)

    def get_template(self, request, *args, **kwargs):
        return f"pages/{self._meta.model_name}.html"

    @path("")
    def event_route(self, request):
        return self.render(request)

    @path("ics/", name="ical")
    def ical_route(self, request):
        return calendar_response(
            [self], request, filename=f"{self.slug}.ics", name=self.title, attachment=True
        )
