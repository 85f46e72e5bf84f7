"""Moderation of the discussions: members' reports and the moderators' log.

Posting blocks belong to the discussions (community.discussions.models.MemberBlock): the
discussions read them before every post, moderators write them. The rules (who may act, what
each action does) live in community.moderation.services; these models hold the state and own
the small questions about it (is a report open).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = [
    "ModerationAction",
    "ModerationActionKind",
    "Report",
    "ReportOutcome",
    "ReportReason",
]


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    ABUSE = "abuse", _("Abusive, hateful or harassing")
    PERSONAL_DATA = "personal_data", _("Shares someone's personal information")
    OFF_TOPIC = "off_topic", _("Off topic")
    OTHER = "other", _("Something else")


class ReportOutcome(models.TextChoices):
    POST_HIDDEN = "post_hidden", _("Post hidden")
    REMOVED = "removed", _("Removed")
    DISMISSED = "dismissed", _("No action needed")


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class Report(models.Model):
    """A member flags a post for the moderators; one report per member per post.

    Or something else a higher capability registered as reportable (a private message:
    community.moderation.targets), through the generic `target`; then `post` is empty.
    """

    post = models.ForeignKey(
        "community.Post",
        verbose_name=_("post"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reports",
    )
    target_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.CASCADE,
        related_name="post_reports",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    details = models.TextField(_("details"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resolved_reports",
    )
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=ReportOutcome.choices, blank=True
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"], name="community_report_once_per_post"
            ),
            models.UniqueConstraint(
                fields=["target_type", "target_id", "reporter"],
                condition=models.Q(target_id__isnull=False),
                name="community_report_once_per_target",
            ),
            # A report is about a post or about another registered target, never both.
            models.CheckConstraint(
                condition=(
                    models.Q(post__isnull=False, target_id__isnull=True)
                    | models.Q(
                        post__isnull=True, target_type__isnull=False, target_id__isnull=False
                    )
                ),
                name="community_report_post_or_target",
            ),
        ]
        indexes = [
            models.Index(fields=["resolved_at", "created_at"]),
            models.Index(fields=["target_type", "target_id"], name="community_report_target"),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} → {self.post_id or self.target_id}"

    @property
    def is_open(self):
        return self.resolved_at is None


class ModerationActionKind(models.TextChoices):
    HIDE = "hide", _("Hid a post")
    # Not a moderator's: the post was reported by MODERATION_AUTO_HIDE_REPORTS members.
    AUTO_HIDE = "auto_hide", _("Hid a post after reports from several members")
    RESTORE = "restore", _("Restored a post")
    APPROVE = "approve", _("Approved a post")
    REJECT = "reject", _("Rejected a post")
    DISMISS = "dismiss", _("Dismissed a report")
    LOCK = "lock", _("Locked a thread")
    UNLOCK = "unlock", _("Unlocked a thread")
    BLOCK = "block", _("Blocked a member")
    UNBLOCK = "unblock", _("Unblocked a member")
    REMOVE = "remove", _("Removed a private message")


class ModerationAction(models.Model):
    """The log: who did what to which post, thread or member, why and when."""

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="moderation_actions",
    )
    action = models.CharField(_("action"), max_length=10, choices=ModerationActionKind.choices)
    space = models.ForeignKey(
        "community.DiscussionSpace",
        verbose_name=_("space"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    post = models.ForeignKey(
        "community.Post",
        verbose_name=_("post"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderation_actions",
    )
    thread = models.ForeignKey(
        "community.Thread",
        verbose_name=_("thread"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderation_actions",
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderation_actions_received",
    )
    reason = models.TextField(_("reason"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()} ({self.created_at:%Y-%m-%d %H:%M})"
