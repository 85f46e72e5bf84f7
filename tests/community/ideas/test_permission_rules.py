"""community/ideas/permissions.py rule by rule: profiles, organisations, ideas and review.

The views' tests walk the common paths; these pin the edges each rule names (an erased member,
a pending admin, an invited co-author, results published this very second), found by mutation
testing where a broken rule still passed the suite.
"""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser, Permission
from django.utils import timezone

from cms.factories import CountryFactory, OrganisationFactory, make_site
from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
from community.ideas.models import CoAuthorStatus, Idea, IdeaCallReviewer, IdeaCoAuthor, IdeaStatus
from community.ideas.permissions import (
    can_edit_idea,
    can_view_idea,
    is_call_organiser,
    is_idea_author,
    is_public_idea,
    public_ideas,
    reviewable_ideas,
)
from community.members.factories import UserFactory
from community.members.models import ProfileVisibility
from community.members.permissions import can_see_profile, visible_profiles
from community.organisations.models import MembershipRole, MembershipStatus, OrganisationMembership
from community.organisations.permissions import (
    can_manage_organisation,
    can_review_proposals,
    member_organisation_ids,
    visible_organisation_people,
)
from tests.community.ideas.review_helpers import make_organiser, make_reviewer

pytestmark = pytest.mark.django_db

NOW = timezone.now()
HOUR = datetime.timedelta(hours=1)


# --- profiles ---


def test_an_erased_account_is_in_no_list_of_profiles_even_if_it_was_public():
    kept = UserFactory(profile_visibility=ProfileVisibility.PUBLIC)
    erased = UserFactory(profile_visibility=ProfileVisibility.PUBLIC, erased_at=NOW)
    everyone = type(kept).objects.filter(pk__in=[kept.pk, erased.pk])
    assert list(visible_profiles(everyone, AnonymousUser())) == [kept]


def test_an_erased_or_inactive_member_has_no_profile_for_others_but_sees_their_own():
    viewer = UserFactory()
    erased = UserFactory(profile_visibility=ProfileVisibility.PUBLIC, erased_at=NOW)
    inactive = UserFactory(profile_visibility=ProfileVisibility.PUBLIC, is_active=False)
    for member in (erased, inactive):
        assert not can_see_profile(member, viewer)
        assert not can_see_profile(member, AnonymousUser())
        assert can_see_profile(member, member)


# --- organisations ---


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


# --- ideas ---


def _call(**fields):
    return IdeaCallPageFactory(parent=make_site(), **fields)


def test_submitted_ideas_are_public_only_where_the_call_publishes_them():
    hidden = IdeaFactory(call=_call(ideas_public=False))
    shown = IdeaFactory(
        call=IdeaCallPageFactory(parent=hidden.call.get_parent(), ideas_public=True)
    )
    assert list(public_ideas()) == [shown]
    assert not is_public_idea(hidden) and is_public_idea(shown)


def test_once_results_are_out_only_selected_ideas_become_public():
    call = _call(ideas_public=False, results_published_at=NOW - HOUR)
    selected = IdeaFactory(call=call, status=IdeaStatus.SELECTED)
    for status in (IdeaStatus.NOT_SELECTED, IdeaStatus.SHORTLISTED, IdeaStatus.SUBMITTED):
        IdeaFactory(call=call, status=status)
    assert list(public_ideas()) == [selected]


def test_results_published_later_make_nothing_public_until_then_and_from_that_second():
    call = _call(ideas_public=False, results_published_at=NOW + HOUR)
    selected = IdeaFactory(call=call, status=IdeaStatus.SELECTED)
    assert list(public_ideas(now=NOW)) == []
    assert not is_public_idea(selected, now=NOW)
    at_publication = call.results_published_at
    assert list(public_ideas(now=at_publication)) == [selected]
    assert is_public_idea(selected, now=at_publication)


def test_public_ideas_narrows_the_queryset_it_is_given():
    call = _call(ideas_public=True)
    first, second = IdeaFactory.create_batch(2, call=call)
    assert list(public_ideas(Idea.objects.filter(pk=second.pk))) == [second]
    assert set(public_ideas()) == {first, second}


def test_only_an_accepted_co_author_of_this_idea_counts_as_its_author():
    idea = IdeaFactory(call=_call())
    other_idea = IdeaFactory(call=idea.call)
    invited, accepted, of_other = UserFactory.create_batch(3)
    IdeaCoAuthor.objects.create(idea=idea, user=invited)
    IdeaCoAuthor.objects.create(idea=idea, user=accepted, status=CoAuthorStatus.ACCEPTED)
    IdeaCoAuthor.objects.create(idea=other_idea, user=of_other, status=CoAuthorStatus.ACCEPTED)
    assert is_idea_author(idea, idea.author) and is_idea_author(idea, accepted)
    assert not is_idea_author(idea, invited)
    assert not is_idea_author(idea, of_other)


def test_a_superuser_organises_every_call_without_page_permissions():
    assert is_call_organiser(_call(), UserFactory(is_superuser=True))


def test_an_inactive_editor_organises_no_call():
    call = _call()
    organiser = make_organiser(call.get_parent())
    assert is_call_organiser(call, organiser)
    organiser.is_active = False
    organiser.save()
    assert not is_call_organiser(call, organiser)


def test_organisers_and_assigned_reviewers_read_submitted_ideas_of_a_call_that_hides_them():
    call = _call(ideas_public=False)
    reviewer = make_reviewer()
    IdeaCallReviewer.objects.create(page=call, user=reviewer)
    organiser = make_organiser(call.get_parent())
    submitted = IdeaFactory(call=call)
    withdrawn = IdeaFactory(call=call, status=IdeaStatus.WITHDRAWN)
    for user in (organiser, reviewer):
        assert can_view_idea(submitted, user), user
        assert not can_view_idea(withdrawn, user), user
    assert not can_view_idea(submitted, UserFactory())


def test_authors_edit_only_while_the_call_is_open_at_the_moment_asked():
    call = _call()
    idea = IdeaFactory(call=call)
    assert can_edit_idea(idea, idea.author, now=NOW)
    assert not can_edit_idea(idea, idea.author, now=call.closes_at + HOUR)


def test_a_reviewer_never_reviews_ideas_of_the_organisation_on_their_profile():
    call = _call()
    organisation = OrganisationFactory()
    reviewer = make_reviewer(organisation=organisation)
    IdeaCallReviewer.objects.create(page=call, user=reviewer)
    ours = IdeaFactory(call=call, organisation=organisation)
    independent = IdeaFactory(call=call)
    assert list(reviewable_ideas(call, reviewer)) == [independent]
    assert ours.pk not in reviewable_ideas(call, reviewer).values_list("pk", flat=True)
