"""The notification centre: one row per recipient and event, and each member's choice of
channel per kind.

A notification stores no sentence: it keeps its kind, who acted, what it is about (a generic
target plus the target's name as written and its address) and a few language-neutral facts in
`data`. The sentence is built in the reader's language when it is shown or emailed
(`Notification.message`), so a member who switches language reads every notification in it.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from community.ideas.models.choices import IdeaStatus
from community.results.models import ResultStatus

__all__ = [
    "KINDS",
    "Delivery",
    "KindSpec",
    "Notification",
    "NotificationKind",
    "NotificationPreference",
]


class NotificationKind(models.TextChoices):
    REPLY = "reply", _("Replies in threads you follow")
    MENTION = "mention", _("Mentions of you")
    IDEA_STATUS = "idea_status", _("Changes to your ideas' status")
    IDEA_FOLLOWED = "idea_followed", _("Changes to the status of ideas you follow")
    REGISTRATION_CONFIRMED = "registration_confirmed", _("Event registration confirmed")
    REGISTRATION_WAITLISTED = "registration_waitlisted", _("Placed on an event's waiting list")
    REGISTRATION_PROMOTED = "registration_promoted", _("Moved from the waiting list to a seat")
    REGISTRATION_CANCELLED = "registration_cancelled", _("Event registration cancelled")
    APPLICATION_RECEIVED = "application_received", _("Applications to groups you organise")
    APPLICATION_APPROVED = "application_approved", _("Your application approved")
    APPLICATION_DECLINED = "application_declined", _("Your application declined")
    POST_MODERATED = "post_moderated", _("Moderation of your posts")
    PRIVATE_MESSAGE = "private_message", _("Private messages to you")
    RESULT_STATUS = "result_status", _("Changes to the status of results you follow")
    RESULT_MILESTONE = "result_milestone", _("New milestones of results you follow")
    TRANSFER_REQUESTED = "transfer_requested", _("Requests to adapt a pilot")
    TRANSFER_ADAPTED = "transfer_adapted", _("Your requests to adapt a pilot")


class Delivery(models.TextChoices):
    OFF = "off", pgettext_lazy("notification delivery", "Off")
    SITE = "site", _("On the site only")
    IMMEDIATE = "immediate", _("On the site and by email at once")
    DIGEST = "digest", _("On the site and in a daily email digest")

    @property
    def emails(self):
        return self in (Delivery.IMMEDIATE, Delivery.DIGEST)


@dataclass(frozen=True)
class KindSpec:
    # The sentence shown and emailed; may use %(actor)s, %(subject)s and the keys of `data`
    # that `params` turns into display values.
    sentence: str
    # What a member gets until they choose. Kinds whose own app already sends a transactional
    # email (event registrations, idea status) default to the site only, so nobody gets two
    # emails about one thing.
    default: str


KINDS = {
    NotificationKind.REPLY: KindSpec(_("%(actor)s replied in “%(subject)s”"), Delivery.DIGEST),
    NotificationKind.MENTION: KindSpec(
        _("%(actor)s mentioned you in “%(subject)s”"), Delivery.IMMEDIATE
    ),
    NotificationKind.IDEA_STATUS: KindSpec(
        _("Your idea “%(subject)s” is now: %(status)s"), Delivery.SITE
    ),
    NotificationKind.IDEA_FOLLOWED: KindSpec(
        _("An idea you follow, “%(subject)s”, is now: %(status)s"), Delivery.SITE
    ),
    NotificationKind.REGISTRATION_CONFIRMED: KindSpec(
        _("Your registration for “%(subject)s” is confirmed"), Delivery.SITE
    ),
    NotificationKind.REGISTRATION_WAITLISTED: KindSpec(
        _("You are on the waiting list for “%(subject)s”"), Delivery.SITE
    ),
    NotificationKind.REGISTRATION_PROMOTED: KindSpec(
        _("A seat became free: you are now registered for “%(subject)s”"), Delivery.SITE
    ),
    NotificationKind.REGISTRATION_CANCELLED: KindSpec(
        _("Your registration for “%(subject)s” was cancelled"), Delivery.SITE
    ),
    NotificationKind.APPLICATION_RECEIVED: KindSpec(
        _("%(actor)s applied to join “%(subject)s”"), Delivery.IMMEDIATE
    ),
    NotificationKind.APPLICATION_APPROVED: KindSpec(
        _("Your application to join “%(subject)s” was approved"), Delivery.SITE
    ),
    NotificationKind.APPLICATION_DECLINED: KindSpec(
        _("Your application to join “%(subject)s” was declined"), Delivery.SITE
    ),
    NotificationKind.POST_MODERATED: KindSpec(
        _("A moderator acted on your post in “%(subject)s”: %(action)s"), Delivery.IMMEDIATE
    ),
    # The sentence names the sender and the subject only: the message itself stays on the
    # site, behind the sign-in, never in an email.
    NotificationKind.PRIVATE_MESSAGE: KindSpec(
        _("%(actor)s sent you a private message: “%(subject)s”"), Delivery.IMMEDIATE
    ),
    # Results of selected ideas (community.results): their authors and followers.
    NotificationKind.RESULT_STATUS: KindSpec(
        _("A result you follow, “%(subject)s”, is now: %(status)s"), Delivery.IMMEDIATE
    ),
    NotificationKind.RESULT_MILESTONE: KindSpec(
        _("New milestone for “%(subject)s”: %(milestone)s (%(date)s)"), Delivery.IMMEDIATE
    ),
    NotificationKind.TRANSFER_REQUESTED: KindSpec(
        _("%(actor)s asks to adapt “%(subject)s” in their territory"), Delivery.IMMEDIATE
    ),
    NotificationKind.TRANSFER_ADAPTED: KindSpec(
        _("Your request to adapt “%(subject)s” became a new pilot action"), Delivery.SITE
    ),
}

# Moderation actions as the author reads them; unknown actions are shown as stored.
MODERATION_ACTIONS = {
    "hide": pgettext_lazy("post moderation", "hidden"),
    "auto_hide": pgettext_lazy("post moderation", "hidden after reports from several members"),
    "restore": pgettext_lazy("post moderation", "restored"),
    "approve": pgettext_lazy("post moderation", "approved"),
    "reject": pgettext_lazy("post moderation", "rejected"),
}


def _date_shown(value):
    """An ISO date from `data`, in the active language's format."""
    try:
        return date_format(datetime.date.fromisoformat(value))
    except (TypeError, ValueError):
        return value


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)

    def for_member(self, member):
        return self.filter(recipient=member)

    def mark_read(self, now=None):
        return self.unread().update(read_at=now or timezone.now())


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=40, choices=NotificationKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    # The target's name as its author wrote it (a thread, an idea, an event's source title):
    # member-written names have one language; event pages are re-titled in the reader's
    # language at display time (community.notifications.services.localize).
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    # A site path; shown under the reader's language prefix (django.urls.translate_url).
    url = models.CharField(_("link"), max_length=500, blank=True)
    # Language-neutral facts the sentence needs: {"status": "selected"}, {"action": "hide"}.
    data = models.JSONField(_("details"), default=dict, blank=True)
    # The channel chosen when it was created: "digest" rows wait for the daily email.
    delivery = models.CharField(
        _("delivery"), max_length=10, choices=Delivery.choices, default=Delivery.SITE
    )
    created = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("emailed at"), null=True, blank=True)
    digest_sent_at = models.DateTimeField(_("sent in a digest at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created", "-pk"]
        indexes = [
            # The header count and the list: a member's unread notifications, newest first.
            models.Index(fields=["recipient", "read_at"], name="community_notif_unread"),
            models.Index(fields=["delivery", "digest_sent_at"], name="community_notif_digest"),
        ]

    def __str__(self):
        return f"{self.kind} → {self.recipient_id}"

    @property
    def is_read(self):
        return self.read_at is not None

    def params(self, subject=None):
        """The values the sentence is built from, in the active language, as plain text."""
        actor = self.actor.get_display_name() if self.actor_id and self.actor else ""
        params = {"actor": actor or gettext("Someone"), "subject": subject or self.subject}
        if self.kind in (NotificationKind.IDEA_STATUS, NotificationKind.IDEA_FOLLOWED):
            status = self.data.get("status", "")
            params["status"] = (
                str(IdeaStatus(status).label) if status in IdeaStatus.values else status
            )
        if self.kind == NotificationKind.RESULT_STATUS:
            status = self.data.get("status", "")
            params["status"] = (
                str(ResultStatus(status).label) if status in ResultStatus.values else status
            )
        if self.kind == NotificationKind.RESULT_MILESTONE:
            params["milestone"] = self.data.get("milestone", "")
            params["date"] = _date_shown(self.data.get("date", ""))
        if self.kind == NotificationKind.POST_MODERATED:
            action = self.data.get("action", "")
            params["action"] = str(MODERATION_ACTIONS.get(action, action))
        return params

    @property
    def detail(self):
        """What the actor wrote to explain (a moderator's reason), shown as written."""
        return self.data.get("reason", "") if self.kind == NotificationKind.POST_MODERATED else ""

    def message_text(self, subject=None):
        """The sentence in the active language, as plain text (emails)."""
        spec = KINDS.get(self.kind)
        if spec is None:
            return self.subject
        return gettext(spec.sentence) % self.params(subject)

    def message(self, subject=None):
        """The sentence in the active language as HTML, with names isolated (<bdi>) so a name
        in another script never reorders the sentence around it."""
        spec = KINDS.get(self.kind)
        if spec is None:
            return conditional_escape(self.subject)
        values = {
            key: format_html("<bdi>{}</bdi>", value) for key, value in self.params(subject).items()
        }
        # The translated sentence is escaped first, then only escaped values go in.
        return mark_safe(conditional_escape(gettext(spec.sentence)) % values)  # noqa: S308


class NotificationPreference(models.Model):
    """A member's channel for one kind; without a row, the kind's default applies."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("kind"), max_length=40, choices=NotificationKind.choices)
    delivery = models.CharField(_("delivery"), max_length=10, choices=Delivery.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["member", "kind"], name="community_notif_pref_unique")
        ]

    def __str__(self):
        return f"{self.member_id} {self.kind}: {self.delivery}"

    @staticmethod
    def default_for(kind):
        spec = KINDS.get(kind)
        return spec.default if spec else Delivery.SITE

    @classmethod
    def deliveries_for(cls, member_ids, kind):
        """{member id: delivery} for `kind`, defaults filled in; one query."""
        chosen = dict(
            cls.objects.filter(member_id__in=member_ids, kind=kind).values_list(
                "member_id", "delivery"
            )
        )
        default = cls.default_for(kind)
        return {member_id: chosen.get(member_id, default) for member_id in member_ids}

    @classmethod
    def all_for(cls, member):
        """{kind: delivery} for every kind, for one member; one query."""
        chosen = dict(cls.objects.filter(member=member).values_list("kind", "delivery"))
        return {kind: chosen.get(kind, KINDS[kind].default) for kind in NotificationKind}

    @classmethod
    def set(cls, member, kind, delivery):
        cls.objects.update_or_create(member=member, kind=kind, defaults={"delivery": delivery})
        # Rows waiting for a digest follow the new choice: nothing more by email unless it is
        # still the digest.
        if delivery != Delivery.DIGEST:
            Notification.objects.filter(
                recipient=member, kind=kind, delivery=Delivery.DIGEST, digest_sent_at__isnull=True
            ).update(delivery=Delivery.SITE)
