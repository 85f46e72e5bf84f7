"""Pilot actions: the network's social-innovation experiments, listed, filtered and mapped."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from cms.blocks import BodyBlock, TimelineItemBlock
from cms.exports import PILOT_ACTION_COLUMNS, ExportableListingMixin
from cms.filters import ListingFilters
from cms.geojson import geojson_view
from cms.panels import SameLanguageChoicePanel
from cms.text import validate_single_line
from cms.translation_state import set_content_languages
from cms.visibility import visible_pages

from .base import BasePage, ListingPageMixin
from .choices import Helix, MacroScenario, PilotStatus, Sector
from .location import Located
from .snippets import Country, vocabulary_options

__all__ = [
    "PilotActionIndexPage",
    "PilotActionPage",
    "PilotActionSector",
    "PilotActionStakeholder",
    "PilotActionIndicator",
]

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class PilotActionIndexPage(ExportableListingMixin, ListingPageMixin, BasePage):
    """Lists its pilot actions with filters and a map fed by its own GeoJSON route."""

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    api_fields = [*BasePage.api_fields, APIField("introduction")]
    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    subpage_types = ["cms.PilotActionPage"]
    max_count_per_parent = 1
    export_columns = PILOT_ACTION_COLUMNS
    export_prefetch = ("locale", "topics", "partners", "lead_partner")

    class Meta:
        verbose_name = _("pilot action index")

    def parse_filters(self, request):
        return ListingFilters.from_query(
            request.GET, sectors=Sector.values, statuses=PilotStatus.values
        )

    def listing(self, filters=None, request=None):
        """Live pilot actions under this index, filtered; related data fetched in bulk."""
        qs = (
            visible_pages(PilotActionPage.objects.child_of(self), request)
            .select_related("country", "listing_image")
            .prefetch_related("listing_image__renditions", "sectors")
            .order_by("-start_date", "title")
        )
        if filters is None:
            return qs
        if filters.country:
            qs = qs.filter(country__code=filters.country)
        if filters.topic:
            qs = qs.filter(topics__slug=filters.topic)
        if filters.sector:
            qs = qs.filter(sectors__sector=filters.sector)
        if filters.status:
            qs = qs.filter(status=filters.status)
        if filters.year:
            qs = qs.filter(start_date__year__lte=filters.year).filter(
                models.Q(end_date__isnull=True) | models.Q(end_date__year__gte=filters.year)
            )
        if filters.topic or filters.sector:
            qs = qs.distinct()
        return qs

    def filter_options(self, request=None):
        """Choices for the filter form, limited to values the children actually use."""
        children = visible_pages(PilotActionPage.objects.child_of(self), request)
        span = children.aggregate(first=models.Min("start_date"), last=models.Max("end_date"))
        years = []
        if span["first"] and span["last"]:
            years = list(range(span["last"].year, span["first"].year - 1, -1))
        used_statuses = set(children.values_list("status", flat=True))
        return {
            **vocabulary_options(children, country_field="country"),
            "years": years,
            "sectors": Sector.choices,
            # Only statuses some pilot has: a choice that can only empty the list is noise.
            "statuses": [choice for choice in PilotStatus.choices if choice[0] in used_statuses],
        }

    @path("geojson/", name="geojson")
    def geojson_route(self, request):
        filters = self.parse_filters(request)
        # A bounding box and a limit, filtered in the database and cached (cms.geojson). The
        # map needs no images or sectors: skip the list's prefetches.
        return geojson_view(
            request,
            f"pilot-actions:{self.pk}",
            lambda: self.listing(filters, request).prefetch_related(None),
            lambda page: page.as_geojson_feature(request),
        )


class PilotActionPage(Located, BasePage):
    region = models.CharField(_("region"), max_length=120, validators=[validate_single_line])
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    place = models.CharField(
        _("place"), max_length=120, blank=True, validators=[validate_single_line]
    )
    lead_partner = models.ForeignKey(
        "cms.Organisation",
        verbose_name=_("lead partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    partners = ParentalManyToManyField(
        "cms.Organisation", verbose_name=_("partner organisations"), blank=True, related_name="+"
    )
    topics = ParentalManyToManyField(
        "cms.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )
    macro_scenario = models.CharField(
        _("macro-scenario"), max_length=30, choices=MacroScenario.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PilotStatus.choices, default=PilotStatus.RUNNING
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    objectives = RichTextField(_("objectives"), blank=True, features=RICH_TEXT_FEATURES)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))
    timeline = StreamField(
        [("step", TimelineItemBlock())], blank=True, verbose_name=_("activities timeline")
    )
    outcomes = RichTextField(_("outcomes"), blank=True, features=RICH_TEXT_FEATURES)
    related_pages = StreamField(
        [("page", blocks.PageChooserBlock(label=_("Page")))],
        blank=True,
        verbose_name=_("related resources"),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        SameLanguageChoicePanel("country"),
                        FieldPanel("region"),
                        FieldPanel("place"),
                    ]
                ),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("macro_scenario")]),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading=_("Status and dates"),
        ),
        InlinePanel("sectors", label=_("Sectors")),
        SameLanguageChoicePanel("topics"),
        FieldPanel("lead_partner"),
        SameLanguageChoicePanel("partners"),
        FieldPanel("objectives"),
        FieldPanel("body"),
        FieldPanel("timeline"),
        InlinePanel("stakeholders", label=_("Stakeholders by helix")),
        FieldPanel("outcomes"),
        InlinePanel("indicators", label=_("Outcome and social-return (SROI) indicators")),
        FieldPanel("related_pages"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("region"),
        index.SearchField("place"),
        index.SearchField("objectives"),
        index.SearchField("body"),
        index.SearchField("outcomes"),
        index.FilterField("status"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("region"),
        APIField("place"),
        APIField("country"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("status"),
        APIField("macro_scenario"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("sector_values"),
        APIField("lead_partner"),
        APIField("partners"),
        APIField("topics"),
        APIField("objectives"),
        APIField("body"),
        APIField("timeline"),
        APIField("outcomes"),
        APIField("stakeholders"),
        APIField("indicators"),
    ]
    parent_page_types = ["cms.PilotActionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("pilot action")
        verbose_name_plural = _("pilot actions")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
        if errors := self.location_errors():
            raise ValidationError(errors)

    def related_resources(self, request=None):
        """The chosen related pages this reader may see, each in the reader's language."""
        chosen = [block.value for block in self.related_pages if block.value]
        visible = set(
            visible_pages(
                Page.objects.filter(pk__in=[page.pk for page in chosen]), request
            ).values_list("pk", flat=True)
        )
        return set_content_languages(page.localized for page in chosen if page.pk in visible)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_resources"] = self.related_resources(request)
        return context

    @property
    def sector_values(self):
        return [row.sector for row in self.sectors.all()]

    def sector_labels(self):
        return [row.get_sector_display() for row in self.sectors.all()]

    def as_geojson_feature(self, request=None):
        return {
            "type": "Feature",
            "geometry": self.point_geometry(),
            "properties": {
                "title": self.title,
                "url": self.get_url(request),
                "region": self.region,
                "country": self.country.name if self.country else "",
                "status": self.status,
                "status_label": str(self.get_status_display()),
                "summary": self.summary,
            },
        }


