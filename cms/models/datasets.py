"""Open-data catalogue: datasets with their distributions, listed, filtered and published as
DCAT-AP (cms.opendata.dcat) for national portals and data.europa.eu to harvest."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.document_visibility import private_collection_ids
from cms.exports import DATASET_COLUMNS, ExportableListingMixin
from cms.opendata import dcat
from cms.opendata.filters import DatasetFilters
from cms.opendata.preview import read_csv_preview
from cms.opendata.vocabularies import (
    MEDIA_TYPES,
    DataTheme,
    FileFormat,
    Frequency,
    Licence,
    licence_url,
)
from cms.panels import SameLanguageChoicePanel
from cms.text import validate_single_line
from cms.visibility import visible_pages

from .base import BasePage, ListingPageMixin
from .pilot_actions import PageChildTranslatableMixin
from .snippets import vocabulary_options

__all__ = ["DatasetIndexPage", "DatasetPage", "DatasetTheme", "DatasetDistribution"]


class DatasetIndexPage(ExportableListingMixin, ListingPageMixin, BasePage):
    """The catalogue: lists its datasets with filters and publishes them as DCAT-AP."""

    menu_group = "resources"  # cms.navigation

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    publisher = models.ForeignKey(
        "cms.Organisation",
        verbose_name=_("catalogue publisher"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who publishes the catalogue; harvesting portals require one."),
    )
    licence = models.CharField(
        _("catalogue licence"),
        max_length=20,
        choices=Licence.choices,
        default=Licence.CC_BY_4,
        help_text=_("The licence of the catalogue's own descriptions (metadata)."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldRowPanel([FieldPanel("publisher"), FieldPanel("licence")]),
    ]
    api_fields = [*BasePage.api_fields, APIField("introduction"), APIField("publisher")]
    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    subpage_types = ["cms.DatasetPage"]
    max_count_per_parent = 1
    export_columns = DATASET_COLUMNS
    export_prefetch = ("locale", "distributions__document")

    class Meta:
        verbose_name = _("dataset catalogue")

    def parse_filters(self, request):
        return DatasetFilters.from_query(request.GET)

    def listing(self, filters=None, request=None):
        """Live datasets under this catalogue that this reader may see, filtered."""
        qs = (
            visible_pages(DatasetPage.objects.child_of(self), request)
            .select_related("publisher", "listing_image")
            .prefetch_related("listing_image__renditions", "themes", "distributions")
            .order_by("title")
        )
        if filters is None:
            return qs
        if filters.q:
            qs = qs.filter(
                models.Q(title__icontains=filters.q) | models.Q(keywords__icontains=filters.q)
            )
        if filters.country:
            qs = qs.filter(countries__code=filters.country)
        if filters.topic:
            qs = qs.filter(topics__slug=filters.topic)
        if filters.theme:
            qs = qs.filter(themes__theme=filters.theme)
        if filters.format:
            qs = qs.filter(distributions__format=filters.format)
        if filters.licence:
            qs = qs.filter(licence=filters.licence)
        if filters.country or filters.topic or filters.theme or filters.format:
            qs = qs.distinct()
        return qs

    def filter_options(self, request=None):
        """Choices limited to the values the visible datasets use."""
        children = visible_pages(DatasetPage.objects.child_of(self), request)
        themes = set(DatasetTheme.objects.filter(page__in=children).values_list("theme", flat=True))
        formats = set(
            DatasetDistribution.objects.filter(page__in=children).values_list("format", flat=True)
        )
        licences = set(children.values_list("licence", flat=True))
        return {
            **vocabulary_options(children),
            "themes": [(v, label) for v, label in DataTheme.choices if v in themes],
            "formats": [(v, label) for v, label in FileFormat.choices if v in formats],
            "licences": [(v, label) for v, label in Licence.choices if v in licences],
        }

    def catalogue_datasets(self, request=None):
        """Every dataset of the catalogue this reader may see, with what DCAT-AP needs, in a
        constant number of queries."""
        return (
            visible_pages(DatasetPage.objects.child_of(self), request)
            .select_related("publisher", "locale")
            .prefetch_related(
                "themes",
                models.Prefetch(
                    "distributions",
                    queryset=DatasetDistribution.objects.select_related("document").order_by(
                        "sort_order"
                    ),
                ),
            )
            .order_by("title")
        )

    def catalogue_response(self, request, rdf_format):
        graph = dcat.catalogue_graph(self, self.catalogue_datasets(request), request)
        media_type, _suffix = dcat.FORMATS[rdf_format]
        body = graph.serialize(format=rdf_format)
        response = HttpResponse(body, content_type=f"{media_type}; charset=utf-8")
        response["Access-Control-Allow-Origin"] = "*"
        return response

    @path("catalogue/jsonld/", name="catalogue_jsonld")
    def catalogue_jsonld(self, request):
        return self.catalogue_response(request, "json-ld")

    @path("catalogue/turtle/", name="catalogue_turtle")
    def catalogue_turtle(self, request):
        return self.catalogue_response(request, "turtle")

    @path("catalogue/rdfxml/", name="catalogue_rdfxml")
    def catalogue_rdfxml(self, request):
        return self.catalogue_response(request, "xml")

    def catalogue_links(self):
        """(media type, URL) of each serialisation, for <link rel="alternate"> and the page."""
        base = self.url
        return [
            (dcat.FORMATS[name][0], base + self.reverse_subpage(route), label)
            for name, route, label in (
                ("json-ld", "catalogue_jsonld", "JSON-LD"),
                ("turtle", "catalogue_turtle", "Turtle"),
                ("xml", "catalogue_rdfxml", "RDF/XML"),
            )
        ]


class DatasetPage(BasePage):
    description = models.TextField(
        _("description"), help_text=_("What the data contains, how it was collected, its limits.")
    )
    publisher = models.ForeignKey(
        "cms.Organisation",
        verbose_name=_("publisher"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    licence = models.CharField(
        _("licence"), max_length=20, choices=Licence.choices, default=Licence.CC_BY_4
    )
    keywords = models.CharField(
        _("keywords"),
        max_length=500,
        blank=True,
        help_text=_("Separate keywords with commas."),
        validators=[validate_single_line],
    )
    topics = ParentalManyToManyField(
        "cms.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )
    countries = ParentalManyToManyField(
        "cms.Country", verbose_name=_("countries covered"), blank=True, related_name="+"
    )
    spatial_coverage = models.CharField(
        _("spatial coverage"),
        max_length=200,
        blank=True,
        help_text=_("The area the data covers, e.g. “Aragon, Spain” or “City of Maribor”."),
        validators=[validate_single_line],
    )
    temporal_start = models.DateField(_("covers from"), null=True, blank=True)
    temporal_end = models.DateField(_("covers until"), null=True, blank=True)
    frequency = models.CharField(
        _("update frequency"), max_length=20, choices=Frequency.choices, default=Frequency.UNKNOWN
    )
    issued = models.DateField(_("first published"), null=True, blank=True)
    contact_name = models.CharField(
        _("contact point"),
        max_length=200,
        blank=True,
        help_text=_("An office or role, e.g. “Open data desk”, rather than a person."),
        validators=[validate_single_line],
    )
    contact_email = models.EmailField(
        _("contact email"), blank=True, help_text=_("A shared role address, not a personal one.")
    )
    related_pilot_actions = ParentalManyToManyField(
        "cms.PilotActionPage", verbose_name=_("related pilot actions"), blank=True, related_name="+"
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("publisher"), FieldPanel("licence")]),
        MultiFieldPanel(
            [
                InlinePanel("themes", label=_("EU data themes")),
                FieldPanel("keywords"),
                SameLanguageChoicePanel("topics"),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [
                SameLanguageChoicePanel("countries"),
                FieldPanel("spatial_coverage"),
                FieldRowPanel([FieldPanel("temporal_start"), FieldPanel("temporal_end")]),
                FieldRowPanel([FieldPanel("frequency"), FieldPanel("issued")]),
            ],
            heading=_("Coverage and updates"),
        ),
        FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
        InlinePanel("distributions", label=_("Distributions (files or links)"), min_num=1),
        SameLanguageChoicePanel("related_pilot_actions"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("keywords"),
        index.FilterField("licence"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("description"),
        APIField("publisher"),
        APIField("licence"),
        APIField("licence_url"),
        APIField("theme_values"),
        APIField("keyword_list"),
        APIField("topics"),
        APIField("countries"),
        APIField("spatial_coverage"),
        APIField("temporal_start"),
        APIField("temporal_end"),
        APIField("frequency"),
        APIField("issued"),
        APIField("contact_name"),
        APIField("contact_email"),
        APIField("distributions"),
    ]
    parent_page_types = ["cms.DatasetIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("dataset")
        verbose_name_plural = _("datasets")

    def clean(self):
        super().clean()
        if self.temporal_start and self.temporal_end and self.temporal_end < self.temporal_start:
            raise ValidationError(
                {"temporal_end": _("The end of the coverage cannot be before its start.")}
            )

    @property
    def licence_url(self):
        return licence_url(self.licence)

    @property
    def keyword_list(self):
        return [word.strip() for word in self.keywords.split(",") if word.strip()]

    @property
    def theme_values(self):
        return [row.theme for row in self.themes.all()]

    def theme_labels(self):
        return [row.get_theme_display() for row in self.themes.all()]

    def format_values(self):
        return sorted({row.format for row in self.distributions.all()})

    def public_distributions(self):
        """Distributions anyone may download: a file in a private collection is left out."""
        private = private_collection_ids()
        return [
            row
            for row in self.distributions.all()
            if row.document_id is None or row.document.collection_id not in private
        ]

    def related_pilot_actions_for(self, request=None):
        return list(
            visible_pages(self.related_pilot_actions.all(), request).specific().order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        distributions = self.public_distributions()
        context["distributions"] = [(row, row.preview()) for row in distributions]
        context["related_pilot_actions"] = self.related_pilot_actions_for(request)
        return context


class DatasetTheme(Orderable):
    page = ParentalKey(DatasetPage, on_delete=models.CASCADE, related_name="themes")
    theme = models.CharField(_("theme"), max_length=4, choices=DataTheme.choices)

    panels = [FieldPanel("theme")]
    api_fields = [APIField("theme")]

    class Meta(Orderable.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class DatasetDistribution(PageChildTranslatableMixin, Orderable):
    """One way to get the data: an uploaded file or an external URL, in one format.

    Its title is translated with the page (wagtail-localize); the file or URL, format, size and
    the data's language are the same in every language (synchronised).
    """

    page = ParentalKey(DatasetPage, on_delete=models.CASCADE, related_name="distributions")
    title = models.CharField(
        _("title"), max_length=200, blank=True, validators=[validate_single_line]
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    url = models.URLField(_("external URL"), max_length=500, blank=True)
    format = models.CharField(_("format"), max_length=20, choices=FileFormat.choices)
    media_type = models.CharField(
        _("media type"),
        max_length=100,
        blank=True,
        help_text=_("Filled in from the format when left empty, e.g. text/csv."),
        validators=[validate_single_line],
    )
    byte_size = models.PositiveBigIntegerField(
        _("size in bytes"),
        null=True,
        blank=True,
        help_text=_("Measured from the file when one is uploaded."),
    )
    # A file is published as it is, in one language, whatever the page's language: its preview
    # is marked with it (and labelled) on pages in other languages, and DCAT says it too.
    language = models.CharField(
        _("language of the data"),
        max_length=7,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the texts inside the file (column names, values)."),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("document"), FieldPanel("url")]),
        FieldRowPanel([FieldPanel("format"), FieldPanel("media_type"), FieldPanel("byte_size")]),
        FieldPanel("language"),
    ]
    api_fields = [
        APIField("title"),
        APIField("url"),
        APIField("format"),
        APIField("media_type"),
        APIField("byte_size"),
        APIField("language"),
    ]

    override_translatable_fields = [
        SynchronizedField("url"),
        SynchronizedField("media_type"),
    ]

    class Meta(PageChildTranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("distribution")
        verbose_name_plural = _("distributions")

    def clean(self):
        super().clean()
        if self.document_id and self.url:
            raise ValidationError({"url": _("Give either a file or an external URL, not both.")})
        if not self.document_id and not self.url:
            raise ValidationError({"document": _("Upload a file or give an external URL.")})

    def save(self, *args, **kwargs):
        if not self.media_type:
            self.media_type = MEDIA_TYPES.get(self.format, "")
        if self.document_id:
            self.byte_size = self.document.get_file_size()
        super().save(*args, **kwargs)

    def __str__(self):
        return self.title or self.get_format_display()

    @property
    def is_file(self):
        return self.document_id is not None

    def download_url(self):
        """Where the data itself is: the served file or the external URL."""
        return self.document.url if self.document_id else self.url

    def preview(self):
        """The first rows of an uploaded CSV, else None (external files are never fetched)."""
        if self.format != FileFormat.CSV or not self.document_id:
            return None
        return read_csv_preview(self.document.file)
