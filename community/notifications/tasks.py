"""Background work of the notification centre (django-tasks): the emails sent at once, and
the daily digest (`manage.py send_notification_digests`, or the task, run once a day).

Each email is claimed before it is sent (`emailed_at` / `digest_sent_at` set by a conditional
update), so a task run twice, or two workers at once, never email anyone twice.
"""

from collections import defaultdict

from django.utils import timezone
from django_tasks import task

from community.notifications.emails import send_digest, send_immediate, still_readable
from community.notifications.models import Delivery, Notification, NotificationPreference

__all__ = ["send_notification_digests", "send_notification_emails"]


@task()
def send_notification_emails(notification_ids):
    """Email each of these notifications to its recipient, once; returns how many were sent."""
    now = timezone.now()
    pending = list(
        Notification.objects.filter(
            pk__in=notification_ids, delivery=Delivery.IMMEDIATE, emailed_at__isnull=True
        )
        .select_related("recipient", "actor")
        .order_by("pk")
    )
    sent = 0
    for notification in pending:
        if not Notification.objects.filter(pk=notification.pk, emailed_at__isnull=True).update(
            emailed_at=now
        ):
            continue  # another worker took it
        member = notification.recipient
        if member.is_active and not member.erased_at and still_readable(notification, member):
            send_immediate(notification)
            sent += 1
    return sent


@task()
def send_notification_digests():
    """One email per member with unread notifications waiting for the digest, grouped by kind;
    returns how many digests were sent. Read ones were already seen on the site: not sent."""
    now = timezone.now()
    waiting = (
        Notification.objects.filter(
            delivery=Delivery.DIGEST, digest_sent_at__isnull=True, read_at__isnull=True
        )
        .select_related("recipient", "actor")
        .order_by("recipient_id", "created", "pk")
    )
    by_member = defaultdict(list)
    for notification in waiting:
        by_member[notification.recipient_id].append(notification)
    sent = 0
    for notifications in by_member.values():
        member = notifications[0].recipient
        claimed = Notification.objects.filter(
            pk__in=[n.pk for n in notifications], digest_sent_at__isnull=True
        ).update(digest_sent_at=now)
        if not claimed or not member.is_active or member.erased_at:
            continue
        # The member may have moved a kind off the digest since: only what they still want.
        wanted = NotificationPreference.all_for(member)
        notifications = [
            n
            for n in notifications
            if wanted.get(n.kind) == Delivery.DIGEST and still_readable(n, member)
        ]
        if notifications:
            send_digest(member, notifications)
            sent += 1
    return sent
