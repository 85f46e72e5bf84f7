"""Idea calls: a Wagtail page with its dates, weighted criteria and assigned reviewers."""

import zoneinfo
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.models.base import BasePage
from cms.models.choices import Helix
from cms.text import validate_single_line
from cms.translation_state import set_content_languages
from cms.visibility import visible_pages
from community.ideas.models.choices import EVALUATED_STATUSES, CallState, IdeaStatus
from community.ideas.models.ideas import Idea
from community.members.models import validate_time_zone

__all__ = [
    "IdeaCallCriterion",
    "IdeaCallIndexPage",
    "IdeaCallPage",
    "IdeaCallPageForm",
    "IdeaCallReviewer",
]

CALL_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class IdeaCallPageForm(WagtailAdminPageForm):
    """The helixes a consortium should have, ticked among the four (stored as a list)."""

    wanted_helixes = forms.MultipleChoiceField(
        label=_("helixes wanted in a consortium"),
        choices=Helix.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Partners of these helixes are suggested to ideas that do not have them yet. "
            "None ticked: all four."
        ),
    )


class IdeaCallPage(BasePage):
    # Never in the page cache (cms/page_cache.py): it shows the reader's way in, which follows
    # the call's clock and the ideas submitted, not publishing.
    page_cacheable = False
    """A call for social-innovation ideas. Ideas belong to the call's source-language page, so
    every translation of the call shows the same ideas."""

    menu_group = "take-part"  # cms.navigation

    introduction = RichTextField(_("description"), blank=True, features=CALL_TEXT_FEATURES)
    eligibility = RichTextField(_("eligibility"), blank=True, features=CALL_TEXT_FEATURES)
    rubric = RichTextField(
        _("evaluation rubric"),
        blank=True,
        features=CALL_TEXT_FEATURES,
        help_text=_("How reviewers read the 0–5 scale of each criterion."),
    )
    themes = ParentalManyToManyField(
        "cms.Topic", verbose_name=_("themes"), blank=True, related_name="+"
    )
    opens_at = models.DateTimeField(_("opens at"), default=timezone.now)
    closes_at = models.DateTimeField(
        _("closes at"),
        help_text=_("Submissions and edits are refused from this second on."),
    )
    time_zone = models.CharField(
        _("time zone of the dates"),
        max_length=64,
        default=settings.TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("The call's dates are shown in this time zone, beside the reader's."),
    )
    max_attachments = models.PositiveSmallIntegerField(
        _("attachments per idea"), default=5, validators=[MaxValueValidator(20)]
    )
    max_attachment_mb = models.PositiveSmallIntegerField(
        _("largest attachment (MB)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    ideas_public = models.BooleanField(
        _("submitted ideas are public"),
        default=True,
        help_text=_("Otherwise only selected ideas are shown, once results are published."),
    )
    supports_enabled = models.BooleanField(_("members can support public ideas"), default=True)
    anonymised_review = models.BooleanField(
        _("anonymised review"),
        default=False,
        help_text=_("Reviewers see ideas without their authors' names or organisations."),
    )
    # Partner suggestions (community.partnering): for the ideas' authors and the organisers.
    asks_for_consortia = models.BooleanField(
        _("asks for consortia"),
        default=False,
        help_text=_(
            "Ideas are proposed by partnerships: their authors and the call's organisers see "
            "partners who agreed to be suggested, with the reasons."
        ),
    )
    wanted_helixes = models.JSONField(_("helixes wanted in a consortium"), default=list, blank=True)
    results_published_at = models.DateTimeField(_("results published at"), null=True, blank=True)
    results_text = RichTextField(_("results announcement"), blank=True, features=CALL_TEXT_FEATURES)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("eligibility"),
        FieldPanel("themes"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("time_zone"),
            ],
            heading=_("Dates"),
        ),
        InlinePanel("criteria", heading=_("Evaluation criteria"), min_num=1),
        FieldPanel("rubric"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("max_attachments"), FieldPanel("max_attachment_mb")]),
                FieldPanel("ideas_public"),
                FieldPanel("supports_enabled"),
                FieldPanel("anonymised_review"),
            ],
            heading=_("Submissions and review"),
        ),
        MultiFieldPanel(
            [FieldPanel("asks_for_consortia"), FieldPanel("wanted_helixes")],
            heading=_("Consortia"),
        ),
        InlinePanel("reviewers", heading=_("Reviewers")),
        MultiFieldPanel(
            [FieldPanel("results_published_at"), FieldPanel("results_text")],
            heading=_("Results"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("eligibility"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("introduction"),
        APIField("eligibility"),
        APIField("opens_at"),
        APIField("closes_at"),
        APIField("time_zone"),
        APIField("state"),
        APIField("criteria"),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("opens_at"),
        SynchronizedField("closes_at"),
        SynchronizedField("asks_for_consortia"),
        SynchronizedField("wanted_helixes"),
    ]
    base_form_class = IdeaCallPageForm
    parent_page_types = ["cms.HomePage"]
    # What became of its selected ideas (community.results), named, not imported.
    subpage_types = ["community.IdeaResultPage"]

    class Meta:
        verbose_name = _("idea call")
        verbose_name_plural = _("idea calls")

    def page_cache_pages(self):
        """Pages its change shows besides itself and its ancestors: its results, which its
        results date makes public or private (cms/page_cache_invalidation.py)."""
        return list(self.get_children())

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The call must close after it opens.")})

    def get_context(self, request, *args, **kwargs):
        # The idea rules import these models: read them when the page is served.
        from community.ideas.permissions import disclose

        context = super().get_context(request, *args, **kwargs)
        source = self.source_page()
        user = request.user
        reader_zone = user.zoneinfo if user.is_authenticated else self.zone
        context.update(
            {
                "state": self.state,
                "is_open": source.is_open(),
                "closes_local": timezone.localtime(self.closes_at, self.zone),
                "opens_local": timezone.localtime(self.opens_at, self.zone),
                "closes_reader": timezone.localtime(self.closes_at, reader_zone),
                "reader_zone": reader_zone,
                "criteria": list(self.criteria.all()),
                "my_ideas": (
                    disclose(source.ideas.filter(author=user).order_by("-updated_at"), user)
                    if user.is_authenticated
                    else []
                ),
                "results": list(self.published_results()),
                # Sections other capabilities add (partner suggestions for the organisers).
                "extra_sections": self.extra_sections(request, source),
            }
        )
        return context

    def extra_sections(self, request, source):
        from community.ideas.signals import call_page_requested

        responses = call_page_requested.send(sender=IdeaCallPage, call=source, request=request)
        return [html for _receiver, html in responses if html]

    def published_results(self):
        """Selected ideas, once results are published; for the call page and its API."""
        if self.state != CallState.RESULTS:
            return Idea.objects.none()
        return (
            self.source_page()
            .ideas.filter(status=IdeaStatus.SELECTED)
            .select_related("organisation")
            .order_by("title")
        )

    # --- the rules, in one place ---

    def is_open(self, now=None):
        """Open from `opens_at` (inclusive) to `closes_at` (exclusive): at the closing second
        the call is closed."""
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def opens_later(self, now=None):
        """Not open yet (no query, unlike `state`): lists say when it opens, not its deadline."""
        return (now or timezone.now()) < self.opens_at

    @property
    def state(self):
        now = timezone.now()
        source = self.source_page()
        if source.results_published_at and source.results_published_at <= now:
            return CallState.RESULTS
        if now < self.opens_at:
            return CallState.UPCOMING
        if now < self.closes_at:
            return CallState.OPEN
        if source.ideas.filter(status__in=EVALUATED_STATUSES).exists():
            return CallState.EVALUATION
        return CallState.CLOSED

    def get_state_display(self):
        return CallState(self.state).label

    def source_page(self):
        """The call in the source language: ideas, reviewers and criteria hang there."""
        if self.alias_of_id:
            return IdeaCallPage.objects.get(pk=self.alias_of_id)
        if self.locale_id == Locale.get_default().pk:
            return self
        return self.get_translation_or_none(Locale.get_default()) or self

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def max_attachment_bytes(self):
        return self.max_attachment_mb * 1024 * 1024

    def total_weight(self):
        return sum((criterion.weight for criterion in self.criteria.all()), Decimal(0))

    def reviewer_ids(self):
        return set(self.source_page().reviewers.values_list("user_id", flat=True))


class IdeaCallCriterion(Orderable):
    page = ParentalKey(IdeaCallPage, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=200, validators=[validate_single_line])
    description = models.TextField(_("what reviewers look for"), blank=True)
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("Relative weight in the ranking, for example 30 for 30%."),
    )

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("weight")]
    api_fields = [APIField("name"), APIField("description"), APIField("weight")]

    class Meta(Orderable.Meta):
        verbose_name = _("evaluation criterion")
        verbose_name_plural = _("evaluation criteria")

    def __str__(self):
        return self.name


