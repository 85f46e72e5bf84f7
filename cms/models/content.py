"""Generic content pages: About, Partners, Privacy policy..."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import BodyBlock

from .base import BasePage

__all__ = ["ContentPage"]


class ContentPage(BasePage):
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body")]

    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    # The listing indexes may sit in a section (e.g. About > News), as they declare.
    subpage_types = [
        "cms.ContentPage",
        "cms.PilotActionIndexPage",
        "cms.PublicationIndexPage",
        "cms.NewsIndexPage",
    ]

    class Meta:
        verbose_name = _("content page")
