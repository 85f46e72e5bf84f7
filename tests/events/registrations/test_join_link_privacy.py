"""The join link is shown only to confirmed registrants: not to visitors, other members,
people waiting, the API, search or feeds."""

import pytest

from events.pages.factories import WebinarPageFactory
from events.registrations import services
from tests.events.conftest import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def webinar(index):
    return WebinarPageFactory(parent=index, capacity=1)


def shows_link(client, webinar):
    return webinar.join_url in client.get(webinar.url).content.decode()


def test_a_visitor_does_not_see_the_join_link(client, webinar):
    assert not shows_link(client, webinar)


def test_a_member_who_is_not_registered_does_not_see_it(client, webinar):
    client.force_login(make_member("other@example.org"))
    assert not shows_link(client, webinar)


def test_a_confirmed_registrant_sees_it_and_a_waiting_one_does_not(client, webinar):
    seated, waiting = make_member("a@example.org"), make_member("b@example.org")
    services.register(webinar, user=seated)
    services.register(webinar, user=waiting)
    client.force_login(waiting)
    assert not shows_link(client, webinar)
    client.force_login(seated)
    assert shows_link(client, webinar)


def test_a_seat_at_another_event_does_not_show_this_ones_join_link(client, webinar):
    member = make_member("a@example.org")
    services.register(WebinarPageFactory(parent=webinar.get_parent()), user=member)
    client.force_login(member)
    assert not shows_link(client, webinar)


def test_a_cancelled_registrant_no_longer_sees_it(client, webinar):
    member = make_member("a@example.org")
    registration = services.register(webinar, user=member).registration
    services.cancel(registration)
    client.force_login(member)
    assert not shows_link(client, webinar)


def test_the_api_never_returns_the_join_link(client, webinar):
    member = make_member("a@example.org")
    services.register(webinar, user=member)
    client.force_login(member)
    detail = client.get(f"/api/v2/pages/{webinar.pk}/", {"fields": "*"})
    listing = client.get("/api/v2/pages/", {"type": "events.WebinarPage", "fields": "*"})
    assert detail.status_code == 200 and listing.status_code == 200
    assert detail.json()["meta"]["type"] == "events.WebinarPage"
    for response in (detail, listing):
        assert webinar.join_url not in response.content.decode()
        assert "join_url" not in response.content.decode()
