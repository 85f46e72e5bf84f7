"""A registration costs a fixed number of queries, whatever the number already registered.

Measured as production runs it where it changes the count: the page cache on (a registration
purges what shows its seats) and background tasks queued, not run in the request (the emails
and the notifications are the task's work, tested in test_registration_engine.py). The POST
includes what runs once its transaction commits.
"""

import pytest
from django.core.cache import caches
from django_tasks import default_task_backend

from events.pages.factories import WebinarPageFactory
from events.pages.models import RegistrationStatus
from events.registrations.models import Registration
from tests.events.conftest import make_member

S = RegistrationStatus
# session, member, the page's view restrictions, the page, the member's country (their
# profile's snapshot); savepoint, the event locked, the seats, caps, arrival order and the
# member's registration in one, the new row, release; the pages to purge, once committed. The
# announcement (email, notification) and the reminder are queued (no query with the dummy
# backend, one insert each with the database one).
POST_QUERIES = 11
# The event page as the registered member sees it.
PAGE_QUERIES = 15


@pytest.fixture
def production_like(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    caches[settings.PAGE_CACHE_ALIAS].clear()
    return settings


def already_registered(webinar, count):
    """`count` guests registered before: a seat each for the first half, the others waiting."""
    Registration.objects.bulk_create(
        Registration(
            event=webinar,
            guest_name=f"Guest {n}",
            guest_email=f"g{n}@example.org",
            status=S.CONFIRMED if n < count // 2 else S.WAITLISTED,
            position=n + 1,
            stakeholder_type="business",
            country_code="HR",
            language="en",
        )
        for n in range(count)
    )


def member_with_profile(email="ana@example.org"):
    return make_member(email, stakeholder_type="academia", country_code="IT", languages=["it"])


@pytest.mark.parametrize("before", [5, 1000])
def test_registering_costs_the_same_queries_with_5_or_1000_people_registered(
    client,
    index,
    production_like,
    before,
    django_assert_num_queries,
    django_capture_on_commit_callbacks,
):
    webinar = WebinarPageFactory(parent=index, capacity=2000)
    already_registered(webinar, before)
    # Someone registered just before: what a process caches once (the sites, content types)
    # is cached, as it is in a burst.
    client.force_login(member_with_profile("first@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/en/events/register/{webinar.pk}/").status_code == 302
    default_task_backend.clear()
    client.force_login(member_with_profile())
    with (
        django_assert_num_queries(POST_QUERIES),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(f"/en/events/register/{webinar.pk}/")
    assert response.status_code == 302
    assert Registration.objects.get(user__email="ana@example.org").status == S.CONFIRMED
    queued = [result.task.name for result in default_task_backend.results]
    assert queued == ["announce_registration", "send_reminder"]


@pytest.mark.parametrize("before", [5, 1000])
def test_the_registered_members_event_page_costs_the_same_queries_with_5_or_1000_registered(
    client, index, production_like, before, django_assert_num_queries
):
    webinar = WebinarPageFactory(parent=index, capacity=2000)
    already_registered(webinar, before)
    member = member_with_profile()
    Registration.objects.create(event=webinar, user=member, status=S.CONFIRMED, position=before + 1)
    client.force_login(member)
    client.get(webinar.url)  # what the site makes once (its settings row) is made
    with django_assert_num_queries(PAGE_QUERIES):
        page = client.get(webinar.url).content.decode()
    left = 2000 - before // 2 - 1
    assert f"{left} seats left of 2000" in page
    assert "Cancel my registration" in page and webinar.join_url in page


def test_the_request_queues_the_email_and_the_notification_and_the_task_makes_them(
    client, index, production_like, mailoutbox, django_capture_on_commit_callbacks
):
    from community.notifications.models import Notification

    webinar = WebinarPageFactory(parent=index, title="Open data")
    member = member_with_profile()
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/events/register/{webinar.pk}/")
    assert mailoutbox == [] and not Notification.objects.exists()

    [announcement] = [
        result
        for result in default_task_backend.results
        if result.task.name == "announce_registration"
    ]
    announcement.task.call(*announcement.args, **announcement.kwargs)
    [mail] = mailoutbox
    assert mail.subject == "You are registered: Open data" and mail.to == ["ana@example.org"]
    assert Notification.objects.get().recipient == member
