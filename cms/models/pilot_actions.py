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
from wagtail_localize.fields import SynchronizedField

from cms import pilot_panels
from cms.blocks import (
    BodyBlock,
    KitDocumentBlock,
    KitPartnerBlock,
    KitRiskBlock,
    KitStepBlock,
    TimelineItemBlock,
)
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
from .publications import PublicationDocument
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
            # Each pilot with the origin it was adapted from (its lineage on the map).
            lambda pages: pilot_features(pages, request),
        )


class PilotActionPage(Located, BasePage):
    # Read by its template (key facts): loaded with the page when routed to (BasePage.route).
    route_select_related = ("listing_image", "country", "lead_partner")

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
    # The transfer kit: what another territory needs to adapt this pilot. The outcome
    # indicators measured are the page's own `indicators`.
    kit_problem = RichTextField(_("problem addressed"), blank=True, features=RICH_TEXT_FEATURES)
    kit_legal_framework = RichTextField(
        _("legal framework needed"), blank=True, features=RICH_TEXT_FEATURES
    )
    kit_partners = StreamField(
        [("partner", KitPartnerBlock())], blank=True, verbose_name=_("partners needed")
    )
    kit_budget = models.CharField(
        _("budget range"),
        max_length=120,
        blank=True,
        validators=[validate_single_line],
        help_text=_("For example: 40,000 to 60,000 euros."),
    )
    kit_duration = models.CharField(
        _("time needed"),
        max_length=120,
        blank=True,
        validators=[validate_single_line],
        help_text=_("For example: 12 to 18 months."),
    )
    kit_steps = StreamField([("step", KitStepBlock())], blank=True, verbose_name=_("steps"))
    kit_documents = StreamField(
        [("document", KitDocumentBlock())], blank=True, verbose_name=_("documents to reuse")
    )
    kit_risks = StreamField([("risk", KitRiskBlock())], blank=True, verbose_name=_("risks met"))
    kit_contacts = ParentalManyToManyField(
        "cms.Person",
        verbose_name=_("contact people"),
        blank=True,
        related_name="+",
        help_text=_(
            "Only people who agreed to be contacted (ticked on their record) are shown; "
            "they answer through the site's messages, never by a shown email address."
        ),
    )
    # Lineage: the pilot this one adapts. Kept as chosen in every language (the origin's own
    # translation is found by its translation key when the page is shown).
    transferred_from = models.ForeignKey(
        "cms.PilotActionPage",
        verbose_name=_("adapted from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
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
        MultiFieldPanel(
            [
                FieldPanel("kit_problem"),
                FieldPanel("kit_legal_framework"),
                FieldPanel("kit_partners"),
                FieldRowPanel([FieldPanel("kit_budget"), FieldPanel("kit_duration")]),
                FieldPanel("kit_steps"),
                FieldPanel("kit_documents"),
                FieldPanel("kit_risks"),
                SameLanguageChoicePanel("kit_contacts"),
            ],
            heading=_("Transfer kit"),
        ),
        FieldPanel("transferred_from"),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("transferred_from"),
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
        APIField("kit_problem"),
        APIField("kit_legal_framework"),
        APIField("kit_partners"),
        APIField("kit_budget"),
        APIField("kit_duration"),
        APIField("kit_steps"),
        APIField("kit_documents"),
        APIField("kit_risks"),
        APIField("transferred_from"),
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
        context["kit_contacts"] = self.kit_contact_people()
        # Read twice by the template (the table and the kit's link to it): fetched once.
        context["indicators"] = list(self.indicators.all())
        context["kit_document_languages"] = self.kit_document_languages()
        context["lineage"] = self.lineage(request)
        # What the apps above cms add under the kit ("Adapt this pilot here").
        context["pilot_panels"] = pilot_panels.render_panels(request, self)
        return context

    @property
    def has_kit(self):
        return bool(
            self.kit_problem
            or self.kit_legal_framework
            or self.kit_partners
            or self.kit_budget
            or self.kit_duration
            or self.kit_steps
            or self.kit_documents
            or self.kit_risks
        )

    def kit_document_languages(self):
        """{document id: language} for the kit's documents that are a publication's file in a
        known language (one query, none without documents): a translated page keeps its source's
        choice, so its reader must be told when a document is in another language."""
        documents = [block.value["document"] for block in self.kit_documents]
        ids = [document.pk for document in documents if document]
        if not ids:
            return {}
        rows = PublicationDocument.objects.filter(document_id__in=ids)
        return dict(rows.values_list("document_id", "language"))

    def kit_contact_people(self):
        """The kit's contact people who agreed to be contacted, in one query."""
        return list(self.kit_contacts.filter(contactable=True).select_related("organisation"))

    def lineage(self, request=None):
        """Where this pilot came from and where it travelled, each pilot in the reader's
        language when it exists in it: {"origin": page or None, "adaptations": [pages]}.
        One query, whatever the number of adaptations."""
        return pilot_lineage(self, request)

    def origin_for_map(self, origins):
        """The GeoJSON `origin` of this pilot's feature, from {translation key: page}."""
        origin = origins.get(self.transferred_from_key) if self.transferred_from_id else None
        if origin is None or not origin.has_location:
            return None
        return {
            "title": origin.title,
            "url": origin.url,
            "coordinates": origin.point_geometry()["coordinates"],
            "label": str(_("Adapted from")),
        }

    @property
    def sector_values(self):
        return [row.sector for row in self.sectors.all()]

    def sector_labels(self):
        return [row.get_sector_display() for row in self.sectors.all()]

    def as_geojson_feature(self, request=None, origin=None):
        """`origin` (origin_for_map) draws the line the pilot travelled on the map."""
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
                "origin": origin,
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


def _in_reader_language(pages, locale_id):
    """One page per translation key: the reader's language copy, else the first found."""
    chosen = {}
    for page in pages:
        key = page.translation_key
        if key not in chosen or page.locale_id == locale_id:
            chosen[key] = page
    return chosen


def pilot_lineage(page, request=None):
    from wagtail.models import Locale

    locale_id = Locale.get_active().pk
    # The origin (every language copy of the pilot this one adapts) and the adaptations (every
    # pilot adapted from any language copy of this one) in one query, told apart by two flags.
    is_origin = models.Q(pk__in=[])
    if page.transferred_from_id:
        is_origin = models.Q(
            translation_key__in=PilotActionPage.objects.filter(pk=page.transferred_from_id).values(
                "translation_key"
            )
        )
    is_adaptation = models.Q(transferred_from__translation_key=page.translation_key)
    related = (
        visible_pages(PilotActionPage.objects.filter(is_origin | is_adaptation), request)
        .annotate(
            is_origin=models.ExpressionWrapper(is_origin, output_field=models.BooleanField()),
            is_adaptation=models.ExpressionWrapper(
                is_adaptation, output_field=models.BooleanField()
            ),
        )
        .select_related("country")
        .order_by("start_date", "title", "path")
    )
    origins, adaptations = [], []
    for pilot in related:
        if pilot.is_origin:
            origins.append(pilot)
        if pilot.is_adaptation:
            adaptations.append(pilot)
    # Without the reader's language, the origin shown is its first copy in the tree.
    origins.sort(key=lambda pilot: pilot.path)
    return {
        "origin": next(iter(_in_reader_language(origins, locale_id).values()), None),
        "adaptations": list(_in_reader_language(adaptations, locale_id).values()),
    }


def pilot_features(pages, request=None):
    """GeoJSON features of these pilot actions, each with the origin it was adapted from (in
    the reader's language) so the map draws where each pilot travelled; one extra query."""
    from wagtail.models import Locale

    pages = [page for page in pages if page.has_location]
    origin_ids = {page.transferred_from_id for page in pages if page.transferred_from_id}
    origins = {}
    if origin_ids:
        keyed = PilotActionPage.objects.filter(pk__in=origin_ids).values("translation_key")
        candidates = visible_pages(
            PilotActionPage.objects.filter(translation_key__in=keyed), request
        )
        origins = _in_reader_language(candidates, Locale.get_active().pk)
        by_pk = dict(
            PilotActionPage.objects.filter(pk__in=origin_ids).values_list("pk", "translation_key")
        )
        for page in pages:
            page.transferred_from_key = by_pk.get(page.transferred_from_id)
    return [
        page.as_geojson_feature(request, origin=page.origin_for_map(origins) if origins else None)
        for page in pages
    ]
