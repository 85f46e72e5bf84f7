"""Background work of the events app (django-tasks): emails and the 24-hour reminder.

The immediate backend (development, tests) runs a task at once; in production the database
backend queues it for `manage.py db_worker`. A reminder is scheduled for 24 hours before the
start where the backend can defer work; `manage.py send_event_reminders` (or the
`send_due_reminders` task), run every few minutes, catches any reminder still due, and a
reminder is never sent twice.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from events.pages.models import EventPage, RegistrationStatus
from events.registrations import emails, signals
from events.registrations.models import Registration

__all__ = [
    "REMINDER_LEAD",
    "announce_registration",
    "schedule_reminder",
    "send_due_reminders",
    "send_organiser_message",
    "send_registration_email",
    "send_reminder",
]

REMINDER_LEAD = timedelta(hours=24)


@task()
def send_registration_email(registration_id, kind):
    registration = (
        Registration.objects.select_related("event", "user").filter(pk=registration_id).first()
    )
    if registration is not None:
        emails.send_registration_email(registration, kind)


@task()
def announce_registration(registration_id, kind, signal_name):
    """What happened to a registration, after its commit: the person's email (`kind`), then the
    signal `signal_name` (events/registrations/signals.py) for the notification centre."""
    registration = (
        Registration.objects.select_related("event", "user").filter(pk=registration_id).first()
    )
    if registration is None:
        return
    emails.send_registration_email(registration, kind)
    signals.BY_NAME[signal_name].send(sender=Registration, registration=registration)


def _claim_reminder(registration_id, now):
    """Mark the reminder as sent, once: True for the one caller that claims it."""
    return bool(
        Registration.objects.filter(
            pk=registration_id,
            status=RegistrationStatus.CONFIRMED,
            reminder_sent_at__isnull=True,
            event__start__gt=now,
            event__start__lte=now + REMINDER_LEAD + timedelta(minutes=5),
        ).update(reminder_sent_at=now)
    )


@task()
def send_reminder(registration_id):
    """Remind one confirmed registrant, if the event is within 24 hours and not yet reminded."""
    now = timezone.now()
    if _claim_reminder(registration_id, now):
        send_registration_email.call(registration_id, "reminder")
        return True
    return False


@task()
def send_due_reminders():
    """Remind every confirmed registrant of events starting within the next 24 hours."""
    now = timezone.now()
    due = Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        reminder_sent_at__isnull=True,
        event__start__gt=now,
        event__start__lte=now + REMINDER_LEAD,
    ).values_list("pk", flat=True)
    return sum(1 for pk in list(due) if send_reminder.call(pk))


def schedule_reminder(registration):
    """After commit: queue the reminder for 24 h before the start, where the backend defers.

    A confirmation sent less than 24 h before the start is itself the reminder.
    """
    pk, start = registration.pk, registration.event.start

    def schedule():
        due = start - REMINDER_LEAD
        now = timezone.now()
        if now >= due:
            Registration.objects.filter(pk=pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            )
        elif default_task_backend.supports_defer:
            send_reminder.using(run_after=due).enqueue(pk)

    transaction.on_commit(schedule)


@task()
def send_organiser_message(event_id, subject, message, sender_name=""):
    event = EventPage.objects.get(pk=event_id).specific
    return emails.send_organiser_message(event, subject, message, sender_name)
