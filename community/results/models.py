"""Results: what became of each selected idea (Decidim's "accountability").

A result is a Wagtail page under its call, so it is translated like every page
(wagtail-localize); its idea, pilot action, status, progress, dates and organisations are
synchronised across languages, its texts translated. Who may read one is
`community.results.permissions`; who hears of its changes, the notification centre.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.i18n import with_localized_labels
from cms.models.base import BasePage
from cms.models.pilot_actions import PageChildTranslatableMixin
from cms.text import validate_single_line

__all__ = [
    "IdeaResultMilestone",
    "IdeaResultPage",
    "ResultAnnouncement",
    "ResultFollow",
    "ResultStatus",
]

RESULT_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class ResultStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    STOPPED = "stopped", _("Stopped")


class ResultLinksField(serializers.Field):
    """A result's pilot action and linked events, publications and datasets in the API: only
    those the caller may read (community.results.links), each as type, id, title and URL.
    A listing's results are all read at the first one: one query for any number of them."""

    def _serialised_with(self, value):
        """The results serialised with `value`: a listing's page of results (read by then: the
        list serializer is going through it), else `value` alone."""
        instance = getattr(self.root, "instance", None)
        if isinstance(instance, (list, tuple, models.QuerySet)):
            items = [item for item in instance if isinstance(item, IdeaResultPage)]
            if any(item is value for item in items):
                return items
        return [value]

    def to_representation(self, value):
        from community.results.links import attach_links

        request = self.context.get("request")
        if not hasattr(value, "links"):
            attach_links(self._serialised_with(value), request)
        shown = [("pilot_action", value.readable_pilot_action)] if value.pilot_action_id else []
        shown += [(link.kind, link.page) for link in value.links]
        return [
            {"type": kind, "id": page.pk, "title": page.title, "url": page.get_full_url(request)}
            for kind, page in shown
            if page is not None
        ]


class IdeaResultPage(BasePage):
    """What became of one selected idea: its status, progress, milestones, who carries it and
    what it produced (events, publications, datasets)."""

    menu_group = "take-part"  # cms.navigation

    idea = models.ForeignKey(
        "community.Idea",
        verbose_name=_("idea"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="result_pages",
    )
    pilot_action = models.ForeignKey(
        "cms.PilotActionPage",
        verbose_name=_("pilot action"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The pilot action this idea became part of, if any."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ResultStatus.choices, default=ResultStatus.NOT_STARTED
    )
    stopped_reason = models.TextField(
        _("why it stopped"), blank=True, help_text=_("Required when the result is stopped.")
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"),
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("From 0 to 100."),
    )
    description = RichTextField(_("description"), blank=True, features=RESULT_TEXT_FEATURES)
    country = models.ForeignKey(
        "cms.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topics = ParentalManyToManyField(
        "cms.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )
    organisations = ParentalManyToManyField(
        "cms.Organisation",
        verbose_name=_("responsible organisations"),
        blank=True,
        related_name="+",
    )
    related = StreamField(
        [
            (
                "event",
                blocks.PageChooserBlock(page_type="events.EventPage", label=_("Event")),
            ),
            (
                "publication",
                blocks.PageChooserBlock(
                    page_type=["cms.WhitePaperPage", "cms.PolicyBriefPage"],
                    label=_("Publication"),
                ),
            ),
            ("dataset", blocks.PageChooserBlock(page_type="cms.DatasetPage", label=_("Dataset"))),
        ],
        blank=True,
        verbose_name=_("linked events, publications and datasets"),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("idea", read_only=True), FieldPanel("pilot_action")],
            heading=_("Origin"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("progress")]),
                FieldPanel("stopped_reason"),
            ],
            heading=_("Status"),
        ),
        FieldPanel("description"),
        InlinePanel("milestones", heading=_("Milestones")),
        FieldPanel("organisations"),
        FieldRowPanel([FieldPanel("country"), FieldPanel("topics")]),
        FieldPanel("related"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("description")]
    api_fields = [
        *BasePage.api_fields,
        APIField("status"),
        APIField("progress"),
        APIField("stopped_reason"),
        APIField("description"),
        APIField("milestones"),
        APIField("links", serializer=ResultLinksField(source="*", read_only=True)),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("idea"),
        SynchronizedField("pilot_action"),
        SynchronizedField("status"),
        SynchronizedField("progress"),
    ]
    parent_page_types = ["community.IdeaCallPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("idea result")
        verbose_name_plural = _("idea results")

    def clean(self):
        super().clean()
        if self.status == ResultStatus.STOPPED and not (self.stopped_reason or "").strip():
            raise ValidationError(
                {"stopped_reason": _("Say why the result stopped: its followers will read it.")}
            )

    def serve(self, request, *args, **kwargs):
        # Wagtail checks the page's view restrictions; the idea rule is ours.
        from community.results.permissions import can_view_result

        if not can_view_result(self, request):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        from community.results.permissions import can_view_result

        return super().get_sitemap_urls(request) if can_view_result(self, None) else []

    def get_context(self, request, *args, **kwargs):
        from community.results.links import attach_links
        from community.results.permissions import can_manage_result
        from community.results.services import can_follow_result, is_following_result

        context = super().get_context(request, *args, **kwargs)
        source = self.source_page()
        attach_links([self], request)
        organisations = list(self.organisations.all())
        # Every name in the reader's language: one query per model, whatever their number.
        with_localized_labels([*organisations, self.country])
        context.update(
            {
                "result_links": self.links,
                "pilot_action": self.readable_pilot_action,
                "milestones": list(self.milestones.all()),
                "organisations": organisations,
                "can_manage": can_manage_result(source, request.user),
                "can_follow": can_follow_result(source, request),
                "following": is_following_result(source, request.user),
                "source": source,
            }
        )
        return context

    def source_page(self):
        """The result in the source language: follows and announcements hang there."""
        from wagtail.models import Locale

        if self.alias_of_id:
            return IdeaResultPage.objects.get(pk=self.alias_of_id)
        if self.locale_id == Locale.get_default().pk:
            return self
        return self.get_translation_or_none(Locale.get_default()) or self


class IdeaResultMilestone(PageChildTranslatableMixin, Orderable):
    page = ParentalKey(IdeaResultPage, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=200, validators=[validate_single_line])
    date = models.DateField(_("date"))
    reached = models.BooleanField(_("reached"), default=False)

    panels = [FieldRowPanel([FieldPanel("title"), FieldPanel("date"), FieldPanel("reached")])]
    api_fields = [APIField("title"), APIField("date"), APIField("reached")]

    class Meta(PageChildTranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.title


class ResultFollow(models.Model):
    """A member following a result (its authors follow without a row)."""

    result = models.ForeignKey(IdeaResultPage, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="result_follows"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("result follow")
        verbose_name_plural = _("result follows")
        constraints = [
            models.UniqueConstraint(fields=["result", "user"], name="one_follow_per_result_member")
        ]

    def __str__(self):
        return f"{self.user_id} → {self.result_id}"


class ResultAnnouncement(models.Model):
    """What the result's followers were last told (its status, the milestones they know), so a
    publish from the admin or the organiser's form announces only what changed."""

    result = models.OneToOneField(
        IdeaResultPage, on_delete=models.CASCADE, related_name="announcement"
    )
    status = models.CharField(max_length=20, choices=ResultStatus.choices, blank=True)
    milestone_keys = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("result announcement")
        verbose_name_plural = _("result announcements")

    def __str__(self):
        return f"{self.result_id}: {self.status}"
