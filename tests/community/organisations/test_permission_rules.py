"""community/organisations/permissions.py rule by rule: memberships, admins, proposals, people.

The views' tests walk the common paths; these pin the edges (a pending admin, an inactive one,
another organisation's), found by mutation testing where a broken rule still passed the suite.
"""

import pytest
from django.contrib.auth.models import AnonymousUser, Permission

from cms.factories import CountryFactory, OrganisationFactory
from community.members.factories import UserFactory
from community.organisations.models import MembershipRole, MembershipStatus, OrganisationMembership
from community.organisations.permissions import (
    can_manage_organisation,
    can_review_proposals,
    member_organisation_ids,
    visible_organisation_people,
)

pytestmark = pytest.mark.django_db


def membership(organisation, user, status=MembershipStatus.ACCEPTED, role=MembershipRole.MEMBER):
    return OrganisationMembership.objects.create(
        organisation=organisation, user=user, status=status, role=role
    )


def test_a_members_organisations_are_the_accepted_memberships_of_that_member_only():
    member, other = UserFactory(), UserFactory()
    # Unrelated organisations first, so membership ids and organisation ids differ.
    OrganisationFactory.create_batch(3)
    mine, pending, theirs = OrganisationFactory.create_batch(3)
    membership(pending, other)
    membership(mine, member)
    membership(pending, member, status=MembershipStatus.PENDING)
    membership(theirs, other)
    assert member_organisation_ids(member) == {mine.pk}
    assert member_organisation_ids(AnonymousUser()) == set()


def test_only_an_active_accepted_admin_of_this_organisation_manages_it():
    organisation, elsewhere = OrganisationFactory.create_batch(2)
    admin, pending, inactive, other_admin, plain = UserFactory.create_batch(5)
    membership(organisation, admin, role=MembershipRole.ADMIN)
    membership(organisation, pending, status=MembershipStatus.PENDING, role=MembershipRole.ADMIN)
    membership(organisation, inactive, role=MembershipRole.ADMIN)
    membership(elsewhere, other_admin, role=MembershipRole.ADMIN)
    membership(organisation, plain)
    inactive.is_active = False
    inactive.save()
    assert can_manage_organisation(organisation, admin)
    for user in (pending, inactive, other_admin, plain, AnonymousUser()):
        assert not can_manage_organisation(organisation, user), user


def test_who_may_add_organisations_reviews_proposals_without_being_a_superuser():
    editor, member = UserFactory.create_batch(2)
    editor.user_permissions.add(Permission.objects.get(codename="add_organisation"))
    editor = type(editor).objects.get(pk=editor.pk)  # fresh permission cache
    assert can_review_proposals(editor)
    assert can_review_proposals(UserFactory(is_superuser=True))
    assert not can_review_proposals(member)
    assert not can_review_proposals(AnonymousUser())


def test_an_organisations_people_are_its_own_accepted_members_with_their_country_in_one_query(
    django_assert_num_queries,
):
    organisation, elsewhere = OrganisationFactory.create_batch(2)
    country = CountryFactory(code="HR", name="Croatia")
    ana = UserFactory(display_name="Ana", country=country)
    bo = UserFactory(display_name="Bo", country=country)
    membership(organisation, bo)
    membership(organisation, ana)
    membership(elsewhere, UserFactory(display_name="Cleo"))
    membership(organisation, UserFactory(display_name="Dan"), status=MembershipStatus.PENDING)
    with django_assert_num_queries(1):
        people = [
            (p.display_name, p.country.name) for p in visible_organisation_people(organisation, ana)
        ]
    assert people == [("Ana", "Croatia"), ("Bo", "Croatia")]
