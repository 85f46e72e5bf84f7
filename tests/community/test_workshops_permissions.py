"""The workshop permission matrix: visitor / member / participant / facilitator / staff ×
read / contribute / comment / support / group / synthesise, decided in one module."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from community.factories import ContributionFactory
from community.workshop_permissions import access_for, visible_contributions
from events.models import RegistrationStatus

from .workshop_helpers import before_start, seat, workshop_with_people

Y, N = True, False
# ability:          read contribute comment support group synthesise
MATRIX = {
    "visitor": (N, N, N, N, N, N),
    "member": (N, N, N, N, N, N),
    "participant": (Y, Y, Y, Y, N, N),
    "facilitator": (Y, Y, Y, Y, Y, Y),
    "staff": (Y, N, N, N, Y, Y),
}
ABILITIES = ("read", "contribute", "comment", "support", "group", "synthesise")


@pytest.fixture
def setting(db):
    return workshop_with_people()


@pytest.mark.parametrize("role", MATRIX)
def test_each_role_may_do_exactly_what_the_matrix_says(setting, role):
    workshop, people = setting
    user = people[role] or AnonymousUser()
    access = access_for(user, workshop)
    assert tuple(access.allows(a) for a in ABILITIES) == MATRIX[role]


@pytest.mark.parametrize("role", ["participant", "facilitator"])
def test_nobody_writes_before_the_workshop_starts_but_reading_is_open(setting, role):
    workshop, people = setting
    access = access_for(people[role], workshop, now=before_start(workshop))
    assert access.read and not (access.contribute or access.comment or access.support)


def test_writing_stops_when_contributions_close(setting):
    workshop, people = setting
    workshop.contributions_close = workshop.start + datetime.timedelta(days=1)
    after = workshop.contributions_close + datetime.timedelta(seconds=1)
    assert not access_for(people["participant"], workshop, now=after).contribute
    assert access_for(people["participant"], workshop, now=workshop.start).contribute


@pytest.mark.parametrize(
    "status",
    [RegistrationStatus.WAITLISTED, RegistrationStatus.CANCELLED, RegistrationStatus.PENDING],
)
def test_a_registration_without_a_seat_gives_no_access(setting, status):
    workshop, people = setting
    seat(workshop, people["member"], status=status)
    assert not access_for(people["member"], workshop).read


def test_an_attended_registration_still_counts_as_a_participant(setting):
    workshop, people = setting
    seat(workshop, people["member"], status=RegistrationStatus.ATTENDED)
    assert access_for(people["member"], workshop).contribute


def test_an_inactive_participant_loses_access(setting):
    workshop, people = setting
    people["participant"].is_active = False
    people["participant"].save()
    assert not access_for(people["participant"], workshop).read


@pytest.mark.parametrize("role", MATRIX)
def test_visible_contributions_follows_the_read_column(setting, role):
    workshop, people = setting
    ContributionFactory(workshop=workshop, author=people["participant"])
    user = people[role] or AnonymousUser()
    assert visible_contributions(workshop, user).count() == (1 if MATRIX[role][0] else 0)
