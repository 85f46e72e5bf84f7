"""The workshop permission matrix: visitor / member / participant / facilitator / staff ×
read / contribute / comment / support / group / synthesise, decided in one module."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from wagtail.models import Locale

from community.members.factories import UserFactory
from community.workshops.factories import CoDesignWorkshopPageFactory, ContributionFactory
from community.workshops.permissions import (
    WorkshopAccess,
    access_for,
    can_support_contribution,
    is_facilitator,
    is_participant,
    visible_contributions,
)
from events.pages.models import RegistrationStatus

from .helpers import before_start, seat, workshop_with_people

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


@pytest.mark.parametrize("role", MATRIX)
def test_each_role_is_named_as_the_space_names_it(setting, role):
    """The space's template picks its wording (join, contribute, facilitate) by this name."""
    workshop, people = setting
    user = people[role] or AnonymousUser()
    assert access_for(user, workshop).role == role


def test_a_superuser_who_is_not_staff_reads_and_groups_as_staff(setting):
    workshop, _people = setting
    root = UserFactory(email="root@example.org", is_superuser=True, two_factor=False)
    access = access_for(root, workshop)
    assert access.role == "staff"
    assert tuple(access.allows(a) for a in ABILITIES) == MATRIX["staff"]


def test_an_inactive_staff_member_or_facilitator_gets_nothing(setting):
    workshop, people = setting
    for role in ("staff", "facilitator"):
        people[role].is_active = False
        people[role].save()
        access = access_for(people[role], workshop)
        assert access == WorkshopAccess(), role


def test_a_facilitator_or_participant_of_another_language_copy_is_one_of_this_one(setting):
    workshop, people = setting
    french = workshop.copy_for_translation(
        Locale.objects.get(language_code="fr"), copy_parents=True
    )
    french.save_revision().publish()
    french.facilitators.set([people["member"]])
    french.save()  # a ParentalManyToManyField is written when its page is saved
    newcomer = UserFactory(email="newcomer@example.org")
    seat(french, newcomer)
    for copy in (workshop, french):
        assert access_for(people["member"], copy).role == "facilitator"
        assert access_for(newcomer, copy).role == "participant"
        assert access_for(people["participant"], copy).role == "participant"
        assert access_for(people["facilitator"], copy).role == "facilitator"


def test_a_facilitator_of_another_workshop_is_only_a_member_here(setting):
    workshop, people = setting
    CoDesignWorkshopPageFactory(parent=workshop.get_parent(), facilitators=[people["member"]])
    other = CoDesignWorkshopPageFactory(parent=workshop.get_parent())
    seat(other, people["member"])
    assert access_for(people["member"], workshop) == WorkshopAccess(role="member")


def test_without_a_time_given_writing_follows_the_clock(setting):
    workshop, people = setting
    workshop.start = timezone.now() + datetime.timedelta(hours=1)
    workshop.end = workshop.start + datetime.timedelta(hours=2)
    assert not access_for(people["participant"], workshop).contribute
    workshop.start = timezone.now() - datetime.timedelta(hours=1)
    assert access_for(people["participant"], workshop).contribute


def test_a_participant_supports_others_contributions_never_their_own(setting):
    workshop, people = setting
    mine = ContributionFactory(workshop=workshop, author=people["participant"])
    theirs = ContributionFactory(workshop=workshop, author=people["facilitator"])
    access = access_for(people["participant"], workshop)
    assert can_support_contribution(people["participant"], theirs, access)
    assert not can_support_contribution(people["participant"], mine, access)
    closed = access_for(people["participant"], workshop, now=before_start(workshop))
    assert not can_support_contribution(people["participant"], theirs, closed)


def test_a_visitor_or_an_inactive_account_is_neither_facilitator_nor_participant(setting):
    workshop, people = setting
    for person in ("facilitator", "participant"):
        people[person].is_active = False
        people[person].save()
    for user in (AnonymousUser(), people["facilitator"], people["participant"]):
        assert not is_facilitator(user, workshop) and not is_participant(user, workshop)
