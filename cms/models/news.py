"""News: articles about the network's events, pilot actions and results."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.feeds import FeedListingMixin
from cms.panels import SameLanguageChoicePanel
from cms.visibility import visible_pages

from .base import BasePage, ListingPageMixin
from .snippets import filter_by_vocabulary, vocabulary_options

__all__ = ["NewsIndexPage", "NewsPage"]


class NewsIndexPage(FeedListingMixin, ListingPageMixin, BasePage):
    menu_group = "resources"  # cms.navigation

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    api_fields = [*BasePage.api_fields, APIField("introduction")]
    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    subpage_types = ["cms.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def listing(self, filters=None, request=None):
        qs = (
            visible_pages(NewsPage.objects.child_of(self), request)
            .select_related("listing_image")
            .prefetch_related("listing_image__renditions")
            .order_by("-date", "-pk")
        )
        if filters is None:
            return qs
        if filters.year:
            qs = qs.filter(date__year=filters.year)
        return filter_by_vocabulary(qs, filters)

    def filter_options(self, request=None):
        children = visible_pages(NewsPage.objects.child_of(self), request)
        return {
            **vocabulary_options(children),
            "years": [d.year for d in children.dates("date", "year", order="DESC")],
        }


class NewsPage(BasePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    topics = ParentalManyToManyField(
        "cms.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )
    countries = ParentalManyToManyField(
        "cms.Country", verbose_name=_("countries"), blank=True, related_name="+"
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("introduction"),
        FieldPanel("body"),
        SameLanguageChoicePanel("topics"),
        SameLanguageChoicePanel("countries"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("date"),
        APIField("introduction"),
        APIField("body"),
        APIField("topics"),
        APIField("countries"),
    ]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def get_meta_description(self):
        return super().get_meta_description() or self.introduction
