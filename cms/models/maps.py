"""Pages of the social-economy directory, the premises register and the map of them all."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField

from .base import BasePage

__all__ = ["DirectoryPage", "MapPage", "PremisesRegisterPage"]

INTRO_FEATURES = ["bold", "italic", "link"]
SECTION_PARENTS = ["cms.HomePage", "cms.ContentPage"]


class DirectoryPage(BasePage):
    """The directory of social-economy entities: filters (CPV prefix, region, sector, kind)
    and a form for members to propose an entity (cms.opendata.directory)."""

    introduction = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    api_fields = [*BasePage.api_fields, APIField("introduction")]
    parent_page_types = SECTION_PARENTS
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("social-economy directory")


class PremisesRegisterPage(BasePage):
    """The register of premises available to social innovators."""

    introduction = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    api_fields = [*BasePage.api_fields, APIField("introduction")]
    parent_page_types = SECTION_PARENTS
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("premises register")


class MapPage(BasePage):
    """One map with switchable layers (pilot actions, entities, premises, upcoming events),
    each also a GeoJSON endpoint, and a list of the same results."""

    introduction = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)
    show_events = models.BooleanField(
        _("offer the upcoming-events layer"),
        default=True,
        help_text=_("Shown only when the events application provides its GeoJSON feed."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("show_events"),
    ]
    api_fields = [*BasePage.api_fields, APIField("introduction")]
    parent_page_types = SECTION_PARENTS
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("map")
