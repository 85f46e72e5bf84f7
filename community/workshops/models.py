"""Co-design workshops: an event (registration, waitlist, caps, calendar from events.EventPage)
with a challenge, phases, materials and facilitators, and the participants' contributions space.

Contributions, comments, supports, groups and the synthesis hang off the workshop's
registration copy (the first real page of its translation group, as registrations do), so every
language copy of the page shows the same space. Who may read or write there is decided in
community/workshops/permissions.py, nowhere else.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import linebreaks, linebreaksbr
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import DocumentItemBlock
from cms.models.base import BasePage
from cms.models.pilot_actions import PageChildTranslatableMixin
from cms.sanitiser import clean_html, text_from_html
from cms.text import validate_single_line
from cms.translation_state import set_content_languages
from cms.uploads import generated_name
from cms.visibility import visible_pages
from events.listing.models import with_seats_taken
from events.pages.models import EventPage
from events.pages.models.base import RICH_TEXT_FEATURES

__all__ = [
    "CoDesignWorkshopPage",
    "WorkshopIndexPage",
    "Contribution",
    "ContributionComment",
    "ContributionGroup",
    "ContributionSupport",
    "PhaseCode",
    "WorkshopPhase",
    "WorkshopSynthesis",
]


def contribution_image_upload_to(instance, filename):
    # Never the member's own name: a generated one, with the extension the re-encoding chose
    # (cms.uploads). Served only through a permission check.
    extension = filename.rsplit(".", 1)[-1].lower()
    return (
        f"private/workshops/{generated_name(extension if extension in ('jpg', 'png') else 'bin')}"
    )


class PhaseCode(models.TextChoices):
    """The double diamond's four phases: what contributions are filed under."""

    DISCOVER = "discover", _("Discover")
    DEFINE = "define", _("Define")
    DEVELOP = "develop", _("Develop")
    DELIVER = "deliver", _("Deliver")


class CoDesignWorkshopPage(EventPage):
    # Never in the page cache (cms/page_cache.py): participants' contributions change it.
    page_cacheable = False
    # The phases are read by the template, the space's labels and the contribution form.
    route_prefetch_related = ("phases",)
    challenge = RichTextField(
        _("the challenge"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What the participants design together, in a few paragraphs."),
    )
    materials = StreamField(
        [("document", DocumentItemBlock(label=_("Material")))],
        blank=True,
        verbose_name=_("materials"),
    )
    facilitators = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitators"),
        blank=True,
        related_name="facilitated_workshops",
        help_text=_("Members who group the contributions and publish the synthesis."),
    )
    contributions_close = models.DateTimeField(
        _("contributions close"),
        null=True,
        blank=True,
        help_text=_(
            "Participants contribute from the start of the workshop until then. "
            "Empty: contributions stay open."
        ),
    )

    content_panels = [
        *EventPage.content_panels[: -len(EventPage.about_panels)],
        MultiFieldPanel(
            [
                FieldPanel("challenge"),
                FieldPanel("facilitators"),
                FieldPanel("contributions_close"),
            ],
            heading=_("The co-design"),
        ),
        InlinePanel("phases", label=_("Phases")),
        FieldPanel("materials"),
        *EventPage.about_panels,
    ]
    search_fields = [
        *EventPage.search_fields,
        index.SearchField("challenge"),
        # The published synthesis only: contributions are never indexed (participants only).
        index.SearchField("synthesis_search_text"),
    ]
    api_fields = [
        *EventPage.api_fields,
        APIField("challenge"),
        APIField("phases"),
        APIField("materials"),
        APIField("published_synthesis"),
    ]
    override_translatable_fields = [
        *EventPage.override_translatable_fields,
        # Materials stay translatable: their titles and descriptions are text in each language.
        *[SynchronizedField(name) for name in ("facilitators", "contributions_close")],
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("co-design workshop")
        verbose_name_plural = _("co-design workshops")

    def clean(self):
        super().clean()
        if self.contributions_close and self.start and self.contributions_close < self.start:
            raise ValidationError(
                {"contributions_close": _("Contributions cannot close before the workshop starts.")}
            )

    def workshop_source(self):
        """The copy the contributions space hangs off (the registration copy), as a workshop."""
        source_pk = self.registration_event.pk
        if source_pk == self.pk:
            return self
        return CoDesignWorkshopPage.objects.get(pk=source_pk)

    def contributions_open(self, now=None):
        now = now or timezone.now()
        if now < self.start:
            return False
        return self.contributions_close is None or now < self.contributions_close

    def phase_label(self, code):
        for phase in self.phases.all():
            if phase.code == code:
                return phase.label
        return PhaseCode(code).label if code in PhaseCode.values else ""

    def synthesis(self):
        """The published synthesis of this workshop (any language copy), else None."""
        return (
            WorkshopSynthesis.objects.filter(
                workshop__translation_key=self.translation_key, published_at__isnull=False
            )
            .select_related("published_by")
            .first()
        )

    @property
    def published_synthesis(self):
        synthesis = self.synthesis()
        return synthesis.text if synthesis else ""

    def synthesis_search_text(self):
        return text_from_html(self.published_synthesis)


class WorkshopPhase(PageChildTranslatableMixin, Orderable):
    """One phase of the workshop (discover, define, develop, deliver) with its dates."""

    page = ParentalKey(CoDesignWorkshopPage, on_delete=models.CASCADE, related_name="phases")
    code = models.CharField(_("phase"), max_length=20, choices=PhaseCode.choices)
    name = models.CharField(
        _("name"),
        max_length=120,
        blank=True,
        help_text=_("Empty: the phase's own name."),
        validators=[validate_single_line],
    )
    starts = models.DateField(_("starts"), null=True, blank=True)
    ends = models.DateField(_("ends"), null=True, blank=True)
    description = models.TextField(_("what happens"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("name")]),
        FieldRowPanel([FieldPanel("starts"), FieldPanel("ends")]),
        FieldPanel("description"),
    ]
    api_fields = [
        APIField("code"),
        APIField("label"),
        APIField("starts"),
        APIField("ends"),
        APIField("description"),
    ]
    override_translatable_fields = [
        SynchronizedField("code"),
        SynchronizedField("starts"),
        SynchronizedField("ends"),
    ]

    class Meta(PageChildTranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def __str__(self):
        return str(self.label)

    @property
    def label(self):
        return self.name or PhaseCode(self.code).label

    def clean(self):
        super().clean()
        if self.starts and self.ends and self.ends < self.starts:
            raise ValidationError({"ends": _("A phase cannot end before it starts.")})


class ContributionGroup(models.Model):
    """A heading a facilitator files contributions under while making sense of them."""

    workshop = models.ForeignKey(
        CoDesignWorkshopPage, on_delete=models.CASCADE, related_name="contribution_groups"
    )
    heading = models.CharField(_("heading"), max_length=200, validators=[validate_single_line])
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("group of contributions")
        verbose_name_plural = _("groups of contributions")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.heading

    def save(self, *args, **kwargs):
        self.heading = self.heading.strip()
        super().save(*args, **kwargs)


class Contribution(models.Model):
    workshop = models.ForeignKey(
        CoDesignWorkshopPage,
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="contributions",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="workshop_contributions",
    )
    phase = models.CharField(_("phase"), max_length=20, choices=PhaseCode.choices, blank=True)
    text = models.TextField(_("contribution"))
    # The language of the page it was written on: marked with `lang` wherever it is shown.
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    image = models.FileField(_("image"), upload_to=contribution_image_upload_to, blank=True)
    group = models.ForeignKey(
        ContributionGroup,
        verbose_name=_("group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
    )
    created_at = models.DateTimeField(_("posted"), default=timezone.now)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["workshop", "created_at"])]

    def __str__(self):
        return text_from_html(self.text)[:60]

    def save(self, *args, **kwargs):
        # Cleaned on every save, from any path (form, admin, demo).
        self.text = clean_html(self.text).strip()
        super().save(*args, **kwargs)

    def text_html(self):
        # Safe: cleaned by cms.sanitiser on save; line breaks typed in a textarea kept.
        return mark_safe(linebreaksbr(mark_safe(self.text)))  # noqa: S308


