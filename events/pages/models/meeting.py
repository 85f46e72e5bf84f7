"""Meetings and conferences in person (often streamed too): speakers and a programme."""

from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail_localize.fields import SynchronizedField

from events.pages.models.base import EventPage

__all__ = ["MeetingPage"]


class MeetingPage(EventPage):
    speakers = ParentalManyToManyField(
        "cms.Person", verbose_name=_("speakers"), blank=True, related_name="+"
    )

    content_panels = [
        *EventPage.content_panels[: -len(EventPage.about_panels)],
        FieldPanel("speakers"),
        *EventPage.about_panels,
    ]
    api_fields = [*EventPage.api_fields, APIField("speakers")]
    override_translatable_fields = [
        *EventPage.override_translatable_fields,
        SynchronizedField("speakers"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("meeting or conference")
        verbose_name_plural = _("meetings and conferences")
