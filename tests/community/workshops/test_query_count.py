"""The workshop page renders in a constant number of queries whatever the number of
contributions, comments, supports and groups (warm second request, as in
tests/events/listing/test_query_counts.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.members.factories import UserFactory
from community.workshops.factories import ContributionFactory
from community.workshops.models import ContributionComment, ContributionGroup, ContributionSupport

from .helpers import seat, workshop_with_people

# A member's page costs at most this many queries on a warm request (issue "Speed and scale").
MEMBER_BUDGET = 20
# Measured with 5 and with 60 contributions (each with two comments and two supports). Exact: a
# change that adds one shows here.
EXPECTED = {"participant": 20, "facilitator": 20}


def grow(workshop, people, count, group):
    others = [UserFactory() for _n in range(2)]
    for person in others:
        seat(workshop, person)
    for n in range(count):
        contribution = ContributionFactory(
            workshop=workshop, author=others[n % 2], group=group if n % 3 == 0 else None
        )
        for person in (people["facilitator"], others[(n + 1) % 2]):
            ContributionComment.objects.create(
                contribution=contribution, author=person, text="Why there?"
            )
        for person in (people["participant"], people["facilitator"]):
            ContributionSupport.objects.create(contribution=contribution, user=person)


def measure(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response.content.decode()


@pytest.mark.parametrize("role", ["participant", "facilitator"])
def test_the_workshop_page_costs_the_same_queries_for_5_and_60_contributions(client, db, role):
    workshop, people = workshop_with_people()
    group = ContributionGroup.objects.create(workshop=workshop, heading="Mobility")
    client.force_login(people[role])
    grow(workshop, people, 5, group)
    small, body = measure(client, workshop.url)
    assert body.count('class="workshop-contribution"') == 5
    grow(workshop, people, 55, group)
    large, body = measure(client, workshop.url)
    assert body.count('class="workshop-contribution"') == 60
    assert small == large, f"{small} -> {large} queries"
    assert large <= MEMBER_BUDGET
    assert large == EXPECTED[role]
