"""The notification centre listens: events, ideas and discussions announce what happened
(Django signals sent after their transaction committed) and this module turns each into
notifications through `community.services.notifications.notify`.

Connected in `CommunityConfig.ready`.
"""

from django.dispatch import receiver
from django.urls import reverse

from events import signals as event_signals
from events.models import Registration

from .models import CoAuthorStatus, IdeaStatus, NotificationKind
from .services.notifications import notify
from .signals import idea_status_changed

# What happened to a member's own registration, by signal.
_REGISTRATION_KINDS = {
    event_signals.registration_confirmed: NotificationKind.REGISTRATION_CONFIRMED,
    event_signals.registration_waitlisted: NotificationKind.REGISTRATION_WAITLISTED,
    event_signals.registration_promoted: NotificationKind.REGISTRATION_PROMOTED,
    event_signals.registration_cancelled: NotificationKind.REGISTRATION_CANCELLED,
    event_signals.application_approved: NotificationKind.APPLICATION_APPROVED,
    event_signals.application_declined: NotificationKind.APPLICATION_DECLINED,
}


def _event_of(registration):
    return registration.event.specific


def notify_registrant(sender, registration, signal, **kwargs):
    """The member whose registration changed (guests have no account: their email says it)."""
    if not registration.user_id:
        return
    event = _event_of(registration)
    actor = None
    if signal in (event_signals.application_approved, event_signals.application_declined):
        actor = registration.decided_by
    notify([registration.user_id], _REGISTRATION_KINDS[signal], event, actor=actor)


for _signal in _REGISTRATION_KINDS:
    _signal.connect(
        notify_registrant, sender=Registration, dispatch_uid=f"notify_registrant_{id(_signal)}"
    )


@receiver(event_signals.application_received, sender=Registration)
def notify_organisers_of_application(sender, registration, **kwargs):
    event = _event_of(registration)
    organiser_ids = list(event.organisers.values_list("pk", flat=True))
    notify(
        organiser_ids,
        NotificationKind.APPLICATION_RECEIVED,
        event,
        actor=registration.user_id,
        data={} if registration.user_id else {"guest": registration.display_name},
    )


@receiver(idea_status_changed)
def notify_idea_authors(sender, idea, from_status, to_status, changed_by=None, **kwargs):
    """The idea's author and accepted co-authors; not whoever made the change. A new draft
    concerns nobody but its author, who is looking at it."""
    if to_status == IdeaStatus.DRAFT:
        return
    authors = [
        idea.author_id,
        *idea.coauthors.filter(status=CoAuthorStatus.ACCEPTED).values_list("user_id", flat=True),
    ]
    notify(
        authors,
        NotificationKind.IDEA_STATUS,
        idea,
        actor=changed_by,
        subject=idea.title,
        url=reverse("community:idea_detail", args=[idea.pk]),
        data={"status": str(to_status)},
    )
