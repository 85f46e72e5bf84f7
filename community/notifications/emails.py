"""Notification emails: one at once, or the day's digest grouped by kind, each in the
member's language and carrying a one-click unsubscribe (RFC 8058) for what it is about.

Nothing about a target the member may no longer read is emailed (`still_readable`): a member
who left a private group since the notification was written gets no word of its threads.
"""

from collections import defaultdict

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse
from django.utils import translation

from cms.mail import base_url, recipient_language, send_templated_mail
from community.conversations.models import Conversation
from community.conversations.permissions import is_participant
from community.discussions.models import Post, Thread
from community.discussions.permissions import can_read_space
from community.ideas.permissions import discussable_ideas
from community.notifications.display import localize
from community.notifications.models import NotificationKind
from community.results.models import IdeaResultPage
from community.results.permissions import can_view_result
from community.results.services import as_reader

__all__ = [
    "UNSUBSCRIBE_ALL_DIGEST",
    "read_unsubscribe_token",
    "send_digest",
    "send_immediate",
    "still_readable",
    "unsubscribe_token",
    "unsubscribe_url",
]

UNSUBSCRIBE_SALT = "community.notifications.unsubscribe"
# A digest mixes kinds: its unsubscribe link turns every kind the member gets by digest into
# in-site only.
UNSUBSCRIBE_ALL_DIGEST = "digest"


def still_readable(notification, user):
    """False when the member may no longer read what the notification is about."""
    if notification.target_id is None:
        return True
    target = notification.target
    if target is None:  # deleted since: no longer readable by anyone
        return False
    # A post hidden or deleted since is not emailed about, except to tell its author so.
    if (
        isinstance(target, Post)
        and notification.kind != NotificationKind.POST_MODERATED
        and (not target.is_visible or target.is_deleted)
    ):
        return False
    # An idea's conversation is read only while the idea is open to it (withdrawn since: no).
    thread = target.thread if isinstance(target, Post) else target
    if (
        isinstance(thread, Thread)
        and thread.idea_id
        and notification.kind != NotificationKind.POST_MODERATED
        and not discussable_ideas().filter(pk=thread.idea_id).exists()
    ):
        return False
    if isinstance(target, Conversation):
        return is_participant(user, target)
    if isinstance(target, IdeaResultPage):
        return can_view_result(target, as_reader(user))
    space = _space_of(target)
    return space is None or can_read_space(user, space)


def _space_of(target):
    """The discussion space a target lives in (a post, a thread), else None."""
    if isinstance(target, Post):
        return target.thread.space
    if isinstance(target, Thread):
        return target.space
    return None


def unsubscribe_token(member, kind):
    return signing.dumps({"m": member.pk, "k": str(kind)}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    """(member, kind) for a genuine token, else None. Tokens do not expire: the link in a
    year-old email still has to work, and it can only ever turn emails off."""
    try:
        payload = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict):
        return None
    kind = payload.get("k")
    if kind != UNSUBSCRIBE_ALL_DIGEST and kind not in NotificationKind.values:
        return None
    member = get_user_model().objects.filter(pk=payload.get("m"), is_active=True).first()
    if member is None:
        return None
    return member, kind


def unsubscribe_url(member, kind, language=None):
    with translation.override(language or recipient_language(member)):
        path = reverse("notifications:unsubscribe", args=[unsubscribe_token(member, kind)])
    return base_url() + path


def _headers(url):
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _entries(notifications, language):
    with translation.override(language):
        notifications = localize(notifications, language)
        return [
            {
                "text": notification.message_text(notification.display_subject),
                "url": base_url() + notification.display_url if notification.display_url else "",
                "notification": notification,
            }
            for notification in notifications
        ]


def send_immediate(notification):
    member = notification.recipient
    language = recipient_language(member)
    url = unsubscribe_url(member, notification.kind, language)
    (entry,) = _entries([notification], language)
    return send_templated_mail(
        "community_notification",
        member,
        {
            "entry": entry,
            "kind_label": NotificationKind(notification.kind).label,
            "unsubscribe_url": url,
            "preferences_url": _absolute("notifications:preferences", language),
        },
        language=language,
        headers=_headers(url),
    )


def send_digest(member, notifications):
    """One email for the member's pending digest notifications, a section per kind."""
    language = recipient_language(member)
    entries = _entries(notifications, language)
    grouped = defaultdict(list)
    for entry in entries:
        grouped[entry["notification"].kind].append(entry)
    sections = [
        {"label": kind.label, "entries": grouped[kind]}
        for kind in NotificationKind
        if kind in grouped
    ]
    url = unsubscribe_url(member, UNSUBSCRIBE_ALL_DIGEST, language)
    return send_templated_mail(
        "community_notification_digest",
        member,
        {
            "sections": sections,
            "count": len(entries),
            "unsubscribe_url": url,
            "preferences_url": _absolute("notifications:preferences", language),
            "list_url": _absolute("notifications:list", language),
        },
        language=language,
        headers=_headers(url),
    )


def _absolute(name, language):
    with translation.override(language):
        return base_url() + reverse(name)
