"""Who may do what with an event's registrations: decided here, checked on the server.

An event's organisers are the members named in its `organisers` field (on any language copy).
They, staff (`is_staff`), superusers and holders of `events.manage_all_registrations` see and
manage its registrations; nobody else does.
"""

from events.pages.models import EventPage
from events.pages.models.choices import SEAT_STATUSES
from events.registrations.models import Registration

__all__ = ["can_manage_registrations", "can_see_join_link", "managed_events"]


def _is_staff(user):
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.is_staff or user.has_perm("events.manage_all_registrations"))
    )


def can_manage_registrations(user, event):
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if _is_staff(user):
        return True
    return EventPage.objects.filter(translation_key=event.translation_key, organisers=user).exists()


def managed_events(user):
    """The events whose registrations this user may manage (registration copies only)."""
    events = EventPage.objects.filter(alias_of__isnull=True)
    if _is_staff(user):
        return events
    if user is None or not user.is_authenticated or not user.is_active:
        return events.none()
    keys = EventPage.objects.filter(organisers=user).values("translation_key")
    return events.filter(translation_key__in=keys)


def can_see_join_link(user, event, registration=None):
    """Only a confirmed registrant (or attendee) of this event sees its join link."""
    if registration is not None:
        return registration.status in SEAT_STATUSES
    if user is None or not user.is_authenticated:
        return False
    return Registration.objects.filter(
        event__translation_key=event.translation_key, user=user, status__in=SEAT_STATUSES
    ).exists()
