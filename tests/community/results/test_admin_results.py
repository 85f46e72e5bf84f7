"""Organisers follow up a call's selected ideas in the admin, where they rank ideas and publish
the results: each selected idea with its result, or the action that turns it into one,
attached to an existing pilot action if they choose; the site's rules decide."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.factories import PilotActionPageFactory
from community.ideas.factories import IdeaFactory
from community.ideas.models import IdeaStatus
from community.results import services
from community.results.factories import published_call, selected_idea
from community.results.models import IdeaResultPage
from tests.community.ideas.review_helpers import make_organiser, make_reviewer

pytestmark = pytest.mark.django_db

# Queries of the admin page of a call's results, whatever the number of selected ideas.
ADMIN_RESULTS_QUERIES = 19


def _page(client, call):
    return client.get(reverse("community_review:results", args=[call.pk]))


def _make(client, idea, **data):
    return client.post(reverse("community_review:make_result", args=[idea.pk]), data)


def test_the_ranking_page_leads_the_organiser_to_the_results_once_published(home, client):
    call = published_call(parent=home)
    client.force_login(make_organiser(home))

    html = client.get(reverse("community_review:ranking", args=[call.pk])).content.decode()

    assert reverse("community_review:results", args=[call.pk]) in html


def test_the_organiser_turns_a_selected_idea_into_a_result_attached_to_a_pilot_action(home, client):
    call = published_call(parent=home)
    idea = selected_idea(call, title="Seed library")
    IdeaFactory(call=call, status=IdeaStatus.NOT_SELECTED, title="Left aside")
    pilot = PilotActionPageFactory(parent=home, title="Seed banks in Crete")
    client.force_login(make_organiser(home))

    html = _page(client, call).content.decode()
    response = _make(client, idea, pilot_action=pilot.pk)

    assert "Seed library" in html and "Left aside" not in html
    assert f'<option value="{pilot.pk}">' in html and "Turn into a result" in html
    assert response.status_code == 302
    assert response["Location"] == reverse("community_review:results", args=[call.pk])
    result = IdeaResultPage.objects.get(idea=idea)
    assert result.live and result.pilot_action_id == pilot.pk
    after = _page(client, call).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[result.pk]) in after
    assert "Turn into a result" not in after


def test_before_the_results_are_published_the_admin_says_why_and_makes_nothing(home, client):
    call = published_call(parent=home, results_published_at=None)
    idea = selected_idea(call)
    client.force_login(make_organiser(home))

    html = _page(client, call).content.decode()
    _make(client, idea)

    assert 'data-testid="result-refusal"' in html and "Turn into a result" not in html
    assert not IdeaResultPage.objects.exists()


def test_a_reviewer_who_does_not_run_the_call_can_neither_see_nor_make_results(home, client):
    call = published_call(parent=home)
    idea = selected_idea(call)
    client.force_login(make_reviewer())

    # The admin answers a refusal by sending back to its dashboard.
    for response in (_page(client, call), _make(client, idea)):
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert not IdeaResultPage.objects.exists()


def test_the_admin_results_page_costs_the_same_queries_for_1_and_8_selected_ideas(
    home, client, commit
):
    call = published_call(parent=home)
    organiser = make_organiser(home)
    PilotActionPageFactory(parent=home)
    client.force_login(organiser)

    def add(count):
        for n in range(count):
            idea = selected_idea(call)
            if n % 2:
                commit(services.create_result, idea, organiser)

    def measure():
        _page(client, call)
        with CaptureQueriesContext(connection) as queries:
            response = _page(client, call)
        assert response.status_code == 200
        return len(queries), response

    add(2)
    few, _response = measure()
    add(6)
    many, response = measure()

    assert len(response.context["rows"]) == 8
    assert (few, many) == (ADMIN_RESULTS_QUERIES, ADMIN_RESULTS_QUERIES)
