"""The unread count in the site header: one query for a member, none for a visitor."""

from django import template
from django.conf import settings

from community.notifications.models import Notification

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notification_count(context):
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if user is None or not user.is_authenticated:
        return 0
    cached = getattr(request, "_unread_notifications", None)
    if cached is None:
        cached = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
        if request is not None:
            request._unread_notifications = cached
    return cached


@register.simple_tag
def notification_poll_seconds():
    """How often the header asks for the count (settings.NOTIFICATION_POLL_SECONDS)."""
    return getattr(settings, "NOTIFICATION_POLL_SECONDS", 60)


@register.filter
def notification_message(notification):
    """The sentence in the active language, names isolated (see Notification.message)."""
    return notification.message(getattr(notification, "display_subject", None))


@register.filter
def notification_text(notification):
    return notification.message_text(getattr(notification, "display_subject", None))
