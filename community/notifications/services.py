"""The notification centre's one way in: `notify()`, and what reads notifications back.

`notify` writes one row per recipient in a single bulk insert whatever the number of
recipients (a reply to a thread with hundreds of followers costs the same handful of queries as
one with a single follower), leaves out the actor and anyone who turned the kind off, and queues
the immediate emails as one background task once the transaction has committed. Rows chosen
for the digest wait for `send_notification_digests`.

Who may read what is not decided here: callers pass only recipients allowed to read the target
(the receivers filter by `community.discussions.permissions`), and the email task asks again
just before sending, through `still_readable`.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from wagtail.models import Page

from community.notifications.display import localize
from community.notifications.emails import (
    UNSUBSCRIBE_ALL_DIGEST,
    read_unsubscribe_token,
    still_readable,
    unsubscribe_token,
    unsubscribe_url,
)
from community.notifications.models import (
    Delivery,
    Notification,
    NotificationKind,
    NotificationPreference,
)
from community.notifications.tasks import send_notification_emails

__all__ = [
    "UNSUBSCRIBE_ALL_DIGEST",
    "latest_for",
    "localize",
    "mark_all_read",
    "mark_read",
    "notify",
    "still_readable",
    "unsubscribe",
    "unsubscribe_token",
    "unsubscribe_url",
    "read_unsubscribe_token",
    "unread_state",
]


def _ids(recipients):
    ids = []
    for recipient in recipients:
        pk = getattr(recipient, "pk", recipient)
        if pk is not None:
            ids.append(int(pk))
    return ids


def notify(recipients, kind, target=None, actor=None, *, subject="", url="", data=None):
    """Notify each recipient once about `target`; returns the created notifications.

    `recipients`: users or user ids, duplicates allowed. The actor is never notified of their
    own action; inactive and erased accounts never are. `subject` (the target's name) and `url`
    (a site path) default to the target's `str()` and `get_absolute_url()` / page URL.
    """
    kind = NotificationKind(kind)
    actor_id = getattr(actor, "pk", actor)
    wanted = {pk for pk in _ids(recipients) if pk != actor_id}
    if not wanted:
        return []
    User = get_user_model()
    member_ids = list(
        User.objects.filter(pk__in=wanted, is_active=True, erased_at__isnull=True).values_list(
            "pk", flat=True
        )
    )
    deliveries = NotificationPreference.deliveries_for(member_ids, kind)
    target_type = ContentType.objects.get_for_model(target) if target is not None else None
    subject = (subject or (str(target) if target is not None else ""))[:255]
    url = url or _url_of(target)
    now = timezone.now()
    rows = [
        Notification(
            recipient_id=member_id,
            kind=kind,
            actor_id=actor_id,
            target_type=target_type,
            target_id=target.pk if target is not None else None,
            subject=subject,
            url=url[:500],
            data=data or {},
            delivery=delivery,
            created=now,
        )
        for member_id, delivery in sorted(deliveries.items())
        if delivery != Delivery.OFF
    ]
    created = Notification.objects.bulk_create(rows)
    immediate = [row.pk for row in created if row.delivery == Delivery.IMMEDIATE]
    if immediate:
        # Databases without RETURNING give no primary keys back; fetch them in one query.
        if None in immediate:
            immediate = list(
                Notification.objects.filter(
                    created=now, kind=kind, delivery=Delivery.IMMEDIATE, recipient_id__in=member_ids
                ).values_list("pk", flat=True)
            )
        transaction.on_commit(lambda: send_notification_emails.enqueue(immediate))
    return created


def _url_of(target):
    if target is None:
        return ""
    if isinstance(target, Page):
        return target.url or ""
    get_url = getattr(target, "get_absolute_url", None)
    return get_url() if get_url else ""


def mark_read(member, pk):
    """Mark one of the member's notifications read; returns it, or None if it is not theirs."""
    notification = Notification.objects.filter(recipient=member, pk=pk).first()
    if notification is not None and notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def mark_all_read(member):
    return Notification.objects.filter(recipient=member).mark_read()


def unsubscribe(member, kind):
    """No more email for `kind` (or for everything sent by digest): in-site only from now."""
    if kind == UNSUBSCRIBE_ALL_DIGEST:
        kinds = [
            k for k, d in NotificationPreference.all_for(member).items() if d == Delivery.DIGEST
        ]
    else:
        kinds = [kind]
    for each in kinds:
        if NotificationPreference.all_for(member)[each] != Delivery.OFF:
            NotificationPreference.set(member, each, Delivery.SITE)
    return kinds


def unread_state(member):
    """(number of unread notifications, newest unread id) for the header's count: one query on
    the (recipient, read_at) index. The pair changes whenever the count could read differently
    (one read and another arrived leaves the number, not the newest id)."""
    state = Notification.objects.filter(recipient=member, read_at__isnull=True).aggregate(
        count=Count("pk"), newest=Max("pk")
    )
    return state["count"], state["newest"] or 0


def latest_for(member, limit=5):
    """The member's latest notifications, read or not, in the reader's language: a fixed
    number of queries ("My participation")."""
    rows = Notification.objects.filter(recipient=member).select_related("actor")[:limit]
    return localize(rows)
