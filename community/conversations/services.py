"""Writing private messages: starting a conversation, replying, reading, blocking, reporting;
and what the moderators, the export and the erasure need of conversations.

Every rule is asked of community.conversations.permissions just before writing; refusals come
back as exceptions whose message is shown to the member (beside the field it concerns).
Sending is rate-limited per member (settings.CONVERSATION_MESSAGE_RATE, counted atomically on
the shared cache: cms/rate_limits.py).
"""

import math
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms import rate_limits
from community.conversations import permissions
from community.conversations.models import (
    MAX_RECIPIENTS,
    ContactBlock,
    Conversation,
    Message,
    Participant,
)
from community.conversations.signals import message_sent
from community.discussions.posting import parse_rate
from community.moderation import services as moderation

__all__ = [
    "ConversationRefused",
    "RecipientsRefused",
    "block",
    "conversation_rows",
    "describe_message",
    "erase_conversations",
    "inbox",
    "mark_read",
    "remove_message",
    "report_message",
    "send_reply",
    "start_conversation",
    "unblock",
]

DEFAULT_MESSAGE_RATE = "10/m"


class ConversationRefused(Exception):
    """Something that cannot be done as asked; `message` is shown to the member, beside
    `field` when there is one."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


class RecipientsRefused(ConversationRefused):
    """Some recipients may not be written to: `refusals` is [(member, reason)]."""

    def __init__(self, refusals):
        super().__init__(_("Some recipients cannot receive your message."), field="recipients")
        self.refusals = refusals


def _wait_message(seconds):
    if seconds < 120:
        return ngettext(
            "You are sending messages faster than the site allows. You can send again in "
            "%(count)d second.",
            "You are sending messages faster than the site allows. You can send again in "
            "%(count)d seconds.",
            seconds,
        ) % {"count": seconds}
    minutes = math.ceil(seconds / 60)
    return ngettext(
        "You are sending messages faster than the site allows. You can send again in "
        "%(count)d minute.",
        "You are sending messages faster than the site allows. You can send again in "
        "%(count)d minutes.",
        minutes,
    ) % {"count": minutes}


def _check_rate(sender):
    """Count one sending attempt; refuse while over the limit."""
    rate = parse_rate(getattr(settings, "CONVERSATION_MESSAGE_RATE", DEFAULT_MESSAGE_RATE))
    if rate is None:
        return
    amount, duration = rate
    wait = rate_limits.consume(f"osc:rl:private-message:{sender.pk}", amount, duration)
    if wait:
        raise ConversationRefused(_wait_message(wait), field="body")


def _check_body(body):
    if not (body or "").strip():
        raise ConversationRefused(_("Write a message."), field="body")


def _announce(message, recipient_ids):
    pk = message.pk

    def send():
        row = Message.objects.select_related("conversation", "author").get(pk=pk)
        message_sent.send(sender=Message, message=row, recipient_ids=list(recipient_ids))

    transaction.on_commit(send)


def start_conversation(sender, recipients, *, subject, body, consented_ids=()):
    """A new conversation from `sender` to `recipients` (1 to MAX_RECIPIENTS members), with
    its first message. Raises RecipientsRefused naming each recipient who may not be written
    to, and ConversationRefused for the rest. `consented_ids`: see
    permissions.recipient_refusals (recipients who agreed to be contacted for this)."""
    if not permissions.is_active_member(sender):
        raise PermissionDenied
    recipients = list({recipient.pk: recipient for recipient in recipients}.values())
    if not recipients:
        raise ConversationRefused(_("Choose at least one member."), field="recipients")
    if len(recipients) > MAX_RECIPIENTS:
        raise ConversationRefused(
            ngettext(
                "Write to at most %(count)d member at once.",
                "Write to at most %(count)d members at once.",
                MAX_RECIPIENTS,
            )
            % {"count": MAX_RECIPIENTS},
            field="recipients",
        )
    refusals = permissions.recipient_refusals(sender, recipients, consented_ids)
    if refusals:
        raise RecipientsRefused(
            [
                (recipient, refusals[recipient.pk])
                for recipient in recipients
                if recipient.pk in refusals
            ]
        )
    if not (subject or "").strip():
        raise ConversationRefused(_("Give the conversation a subject."), field="subject")
    _check_body(body)
    _check_rate(sender)
    now = timezone.now()
    with transaction.atomic():
        conversation = Conversation.objects.create(
            subject=subject.strip(), created_at=now, last_message_at=now
        )
        Participant.objects.bulk_create(
            [Participant(conversation=conversation, user=sender, joined_at=now, last_read_at=now)]
            + [
                # Joined just before the first message, so it counts as unread for them.
                Participant(
                    conversation=conversation,
                    user=recipient,
                    joined_at=now,
                    last_read_at=now - timedelta(microseconds=1),
                )
                for recipient in recipients
            ]
        )
        message = Message.objects.create(
            conversation=conversation, author=sender, body=body, created_at=now
        )
        _announce(message, [recipient.pk for recipient in recipients])
    return conversation


def other_participants(conversation, user):
    return [
        participant.user
        for participant in conversation.participants.select_related("user")
        if participant.user_id != user.pk
    ]


def send_reply(conversation, sender, body):
    """A reply by a participant; refused while a block stands between them and another
    participant (permissions.reply_refusal)."""
    if not permissions.is_participant(sender, conversation):
        raise PermissionDenied
    others = other_participants(conversation, sender)
    refusal = permissions.reply_refusal(sender, others)
    if refusal:
        raise ConversationRefused(refusal)
    _check_body(body)
    _check_rate(sender)
    now = timezone.now()
    with transaction.atomic():
        message = Message.objects.create(
            conversation=conversation, author=sender, body=body, created_at=now
        )
        Conversation.objects.filter(pk=conversation.pk).update(last_message_at=now)
        Participant.objects.filter(conversation=conversation, user=sender).update(last_read_at=now)
        _announce(message, [other.pk for other in others if permissions.is_active_member(other)])
    return message


def mark_read(conversation, user, at=None):
    Participant.objects.filter(conversation=conversation, user=user).update(
        last_read_at=at or timezone.now()
    )


def inbox(user):
    """The member's conversations, newest first, each with `unread` (messages by others since
    they last read it), `participant_list` (everyone in it, the member included) and
    `last_body` (the latest message's text): three queries, however many conversations."""
    mine = Participant.objects.filter(conversation=OuterRef("pk"), user=user)
    unread = (
        Message.objects.filter(conversation=OuterRef("pk"), created_at__gt=OuterRef("my_last_read"))
        .exclude(author=user)
        .order_by()
        .values("conversation")
        .annotate(count=Count("pk"))
        .values("count")
    )
    latest = Message.objects.filter(conversation=OuterRef("pk"), removed_at__isnull=True).order_by(
        "-created_at", "-pk"
    )
    return (
        permissions.visible_conversations(user)
        .annotate(my_last_read=Subquery(mine.values("last_read_at")[:1]))
        .annotate(
            unread=Coalesce(Subquery(unread, output_field=IntegerField()), Value(0)),
            last_body=Subquery(latest.values("body")[:1]),
            last_author=Subquery(latest.values("author_id")[:1]),
        )
        .prefetch_related(
            Prefetch(
                "participants",
                queryset=Participant.objects.select_related("user").order_by("pk"),
                to_attr="participant_list",
            )
        )
        .order_by("-last_message_at", "-pk")
    )


def with_others(conversations, user):
    """Each conversation of the inbox gets `others`: its participants but `user` (prefetched,
    no query)."""
    for conversation in conversations:
        conversation.others = [
            participant.user
            for participant in conversation.participant_list
            if participant.user_id != user.pk
        ]
    return conversations


# ---------- Blocks ----------


def block(blocker, blocked):
    if not permissions.is_active_member(blocker):
        raise PermissionDenied
    if blocker.pk == blocked.pk:
        raise ConversationRefused(_("You cannot block yourself."))
    try:
        with transaction.atomic():
            ContactBlock.objects.get_or_create(blocker=blocker, blocked=blocked)
    except IntegrityError:  # a double click: the first one counted
        pass


def share_a_conversation(member, other):
    return Participant.objects.filter(user=other, conversation__participants__user=member).exists()


def unblock(blocker, blocked):
    ContactBlock.objects.filter(blocker=blocker, blocked=blocked).delete()


# ---------- Reports and the moderators ----------


def report_message(message, reporter, *, reason, details=""):
    """A participant reports another participant's message to the moderators (staff read only
    that message, not the conversation)."""
    if not permissions.is_participant(reporter, message.conversation):
        raise PermissionDenied
    if message.author_id == reporter.pk:
        raise ConversationRefused(_("You cannot report your own message."))
    if message.is_removed:
        raise ConversationRefused(_("This message has already been removed."))
    try:
        return moderation.report_target(message, reporter, reason=reason, details=details)
    except moderation.ModerationRefused as refusal:
        raise ConversationRefused(refusal.message, field=refusal.field) from None


def describe_message(message):
    """What the moderators' queue shows of a reported message."""
    return {
        "kind": _("Private message"),
        "author": message.author,
        "text": message.body,
        "created_at": message.created_at,
    }


def remove_message(message, moderator, reason):
    """A moderator removes a reported message: its text is emptied, the reason shown in its
    place to the participants."""
    Message.objects.filter(pk=message.pk).update(
        body="", removed_at=timezone.now(), removed_reason=reason
    )


# ---------- Personal data (community.privacy.registry) ----------


def conversation_rows(participations, user):
    """The member's conversations for their archive: subject, who took part (by name), when
    they last read it, and every message in it with its author's name. Never an email
    address."""
    conversations = (
        Conversation.objects.filter(pk__in=participations.values("conversation_id"))
        .prefetch_related(
            Prefetch("participants", queryset=Participant.objects.select_related("user")),
            Prefetch("messages", queryset=Message.objects.select_related("author")),
        )
        .order_by("created_at", "pk")
    )
    rows = []
    for conversation in conversations:
        mine = next(p for p in conversation.participants.all() if p.user_id == user.pk)
        rows.append(
            {
                "subject": conversation.subject,
                "started": conversation.created_at,
                "participants": [
                    p.user.get_display_name() for p in conversation.participants.all()
                ],
                "last_read_at": mine.last_read_at,
                "messages": [
                    {
                        "author": message.author.get_display_name(),
                        "mine": message.author_id == user.pk,
                        "body": message.body,
                        "sent": message.created_at,
                        "removed": message.removed_at,
                    }
                    for message in conversation.messages.all()
                ],
            }
        )
    return rows


def erase_conversations(user):
    """On deleting an account: the member's messages are deleted (private words, not a public
    contribution), they leave every conversation, and a conversation with nobody left, or only
    closed accounts, goes entirely."""
    conversation_ids = list(
        Participant.objects.filter(user=user).values_list("conversation_id", flat=True)
    )
    gone = set(Message.objects.filter(author=user).values_list("pk", flat=True))
    Message.objects.filter(author=user).delete()
    Participant.objects.filter(user=user).delete()
    User = get_user_model()
    still_there = Participant.objects.filter(
        conversation_id__in=conversation_ids,
        user__in=User.objects.filter(is_active=True, erased_at__isnull=True),
    ).values("conversation_id")
    empty = Conversation.objects.filter(pk__in=conversation_ids).exclude(pk__in=still_there)
    gone |= set(Message.objects.filter(conversation__in=empty).values_list("pk", flat=True))
    empty.delete()
    # Reports point at messages through a generic relation, which deleting does not follow:
    # reports about messages that no longer exist would wait in the queue for nothing.
    moderation.forget_target_reports(Message, gone)