class IdeaCallReviewer(Orderable):
    """A member assigned to review this call's ideas."""

    page = ParentalKey(IdeaCallPage, on_delete=models.CASCADE, related_name="reviewers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("user")]

    class Meta(Orderable.Meta):
        verbose_name = _("reviewer")
        verbose_name_plural = _("reviewers")
        constraints = [
            models.UniqueConstraint(fields=["page", "user"], name="one_assignment_per_reviewer")
        ]

    def __str__(self):
        return str(self.user)


def calls_in_tree(home, request=None):
    """The idea calls of one language tree this reader may see (the pages' own rule)."""
    return visible_pages(IdeaCallPage.objects.descendant_of(home), request)


def open_calls(home, request=None, now=None):
    """The calls of this tree open now, the nearest deadline first."""
    now = now or timezone.now()
    return (
        calls_in_tree(home, request)
        .filter(opens_at__lte=now, closes_at__gt=now)
        .order_by("closes_at", "pk")
    )


class IdeaCallIndexPage(BasePage):
    """The open calls of its language tree, then the coming ones, then the closed ones.

    Calls stay children of the home page (their URLs do not change); this page lists them, so
    the menus and the home page have one place to link for "all calls"."""

    menu_group = "take-part"  # cms.navigation

    introduction = RichTextField(_("introduction"), blank=True, features=CALL_TEXT_FEATURES)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]
    api_fields = [*BasePage.api_fields, APIField("introduction")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("idea calls index")
        verbose_name_plural = _("idea calls indexes")

    def listing(self, request=None, now=None):
        """{"open": soonest deadline first, "upcoming": soonest opening first, "closed": most
        recently closed first}."""
        now = now or timezone.now()
        calls = set_content_languages(list(calls_in_tree(self.get_parent(), request)))
        return {
            "open": sorted(
                (c for c in calls if c.opens_at <= now < c.closes_at),
                key=lambda c: (c.closes_at, c.pk),
            ),
            "upcoming": sorted(
                (c for c in calls if now < c.opens_at), key=lambda c: (c.opens_at, c.pk)
            ),
            "closed": sorted(
                (c for c in calls if c.closes_at <= now), key=lambda c: (c.closes_at, c.pk)
            )[::-1],
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["calls"] = self.listing(request)
        return context
