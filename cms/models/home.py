"""The home page: what's on now across the site, in the reader's language tree."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from cms import home_sections
from cms.blocks import BodyBlock
from cms.chrome_cache import cached
from cms.text import validate_single_line
from cms.translation_state import set_content_languages
from cms.visibility import reader_class, visible_pages

from .base import BasePage
from .news import NewsIndexPage, NewsPage
from .pilot_actions import PilotActionIndexPage, PilotActionPage
from .publications import PublicationIndexPage, PublicationPage, authors_prefetch

__all__ = ["HomePage"]

LATEST_COUNT = 3


class HomeSectionBlock(blocks.StructBlock):
    """One of the sections the apps register (cms.home_sections), and how many items it lists.
    The editors' order of these blocks is the page's; a section left out is hidden."""

    key = blocks.ChoiceBlock(choices=home_sections.section_choices, label=_("section"))
    limit = blocks.IntegerBlock(
        label=_("number of items"),
        default=home_sections.DEFAULT_LIMIT,
        min_value=1,
        max_value=home_sections.MAX_LIMIT,
    )

    class Meta:
        icon = "list-ul"
        label = _("community section")


class HomeSectionsBlock(blocks.StreamBlock):
    section = HomeSectionBlock()


class HomePage(BasePage):
    hero_heading = models.CharField(
        _("hero heading"), max_length=200, blank=True, validators=[validate_single_line]
    )
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    sections = StreamField(
        HomeSectionsBlock(),
        blank=True,
        default=home_sections.default_sections,
        verbose_name=_("community sections"),
        help_text=_(
            "What the community is doing, below the body: drag to reorder, delete a section "
            "to hide it."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("hero_heading"),
        FieldPanel("hero_text"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        FieldPanel("sections"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [
        *BasePage.api_fields,
        APIField("hero_heading"),
        APIField("hero_text"),
        APIField("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    # subpage_types stays open on purpose: the apps above cms (events, community) add section
    # pages that declare HomePage as their parent, and cms must not name them.

    class Meta:
        verbose_name = _("home page")

    @classmethod
    def page_cache_lists(cls):
        # What the sections the apps registered show (cms/page_cache_invalidation.py).
        return home_sections.shown_models()

    def latest_publications(self, request=None):
        return (
            visible_pages(PublicationPage.objects.descendant_of(self), request)
            .select_related("content_type", "listing_image")
            .prefetch_related("listing_image__renditions", authors_prefetch())
            .order_by("-publication_date")[:LATEST_COUNT]
        )

    def latest_news(self, request=None):
        return (
            visible_pages(NewsPage.objects.descendant_of(self), request)
            .select_related("listing_image")
            .prefetch_related("listing_image__renditions")
            .order_by("-date", "-pk")[:LATEST_COUNT]
        )

    def pilot_action_index(self, request=None):
        return home_sections.first_visible(request, self, PilotActionIndexPage)

    def publication_index(self, request=None):
        """For the home page's "all publications" link."""
        return home_sections.first_visible(request, self, PublicationIndexPage)

    def news_index(self, request=None):
        """For the home page's "all news" link."""
        return home_sections.first_visible(request, self, NewsIndexPage)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_publications"] = self.latest_publications(request)
        context["latest_news"] = self.latest_news(request)
        # Cards mark items shown in another language: one query for all (cms.translation_state).
        set_content_languages([*context["latest_publications"], *context["latest_news"]])
        # Open calls, next events, threads, ideas, the newsletter: the apps' sections.
        context["home_sections"] = home_sections.render_sections(request, self, self.sections)
        context["pilot_action_index"] = self.pilot_action_index(request)
        context["pilot_action_count"] = cached(
            request,
            "pilot-action-count",
            [self.pk, reader_class(request)],
            lambda: visible_pages(PilotActionPage.objects.descendant_of(self), request).count(),
        )
        return context
