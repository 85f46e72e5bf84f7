"""Focus groups: chosen stakeholders by application, outcomes published afterwards."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from events.pages.models.base import RICH_TEXT_FEATURES, EventPage
from events.pages.models.choices import helix_choices
from events.pages.models.fields import CodeListField

__all__ = ["FocusGroupPage"]


class FocusGroupPage(EventPage):
    question = models.TextField(
        _("topic of the discussion"),
        blank=True,
        help_text=_("The question or theme the group works on, in one or two sentences."),
    )
    target_helixes = CodeListField(
        _("stakeholder types invited"), choices_source=helix_choices, max_length=120
    )
    application_guidance = models.TextField(
        _("what to write when applying"),
        blank=True,
        help_text=_("Shown above the motivation field of the application form."),
    )
    outcomes = RichTextField(
        _("outcomes or minutes"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Published on the page after the meeting."),
    )

    participation = "application"

    content_panels = [
        *EventPage.content_panels[: -len(EventPage.about_panels)],
        MultiFieldPanel(
            [
                FieldPanel("question"),
                FieldPanel("target_helixes"),
                FieldPanel("application_guidance"),
            ],
            heading=_("The group"),
        ),
        *EventPage.about_panels,
        FieldPanel("outcomes"),
    ]
    search_fields = [
        *EventPage.search_fields,
        index.SearchField("question"),
        index.SearchField("outcomes"),
    ]
    api_fields = [
        *EventPage.api_fields,
        APIField("question"),
        APIField("target_helixes"),
        APIField("outcomes"),
    ]
    override_translatable_fields = [
        *EventPage.override_translatable_fields,
        SynchronizedField("target_helixes"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("focus group")
        verbose_name_plural = _("focus groups")

    def target_helix_labels(self):
        labels = dict(helix_choices())
        return [labels.get(code, code) for code in self.target_helixes]
