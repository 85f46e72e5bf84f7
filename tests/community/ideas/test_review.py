"""Reviewers in the Wagtail admin: only their calls, never a conflicted idea, anonymised when
the call says so; scores 0-5 on every weighted criterion with a comment."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.factories import OrganisationFactory
from community.ideas import reviews as service
from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
from community.ideas.models import CoAuthorStatus, IdeaCoAuthor, IdeaStatus, Review
from community.ideas.permissions import can_view_idea, reviewable_ideas
from community.ideas.services import IdeaRefused
from community.members.factories import UserFactory
from community.organisations.models import MembershipStatus, OrganisationMembership

from .review_helpers import make_organiser, make_reviewer

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer():
    return make_reviewer()


@pytest.fixture
def call(home, reviewer):
    return IdeaCallPageFactory(parent=home, reviewers=[reviewer])


def refused(response):
    """Wagtail answers PermissionDenied in its admin with a redirect to the dashboard."""
    return response.status_code == 302 and response["Location"] == "/admin/"


def scores_for(call, *values):
    return {c.pk: v for c, v in zip(call.criteria.all(), values, strict=True)}


class TestWhatAReviewerSees:
    def test_only_ideas_of_calls_they_are_assigned_to(self, home, call, reviewer):
        mine = IdeaFactory(call=call)
        other = IdeaFactory(call=IdeaCallPageFactory(parent=home))
        assert list(reviewable_ideas(call, reviewer)) == [mine]
        assert list(reviewable_ideas(other.call, reviewer)) == []

    def test_never_drafts_or_withdrawn_ideas(self, call, reviewer):
        IdeaFactory(call=call, status=IdeaStatus.DRAFT)
        IdeaFactory(call=call, status=IdeaStatus.WITHDRAWN)
        assert list(reviewable_ideas(call, reviewer)) == []

    def test_never_their_own_or_coauthored_ideas(self, call, reviewer):
        IdeaFactory(call=call, author=reviewer)
        coauthored = IdeaFactory(call=call)
        IdeaCoAuthor.objects.create(idea=coauthored, user=reviewer, status=CoAuthorStatus.ACCEPTED)
        assert list(reviewable_ideas(call, reviewer)) == []

    def test_never_ideas_of_their_organisations(self, call, reviewer):
        organisation = OrganisationFactory()
        OrganisationMembership.objects.create(
            organisation=organisation, user=reviewer, status=MembershipStatus.ACCEPTED
        )
        IdeaFactory(call=call, organisation=organisation)
        assert list(reviewable_ideas(call, reviewer)) == []

    def test_a_declared_conflict_hides_the_idea_and_drops_an_earlier_review(self, call, reviewer):
        idea = IdeaFactory(call=call)
        service.save_review(idea, reviewer, scores_for(call, 4, 4))
        service.declare_conflict(reviewer, idea=idea, reason="My cousin")
        assert list(reviewable_ideas(call, reviewer)) == []
        assert not Review.objects.exists()
        assert not can_view_idea(idea, reviewer) or idea.call.ideas_public
        with pytest.raises(IdeaRefused):
            service.save_review(idea, reviewer, scores_for(call, 1, 1))

    def test_a_conflict_with_an_organisation_hides_all_its_ideas(self, call, reviewer):
        organisation = OrganisationFactory()
        IdeaFactory(call=call, organisation=organisation)
        kept = IdeaFactory(call=call)
        service.declare_conflict(reviewer, organisation=organisation)
        assert list(reviewable_ideas(call, reviewer)) == [kept]


class TestAdminPages:
    def test_the_review_page_of_a_conflicted_idea_is_not_found(self, client, call, reviewer):
        idea = IdeaFactory(call=call)
        client.force_login(reviewer)
        url = reverse("community_review:idea", args=[idea.pk])
        assert client.get(url).status_code == 200
        service.declare_conflict(reviewer, idea=idea)
        assert client.get(url).status_code == 404

    def test_an_unassigned_reviewer_sees_neither_the_call_nor_its_ideas(self, client, call):
        idea = IdeaFactory(call=call)
        client.force_login(make_reviewer())
        assert client.get(reverse("community_review:idea", args=[idea.pk])).status_code == 404
        assert refused(client.get(reverse("community_review:call", args=[call.pk])))

    def test_scoring_every_criterion_with_a_comment(self, client, call, reviewer):
        idea = IdeaFactory(call=call)
        impact, feasibility = call.criteria.all()
        client.force_login(reviewer)
        url = reverse("community_review:idea", args=[idea.pk])
        response = client.post(url, {f"criterion_{impact.pk}": "5", "comment": "Strong"})
        assert response.status_code == 200
        assert f'id="id_criterion_{feasibility.pk}_error"' in response.content.decode()
        assert re.search(r'value="5"[^>]*checked', response.content.decode())
        response = client.post(
            url,
            {
                f"criterion_{impact.pk}": "5",
                f"criterion_{feasibility.pk}": "2",
                "comment": "Strong",
            },
        )
        assert response.status_code == 302
        review = Review.objects.get()
        assert review.comment == "Strong"
        assert {s.criterion_id: s.score for s in review.scores.all()} == {
            impact.pk: 5,
            feasibility.pk: 2,
        }

    def test_a_score_above_five_is_refused(self, client, call, reviewer):
        idea = IdeaFactory(call=call)
        impact, feasibility = call.criteria.all()
        client.force_login(reviewer)
        response = client.post(
            reverse("community_review:idea", args=[idea.pk]),
            {f"criterion_{impact.pk}": "6", f"criterion_{feasibility.pk}": "2"},
        )
        assert response.status_code == 200
        assert not Review.objects.exists()

    def test_anonymised_review_hides_the_authors(self, client, home, reviewer):
        call = IdeaCallPageFactory(parent=home, reviewers=[reviewer], anonymised_review=True)
        organisation = OrganisationFactory(name="Secret Cooperative")
        idea = IdeaFactory(
            call=call,
            author=UserFactory(display_name="Visible Author"),
            organisation=organisation,
            team="<p>Marta Rossi and friends</p>",
        )
        client.force_login(reviewer)
        html = client.get(reverse("community_review:idea", args=[idea.pk])).content.decode()
        for secret in ("Visible Author", "Secret Cooperative", "Marta Rossi"):
            assert secret not in html
        call.anonymised_review = False
        call.save()
        html = client.get(reverse("community_review:idea", args=[idea.pk])).content.decode()
        assert "Visible Author" in html

    def test_reviewers_cannot_see_the_ranking(self, client, call, reviewer):
        client.force_login(reviewer)
        assert refused(client.get(reverse("community_review:ranking", args=[call.pk])))


class TestOrganiser:
    def test_bulk_status_change_from_the_ranking(self, client, home, call):
        organiser = make_organiser(home)
        ideas = [IdeaFactory(call=call) for _ in range(3)]
        client.force_login(organiser)
        response = client.post(
            reverse("community_review:ranking", args=[call.pk]),
            {"ideas": [ideas[0].pk, ideas[1].pk], "status": IdeaStatus.UNDER_REVIEW},
        )
        assert response.status_code == 302
        statuses = [type(i).objects.get(pk=i.pk).status for i in ideas]
        assert statuses == [IdeaStatus.UNDER_REVIEW, IdeaStatus.UNDER_REVIEW, IdeaStatus.SUBMITTED]

    def test_published_results_appear_on_the_call_page(self, client, home, reviewer):
        call = IdeaCallPageFactory(
            parent=home,
            ideas_public=False,
            opens_at=timezone.now() - timedelta(days=30),
            closes_at=timezone.now() - timedelta(days=1),
        )
        winner = IdeaFactory(call=call, status=IdeaStatus.SELECTED, title="The winning idea")
        IdeaFactory(call=call, status=IdeaStatus.NOT_SELECTED, title="Not this one")
        organiser = make_organiser(home)
        assert "The winning idea" not in client.get(call.url).content.decode()
        client.force_login(organiser)
        client.post(reverse("community_review:publish", args=[call.pk]))
        client.logout()
        html = client.get(call.url).content.decode()
        assert "The winning idea" in html and "Not this one" not in html
        assert client.get(winner.get_absolute_url()).status_code == 200

    def test_an_open_call_offers_no_publish_button_and_says_when_it_can(self, client, home, call):
        client.force_login(make_organiser(home))
        html = client.get(reverse("community_review:ranking", args=[call.pk])).content.decode()
        assert reverse("community_review:publish", args=[call.pk]) not in html
        assert "Results can be published once the call has closed, on" in html
        call.closes_at = timezone.now() - timedelta(minutes=1)
        call.save()
        html = client.get(reverse("community_review:ranking", args=[call.pk])).content.decode()
        assert reverse("community_review:publish", args=[call.pk]) in html

    def test_a_refused_move_names_the_idea_and_the_steps_open_to_it(self, client, home, call):
        idea = IdeaFactory(call=call, title="Seed library")
        client.force_login(make_organiser(home))
        url = reverse("community_review:ranking", args=[call.pk])
        page = client.get(url).content.decode()
        assert "Can move to" in page and "Under review, Not selected" in page
        response = client.post(
            url, {"ideas": [idea.pk], "status": IdeaStatus.SELECTED}, follow=True
        )
        html = response.content.decode()
        assert (
            "“Seed library” is Submitted: from there it can move to Under review, Not selected."
            in html
        )
        assert type(idea).objects.get(pk=idea.pk).status == IdeaStatus.SUBMITTED

    def test_results_cannot_be_published_while_the_call_is_open(self, home, call):
        with pytest.raises(IdeaRefused):
            service.publish_results(call, make_organiser(home))

    def test_only_organisers_publish(self, home, reviewer):
        call = IdeaCallPageFactory(
            parent=home,
            closes_at=timezone.now() - timedelta(days=1),
            opens_at=timezone.now() - timedelta(days=9),
        )
        with pytest.raises(IdeaRefused):
            service.publish_results(call, reviewer)
