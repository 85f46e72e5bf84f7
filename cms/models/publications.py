"""Publications: white papers and policy briefs, one document per language, with a citation."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms.blocks import BodyBlock, RecommendationBlock
from cms.exports import PUBLICATION_COLUMNS, ExportableListingMixin
from cms.feeds import FeedListingMixin
from cms.filters import ListingFilters
from cms.panels import SameLanguageChoicePanel
from cms.visibility import visible_pages

from .base import BasePage, ListingPageMixin
from .choices import PolicyLevel
from .snippets import filter_by_vocabulary, vocabulary_options

__all__ = [
    "PublicationIndexPage",
    "PublicationPage",
    "PublicationAuthor",
    "PublicationDocument",
    "WhitePaperPage",
    "PolicyBriefPage",
]


class PeopleField(serializers.Field):
    """People in the API as names and roles, in their order."""

    def to_representation(self, value):
        return [{"name": person.name, "role": person.role} for person in value]


def authors_prefetch():
    """The authors of many publications with their people, in one query (not one per table)."""
    return models.Prefetch(
        "author_links", queryset=PublicationAuthor.objects.select_related("person")
    )


# Filter value -> concrete model, for ?type=.
PUBLICATION_TYPES = {"white-paper": "whitepaperpage", "policy-brief": "policybriefpage"}


class PublicationIndexPage(ExportableListingMixin, FeedListingMixin, ListingPageMixin, BasePage):
    menu_group = "resources"  # cms.navigation

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    api_fields = [*BasePage.api_fields, APIField("introduction")]
    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    subpage_types = ["cms.WhitePaperPage", "cms.PolicyBriefPage"]
    max_count_per_parent = 1
    feed_date_field = "publication_date"
    export_columns = PUBLICATION_COLUMNS
    export_prefetch = ("locale", "publisher", "topics", "countries", "documents__document")

    class Meta:
        verbose_name = _("publication index")

    def parse_filters(self, request):
        return ListingFilters.from_query(request.GET, types=PUBLICATION_TYPES)

    def listing(self, filters=None, request=None):
        qs = (
            visible_pages(PublicationPage.objects.child_of(self), request)
            .select_related("listing_image", "content_type")
            .prefetch_related("listing_image__renditions", authors_prefetch())
            .order_by("-publication_date", "title")
        )
        if filters is None:
            return qs
        if filters.type:
            qs = qs.filter(content_type__model=PUBLICATION_TYPES[filters.type])
        if filters.year:
            qs = qs.filter(publication_date__year=filters.year)
        if filters.q:
            qs = qs.filter(title__icontains=filters.q)
        return filter_by_vocabulary(qs, filters)

    def filter_options(self, request=None):
        children = visible_pages(PublicationPage.objects.child_of(self), request)
        return {
            "types": [
                ("white-paper", WhitePaperPage._meta.verbose_name),
                ("policy-brief", PolicyBriefPage._meta.verbose_name),
            ],
            **vocabulary_options(children),
            "years": [
                d.year
                for d in children.exclude(publication_date=None).dates(
                    "publication_date", "year", order="DESC"
                )
            ],
        }


class PublicationPageForm(WagtailAdminPageForm):
    """Refuses a second document in one language next to its row, before anything is saved.

    The model's clean() cannot see the inline rows while the form validates (they are attached
    to the page only when it is saved), so without this the rule fires inside save(): a 500.
    """

    def clean(self):
        cleaned_data = super().clean()
        documents = self.formsets.get("documents")
        if documents is not None and documents.is_valid():
            seen = set()
            for form in documents.forms:
                language = form.cleaned_data.get("language")
                if not language or form.cleaned_data.get("DELETE"):
                    continue
                if language in seen:
                    form.add_error("language", _("There is already a document in this language."))
                seen.add(language)
        return cleaned_data


class PublicationPage(BasePage):
    """Concrete base of every publication, so one query lists white papers and briefs together."""

    publication_date = models.DateField(_("publication date"))
    publisher = models.ForeignKey(
        "cms.Organisation",
        verbose_name=_("publisher"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    abstract = RichTextField(_("abstract"), features=["bold", "italic", "ol", "ul", "link"])
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    topics = ParentalManyToManyField(
        "cms.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )
    countries = ParentalManyToManyField(
        "cms.Country", verbose_name=_("countries"), blank=True, related_name="+"
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("publication_date"), FieldPanel("publisher")]),
                InlinePanel("author_links", label=_("Authors, in citation order")),
            ],
            heading=_("Publication details"),
        ),
        FieldPanel("abstract"),
        InlinePanel("documents", label=_("Documents (one per language)")),
        FieldPanel("body"),
        SameLanguageChoicePanel("topics"),
        SameLanguageChoicePanel("countries"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("abstract"),
        index.SearchField("body"),
        index.FilterField("publication_date"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("publication_date"),
        APIField("authors", serializer=PeopleField(read_only=True)),
        APIField("publisher"),
        APIField("abstract"),
        APIField("body"),
        APIField("topics"),
        APIField("countries"),
        APIField("documents"),
        APIField("citation"),
    ]
    base_form_class = PublicationPageForm
    is_creatable = False
    parent_page_types = ["cms.PublicationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def clean(self):
        super().clean()
        languages = [row.language for row in self.documents.all()]
        duplicates = sorted({code for code in languages if languages.count(code) > 1})
        if duplicates:
            raise ValidationError(
                _("Only one document per language: %(languages)s appear more than once.")
                % {"languages": ", ".join(duplicates)}
            )

    @property
    def authors(self):
        """The authors in the order the editor gave (citations depend on it).

        One query with their people, remembered on the page (the byline and the citation both
        ask); a listing's prefetch is used as it is.
        """
        remembered = getattr(self, "_osc_authors", None)
        if remembered is None:
            links = self.author_links.all()
            if "author_links" not in getattr(self, "_prefetched_objects_cache", {}):
                links = links.select_related("person")
            remembered = self._osc_authors = [link.person for link in links]
        return remembered

    @property
    def publication_type_label(self):
        # The specific class from Django's content-type cache: no query.
        return (self.specific_class or type(self))._meta.verbose_name

    @property
    def citation(self):
        """An APA-like reference: Authors (Year). Title. Type. Publisher. URL"""
        names = [person.citation_name() for person in self.authors]
        if len(names) > 1:
            authors = ", ".join(names[:-1]) + " & " + names[-1]
        else:
            authors = names[0] if names else (self.publisher.name if self.publisher else "")
        parts = [f"{authors} ({self.publication_date.year}).".strip(), f"{self.title}."]
        parts.append(f"{self.publication_type_label.capitalize()}.")
        if self.publisher and names:
            parts.append(f"{self.publisher.name}.")
        parts.append(self.full_url or "")
        return " ".join(part for part in parts if part)

    def documents_by_language(self):
        """(language code, language name, document) for each document, in site-language order."""
        order = [code for code, _name in settings.LANGUAGES]
        names = dict(settings.LANGUAGES)
        rows = sorted(
            self.documents.select_related("document"),
            key=lambda row: order.index(row.language) if row.language in order else len(order),
        )
        return [(row.language, names.get(row.language, row.language), row.document) for row in rows]


class PublicationAuthor(Orderable):
    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="author_links")
    person = models.ForeignKey(
        "cms.Person", verbose_name=_("author"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")


class PublicationDocument(Orderable):
    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="documents")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldRowPanel([FieldPanel("language"), FieldPanel("document")])]
    api_fields = [APIField("language"), APIField("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")


class WhitePaperPage(PublicationPage):
    is_creatable = True

    class Meta:
        verbose_name = _("white paper")
        verbose_name_plural = _("white papers")


class PolicyBriefPage(PublicationPage):
    policy_level = models.CharField(
        _("policy level"), max_length=20, choices=PolicyLevel.choices, default=PolicyLevel.REGIONAL
    )
    key_recommendations = StreamField(
        [("recommendation", RecommendationBlock())],
        blank=True,
        verbose_name=_("key recommendations"),
    )

    content_panels = [
        *PublicationPage.content_panels[:2],
        FieldPanel("policy_level"),
        FieldPanel("key_recommendations"),
        *PublicationPage.content_panels[2:],
    ]
    api_fields = [
        *PublicationPage.api_fields,
        APIField("policy_level"),
        APIField("key_recommendations"),
    ]
    is_creatable = True

    class Meta:
        verbose_name = _("policy brief")
        verbose_name_plural = _("policy briefs")
