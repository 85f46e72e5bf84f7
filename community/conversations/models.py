"""Private conversations between members: a conversation, its participants (each with the
moment they last read it), its messages, and members' blocks of one another.

Who may write to whom, and who may read a conversation, is decided in
community.conversations.permissions alone; the services write (community.conversations.services).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.text import validate_single_line

__all__ = ["ContactBlock", "Conversation", "Message", "Participant"]

# A conversation is between two people or a small group.
MAX_RECIPIENTS = 10


class Conversation(models.Model):
    subject = models.CharField(_("subject"), max_length=200, validators=[validate_single_line])
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    # The inbox is sorted by it: kept on the row so the list needs no per-row query.
    last_message_at = models.DateTimeField(_("last message"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-last_message_at", "-pk"]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("community:conversation", args=[self.pk])


class Participant(models.Model):
    conversation = models.ForeignKey(
        Conversation,
        verbose_name=_("conversation"),
        on_delete=models.CASCADE,
        related_name="participants",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="conversation_participations",
    )
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)
    # Messages after this moment, written by others, are unread for this participant.
    last_read_at = models.DateTimeField(_("last read"), default=timezone.now)

    class Meta:
        verbose_name = _("conversation participant")
        verbose_name_plural = _("conversation participants")
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "user"], name="community_one_participation"
            )
        ]
        indexes = [models.Index(fields=["user", "conversation"])]

    def __str__(self):
        return f"{self.user_id} in {self.conversation_id}"


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation,
        verbose_name=_("conversation"),
        on_delete=models.CASCADE,
        related_name="messages",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="conversation_messages",
    )
    # Plain text, stored as typed; escaped where shown, line breaks kept.
    body = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)
    # Removed by a moderator after a report: the text is emptied, the reason shown instead.
    removed_at = models.DateTimeField(_("removed"), null=True, blank=True)
    removed_reason = models.TextField(_("why it was removed"), blank=True)

    class Meta:
        verbose_name = _("private message")
        verbose_name_plural = _("private messages")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["conversation", "created_at"])]

    def __str__(self):
        return f"{self.author_id} → {self.conversation_id} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def is_removed(self):
        return self.removed_at is not None


class ContactBlockQuerySet(models.QuerySet):
    def between(self, member_id, other_ids):
        """Blocks either way between one member and any of `other_ids`."""
        return self.filter(
            Q(blocker_id=member_id, blocked_id__in=other_ids)
            | Q(blocked_id=member_id, blocker_id__in=other_ids)
        )


class ContactBlock(models.Model):
    """A member blocks another: from then on neither can message the other."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("blocked by"),
        on_delete=models.CASCADE,
        related_name="contact_blocks_made",
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("blocked member"),
        on_delete=models.CASCADE,
        related_name="contact_blocks_received",
    )
    created_at = models.DateTimeField(_("blocked on"), default=timezone.now)

    objects = ContactBlockQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact block")
        verbose_name_plural = _("contact blocks")
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="community_block_once"),
            models.CheckConstraint(
                condition=~Q(blocker=models.F("blocked")), name="community_block_not_self"
            ),
        ]

    def __str__(self):
        return f"{self.blocker_id} ⊘ {self.blocked_id}"
