"""Query budgets of the event pages (issue "Speed and scale"): the events index within the
public budget on a warm request, and an event page costing the same with 5 or 1,000
registrations, within the public budget for a visitor and the member budget for a member."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from community.members.factories import UserFactory
from events.pages.factories import WebinarPageFactory
from events.pages.models import RegistrationStatus
from events.registrations.models import Registration

pytestmark = pytest.mark.django_db

PUBLIC_BUDGET = 12
MEMBER_BUDGET = 20


def warm(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return [query["sql"] for query in queries.captured_queries]


def add_registrations(event, count):
    users = UserFactory.create_batch(count) if count <= 5 else None
    if users is None:
        from django.contrib.auth import get_user_model

        User = get_user_model()
        users = User.objects.bulk_create(
            User(email=f"reader{event.pk}-{n}@example.org") for n in range(count)
        )
    Registration.objects.bulk_create(
        Registration(event=event, user=user, status=RegistrationStatus.CONFIRMED, position=n)
        for n, user in enumerate(users)
    )


def test_events_index_is_within_the_public_budget(index):
    for _ in range(3):
        WebinarPageFactory(parent=index)
    sql = warm(Client(), index.url)
    assert len(sql) <= PUBLIC_BUDGET, "\n".join(sql)


@pytest.mark.parametrize("reader", ["visitor", "member"])
def test_a_webinar_costs_the_same_with_5_or_1000_registrations(index, reader):
    webinar = WebinarPageFactory(parent=index, capacity=None)
    add_registrations(webinar, 5)
    client = Client()
    if reader == "member":
        client.force_login(UserFactory())
    few = warm(client, webinar.url)
    assert len(few) <= (PUBLIC_BUDGET if reader == "visitor" else MEMBER_BUDGET), "\n".join(few)
    add_registrations(webinar, 995)
    many = warm(client, webinar.url)
    assert len(many) == len(few)


def registration_rows_read(sql):
    """The queries that list registration rows with no bound: neither counted (COUNT, EXISTS)
    nor limited. What a page reads of registrations must not grow with their number."""
    unbounded = []
    for query in sql:
        selected, _, rest = query.partition(" FROM ")
        if not rest.startswith('"events_registration"'):
            continue
        if "COUNT(" in selected or "EXISTS(" in selected or re.search(r"LIMIT \d+$", query):
            continue
        unbounded.append(query)
    return unbounded


@pytest.mark.parametrize("reader", ["visitor", "member", "registered member"])
def test_a_webinar_with_1000_registrations_counts_them_in_the_database(index, reader):
    """5 or 1,000 registrations (and a capacity and a cap, so seats and balance are shown): the
    same queries, and none of them lists the registrations themselves."""
    from events.pages.factories import cap

    webinar = WebinarPageFactory(
        parent=index, capacity=2000, caps=[cap("stakeholder_type", "business", percent=50)]
    )
    add_registrations(webinar, 5)
    client = Client()
    if reader == "member":
        client.force_login(UserFactory())
    elif reader == "registered member":
        client.force_login(Registration.objects.filter(event=webinar).first().user)
    few = warm(client, webinar.url)
    add_registrations(webinar, 995)
    many = warm(client, webinar.url)

    assert len(few) == len(many), f"{len(few)} -> {len(many)} queries"
    assert len(many) <= (PUBLIC_BUDGET if reader == "visitor" else MEMBER_BUDGET)
    assert registration_rows_read(many) == []
