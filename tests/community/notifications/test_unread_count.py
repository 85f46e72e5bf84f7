"""The header's unread count, refreshed without a reload: a small JSON endpoint answering a
304 while nothing changed (ETag / If-None-Match), the new count once something did."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from community.members.factories import UserFactory
from community.notifications.models import Notification, NotificationKind
from community.notifications.services import mark_all_read, notify

pytestmark = pytest.mark.django_db


def count_url(language="en"):
    with translation.override(language):
        return reverse("notifications:unread_count")


@pytest.fixture
def member():
    return UserFactory(display_name="Bruno Rossi")


@pytest.fixture
def client(member):
    client = Client()
    client.force_login(member)
    return client


def mention(member):
    notify([member], NotificationKind.MENTION, actor=UserFactory(), subject="Rooftops", url="/")


def test_count_endpoint_gives_the_count_its_label_and_an_etag(client, member):
    mention(member)
    response = client.get(count_url())
    assert response.status_code == 200
    assert response.json() == {"count": 1, "label": "(1 unread)"}
    assert response["ETag"]
    assert "private" in response["Cache-Control"]


def test_count_endpoint_answers_304_on_a_matching_etag(client, member):
    mention(member)
    etag = client.get(count_url())["ETag"]
    response = client.get(count_url(), headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_count_endpoint_answers_200_with_the_new_count_after_a_new_notification(client, member):
    mention(member)
    etag = client.get(count_url())["ETag"]
    mention(member)
    response = client.get(count_url(), headers={"if-none-match": etag})
    assert response.status_code == 200
    assert response.json()["count"] == 2
    assert response["ETag"] != etag


def test_count_endpoint_changes_when_one_is_read_and_another_arrives(client, member):
    mention(member)
    etag = client.get(count_url())["ETag"]
    mark_all_read(member)
    mention(member)  # one unread again, but another one
    response = client.get(count_url(), headers={"if-none-match": etag})
    assert response.status_code == 200
    assert response.json()["count"] == 1


def test_count_endpoint_label_follows_the_readers_language(client, member):
    mention(member)
    etag = client.get(count_url())["ETag"]
    response = client.get(count_url("ar"), headers={"if-none-match": etag})
    assert response.status_code == 200
    assert response.json()["label"] != "(1 unread)"


def test_count_endpoint_is_cheap(client, member, django_assert_max_num_queries):
    for _ in range(5):
        mention(member)
    client.get(count_url())
    # The session, the member, and one aggregate over their unread notifications.
    with django_assert_max_num_queries(3):
        response = client.get(count_url())
    assert response.json()["count"] == 5


def test_count_endpoint_refuses_visitors():
    response = Client().get(count_url())
    assert response.status_code == 403
    assert Notification.objects.count() == 0


def test_header_gives_the_poll_address_and_interval(client, member, settings):
    settings.NOTIFICATION_POLL_SECONDS = 2
    html = client.get(reverse("notifications:list")).content.decode()
    assert f'data-notification-poll="{count_url()}"' in html
    assert 'data-poll-seconds="2"' in html
    assert 'aria-live="polite"' in html
    assert "js/notification-count" in html