class PilotActionSector(Orderable):
    page = ParentalKey(PilotActionPage, on_delete=models.CASCADE, related_name="sectors")
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)

    panels = [FieldPanel("sector")]
    api_fields = [APIField("sector")]

    class Meta(Orderable.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class PageChildTranslatableMixin(TranslatableMixin):
    """A translatable inline row lives in its page's language (wagtail-localize translates it
    with the page); Wagtail would otherwise give new rows the default locale."""

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def save(self, *args, **kwargs):
        self.locale_id = self.page.locale_id
        super().save(*args, **kwargs)


class PilotActionStakeholder(PageChildTranslatableMixin, Orderable):
    page = ParentalKey(PilotActionPage, on_delete=models.CASCADE, related_name="stakeholders")
    helix = models.CharField(_("helix"), max_length=20, choices=Helix.choices)
    description = models.TextField(_("who took part and how"))

    panels = [FieldPanel("helix"), FieldPanel("description")]
    api_fields = [APIField("helix"), APIField("description")]

    class Meta(PageChildTranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("stakeholder group")
        verbose_name_plural = _("stakeholder groups")


class PilotActionIndicator(PageChildTranslatableMixin, Orderable):
    """An outcome or social-return-on-investment (SROI) indicator with its measured value.

    Translatable (the label); the value, unit and SROI flag are synchronised.
    """

    page = ParentalKey(PilotActionPage, on_delete=models.CASCADE, related_name="indicators")
    label = models.CharField(_("indicator"), max_length=200, validators=[validate_single_line])
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=40, blank=True, validators=[validate_single_line])
    is_sroi = models.BooleanField(
        _("social return (SROI)"),
        default=False,
        help_text=_("Tick for social-return-on-investment ratios and monetised social value."),
    )

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("value"), FieldPanel("unit")]),
        FieldPanel("is_sroi"),
    ]
    api_fields = [APIField("label"), APIField("value"), APIField("unit"), APIField("is_sroi")]

    class Meta(PageChildTranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
