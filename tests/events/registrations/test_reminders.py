"""The 24-hour reminder runs as a django-tasks task, once per confirmed registrant."""

import datetime

import pytest
from django.utils import timezone

from events.pages.factories import WebinarPageFactory
from events.registrations import services, tasks
from tests.events.conftest import make_member

pytestmark = pytest.mark.django_db


def test_due_reminders_go_to_confirmed_registrants_of_events_within_24_hours_once(
    index, mailoutbox
):
    soon = WebinarPageFactory(
        parent=index, title="Soon", capacity=1, start=timezone.now() + datetime.timedelta(days=2)
    )
    later = WebinarPageFactory(
        parent=index, title="Later", start=timezone.now() + datetime.timedelta(days=5)
    )
    seated, waiting = make_member("a@example.org"), make_member("b@example.org")
    services.register(soon, user=seated)
    services.register(soon, user=waiting)
    services.register(later, user=seated)
    mailoutbox.clear()
    # A day later: "Soon" starts within 24 hours.
    soon.start = timezone.now() + datetime.timedelta(hours=20)
    soon.end = soon.start + datetime.timedelta(hours=2)
    soon.save()
    result = tasks.send_due_reminders.enqueue()
    assert result.return_value == 1
    [mail] = mailoutbox
    assert mail.to == ["a@example.org"] and mail.subject == "Tomorrow: Soon"
    assert soon.join_url in mail.body
    assert mail.attachments[0][0] == "event.ics"
    assert tasks.send_due_reminders.enqueue().return_value == 0  # never twice
    assert len(mailoutbox) == 1


def test_a_reminder_task_for_a_cancelled_registration_sends_nothing(index, mailoutbox):
    webinar = WebinarPageFactory(parent=index, start=timezone.now() + datetime.timedelta(hours=30))
    registration = services.register(webinar, user=make_member("a@example.org")).registration
    services.cancel(registration)
    webinar.start = timezone.now() + datetime.timedelta(hours=10)
    webinar.save()
    mailoutbox.clear()
    assert tasks.send_reminder.enqueue(registration.pk).return_value is False
    assert mailoutbox == []


def test_reminders_are_scheduled_24_hours_ahead_where_the_backend_defers(
    index, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    webinar = WebinarPageFactory(parent=index, start=timezone.now() + datetime.timedelta(days=3))
    with django_capture_on_commit_callbacks(execute=True):
        services.register(webinar, user=make_member("a@example.org"))
    scheduled = [r for r in default_task_backend.results if r.task.name == "send_reminder"]
    assert len(scheduled) == 1
    assert scheduled[0].task.run_after == webinar.start - datetime.timedelta(hours=24)
