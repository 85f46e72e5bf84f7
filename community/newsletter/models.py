"""The newsletter: subscriptions (double opt-in), issues as Wagtail pages, and their sends.

Issues live under one NewsletterIndexPage per language tree (a child of the home page), which is
also the public archive of past issues. An issue's language is its page's locale: each language
copy of an issue is sent, on its own, to the subscribers who chose that language.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from cms.models.base import BasePage
from community.newsletter.content import issue_items, render_preview

__all__ = [
    "NewsletterDelivery",
    "NewsletterIndexPage",
    "NewsletterItem",
    "NewsletterPage",
    "NewsletterSend",
    "NewsletterSubscription",
    "SubscriptionStatus",
]

NEWSLETTER_TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


def new_token():
    return secrets.token_urlsafe(32)


class SubscriptionStatus(models.TextChoices):
    PENDING = "pending", _("waiting for confirmation")
    CONFIRMED = "confirmed", _("confirmed")
    UNSUBSCRIBED = "unsubscribed", _("unsubscribed")


class NewsletterSubscriptionQuerySet(models.QuerySet):
    def for_email(self, email):
        return self.filter(email__iexact=email.strip())

    def recipients_of(self, page):
        """Confirmed subscribers who read the issue's language and, when the issue has topics,
        chose one of them (or chose no topic at all: every topic)."""
        queryset = self.filter(
            status=SubscriptionStatus.CONFIRMED,
            languages__contains=f",{page.locale.language_code},",
        )
        topic_keys = list(page.topics.values_list("translation_key", flat=True))
        if topic_keys:
            queryset = queryset.filter(
                Q(topics__isnull=True) | Q(topics__translation_key__in=topic_keys)
            ).distinct()
        return queryset


class NewsletterSubscription(models.Model):
    """One email address's subscription; nothing is sent to it before it is confirmed."""

    email = models.EmailField(_("email"), unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="newsletter_subscriptions",
    )
    # ",en,fr," like User.languages_spoken: a `contains` filter works on every database.
    languages = models.CharField(_("languages"), max_length=60)
    topics = models.ManyToManyField(
        "cms.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )
    language = models.CharField(
        _("language of the confirmation email"), max_length=8, default=settings.LANGUAGE_CODE
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=SubscriptionStatus.choices,
        default=SubscriptionStatus.PENDING,
    )
    consent_text = models.TextField(_("consent given"))
    consented_at = models.DateTimeField(_("consented at"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    # Random, never shown on a page: the unsubscribe link of every email carries it, and the
    # (time-limited, signed) confirmation link signs it.
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)

    objects = NewsletterSubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter subscription")
        verbose_name_plural = _("newsletter subscriptions")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    @property
    def language_codes(self):
        return [code for code in self.languages.split(",") if code]

    def set_languages(self, codes):
        known = dict(settings.LANGUAGES)
        unique = list(dict.fromkeys(code for code in codes if code in known))
        self.languages = f",{','.join(unique)}," if unique else ""

    def confirm(self, now=None):
        self.status = SubscriptionStatus.CONFIRMED
        self.confirmed_at = now or timezone.now()
        self.unsubscribed_at = None
        self.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])

    def unsubscribe(self, now=None):
        if self.status == SubscriptionStatus.UNSUBSCRIBED:
            return
        self.status = SubscriptionStatus.UNSUBSCRIBED
        self.unsubscribed_at = now or timezone.now()
        self.save(update_fields=["status", "unsubscribed_at"])


class NewsletterIndexPage(BasePage):
    """The archive of issues in one language, and the parent every issue is written under."""

    menu_group = "take-part"  # cms.navigation

    intro = RichTextField(_("introduction"), blank=True, features=NEWSLETTER_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["community.NewsletterPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("newsletter archive")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["issues"] = (
            NewsletterPage.objects.child_of(self).live().public().order_by("-first_published_at")
        )
        return context


class NewsletterPage(BasePage):
    """One issue: an introduction and the recent pages it points to, sent in its locale's
    language."""

    intro = RichTextField(_("introduction"), blank=True, features=NEWSLETTER_TEXT_FEATURES)
    topics = ParentalManyToManyField(
        "cms.Topic",
        verbose_name=_("topics"),
        blank=True,
        related_name="+",
        help_text=_(
            "Leave empty to send to every subscriber of this language; otherwise only to those "
            "who chose one of these topics (or no topic at all)."
        ),
    )

    content_panels = [
        *Page.content_panels,
        HelpPanel(
            _(
                "Preview shows the email. Once published, the page's header has "
                "“Newsletter”: fill with pages published since the last issue, send a test "
                "to yourself, send, and follow the progress."
            )
        ),
        FieldPanel("intro"),
        FieldPanel("topics"),
        InlinePanel("items", heading=_("Pages in this issue"), label=_("page")),
    ]
    parent_page_types = ["community.NewsletterIndexPage"]
    subpage_types = []
    preview_modes = [("", _("Email")), ("web", _("Web page"))]

    class Meta:
        verbose_name = _("newsletter issue")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The web copy lists what the email lists: pages any reader may see.
        context["items"] = issue_items(self)
        return context

    def serve_preview(self, request, mode_name):
        if mode_name == "web":
            return super().serve_preview(request, mode_name)
        return render_preview(self, request)

    def last_sent_issue(self):
        """The latest issue of this language already sent: "since the last issue" starts there."""
        return (
            NewsletterSend.objects.filter(
                page__locale=self.locale, status=NewsletterSend.Status.DONE
            )
            .exclude(page=self)
            .order_by("-finished_at")
            .first()
        )


class NewsletterItem(Orderable):
    page = ParentalKey(NewsletterPage, on_delete=models.CASCADE, related_name="items")
    linked_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    note = models.TextField(
        _("note"),
        blank=True,
        max_length=400,
        help_text=_("A sentence about why it matters; the page's summary is used when empty."),
    )

    panels = [PageChooserPanel("linked_page"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("newsletter item")


class NewsletterSend(models.Model):
    """The sending of one issue (one language copy), at most once."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        INTERRUPTED = "interrupted", _("interrupted")
        DONE = "done", _("sent")

    page = models.OneToOneField(
        NewsletterPage, verbose_name=_("issue"), on_delete=models.CASCADE, related_name="send"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # Updated after every batch: a "sending" send without news for a while is stale (its worker
    # died) and may be resumed.
    progressed_at = models.DateTimeField(_("last progress"), null=True, blank=True)
    total = models.PositiveIntegerField(_("recipients"), default=0)
    sent_count = models.PositiveIntegerField(_("sent"), default=0)
    failed_count = models.PositiveIntegerField(_("failed"), default=0)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("newsletter send")
        verbose_name_plural = _("newsletter sends")

    def __str__(self):
        return str(self.page)


class NewsletterDelivery(models.Model):
    """One recipient of one send. The row is written (claimed) before the email leaves, and is
    unique per send and subscription, so a resumed send never emails anyone twice."""

    class Status(models.TextChoices):
        CLAIMED = "claimed", _("claimed")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    send = models.ForeignKey(NewsletterSend, on_delete=models.CASCADE, related_name="deliveries")
    subscription = models.ForeignKey(
        NewsletterSubscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.CLAIMED)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("newsletter delivery")
        verbose_name_plural = _("newsletter deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["send", "subscription"], name="newsletter_delivery_once_per_recipient"
            )
        ]

    def __str__(self):
        return f"{self.send} → {self.subscription}"