class ContributionComment(models.Model):
    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="workshop_comments",
    )
    text = models.TextField(_("comment"))
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    created_at = models.DateTimeField(_("posted"), default=timezone.now)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]

    def save(self, *args, **kwargs):
        # A comment is plain text: stored as typed, escaped where it is shown.
        self.text = self.text.strip()
        super().save(*args, **kwargs)


class ContributionSupport(models.Model):
    """One member's support of a contribution (one per member; withdrawable)."""

    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="supports"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contribution_supports"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(
                fields=["contribution", "user"], name="one_contribution_support_per_member"
            )
        ]

    def __str__(self):
        return f"{self.user_id} supports {self.contribution_id}"


class WorkshopSynthesis(models.Model):
    """What the facilitators made of the contributions, published on the workshop page.

    Its own row rather than a page field: facilitators write it on the site, and an editor's
    next publication of the page must not overwrite it.
    """

    workshop = models.OneToOneField(
        CoDesignWorkshopPage, on_delete=models.CASCADE, related_name="synthesis_record"
    )
    text = models.TextField(_("synthesis"))
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("synthesis")
        verbose_name_plural = _("syntheses")

    def __str__(self):
        return text_from_html(self.text)[:60]

    def save(self, *args, **kwargs):
        self.text = clean_html(self.text).strip()
        super().save(*args, **kwargs)

    def html(self):
        # Safe: cleaned by cms.sanitiser on save. Typed without tags: paragraphs from blank lines.
        if "<p" in self.text or "<ul" in self.text or "<ol" in self.text:
            return mark_safe(self.text)  # noqa: S308
        return mark_safe(linebreaks(mark_safe(self.text)))  # noqa: S308


class WorkshopIndexPage(BasePage):
    """The co-design workshops of its language tree, for the menus: the workshops stay in the
    events section (their URLs, calendar and registrations are the events'), listed here as the
    events index lists them (visibility, seats)."""

    # Seats taken on its cards (cms/page_cache_invalidation.py).
    page_cache_lists = ("events.Registration",)
    menu_group = "take-part"  # cms.navigation

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]
    api_fields = [*BasePage.api_fields, APIField("introduction")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("co-design workshops index")
        verbose_name_plural = _("co-design workshops indexes")

    def workshops(self, request=None, now=None):
        """{"upcoming": soonest first, "past": most recent first}, with their taken seats."""
        now = now or timezone.now()
        qs = with_seats_taken(
            visible_pages(CoDesignWorkshopPage.objects.descendant_of(self.get_parent()), request)
            .select_related("listing_image", "content_type")
            .prefetch_related("listing_image__renditions")
        )
        return {
            "upcoming": set_content_languages(qs.filter(end__gte=now).order_by("start", "pk")),
            "past": set_content_languages(qs.filter(end__lt=now).order_by("-start", "pk")),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["workshops"] = self.workshops(request)
        return context
