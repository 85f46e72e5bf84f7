"""community/ideas/permissions.py rule by rule: public ideas, authors, organisers and review.

The views' tests walk the common paths; these pin the edges each rule names (an erased member,
a pending admin, an invited co-author, results published this very second), found by mutation
testing where a broken rule still passed the suite.
"""

import datetime

import pytest
from django.utils import timezone

from cms.factories import OrganisationFactory, make_site
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
from tests.community.ideas.review_helpers import make_organiser, make_reviewer

pytestmark = pytest.mark.django_db

NOW = timezone.now()
HOUR = datetime.timedelta(hours=1)


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
