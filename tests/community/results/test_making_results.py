"""Organisers turn a selected idea into a result (or attach it to a pilot action); the action
is offered only when the idea is selected and the call's results are published, with the
reason beside it otherwise."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from cms.factories import PilotActionPageFactory
from cms.i18n import path_in_language
from community.ideas.models import IdeaStatus
from community.members.factories import UserFactory
from community.results.factories import published_call, selected_idea
from community.results.models import IdeaResultPage, ResultStatus
from tests.cms.test_languages import translate_page
from tests.community.ideas.review_helpers import make_organiser
from tests.community.results.helpers import make_result

pytestmark = pytest.mark.django_db


def _idea_page(client, idea):
    return client.get(reverse("community:idea_detail", args=[idea.pk])).content.decode()


def _make(client, idea, **data):
    return client.post(reverse("community:idea_make_result", args=[idea.pk]), data)


def test_an_organiser_turns_a_selected_idea_into_a_published_result_under_its_call(home, client):
    call = published_call(parent=home)
    idea = selected_idea(call, title="Repair cafés in villages")
    organiser = make_organiser(home)
    client.force_login(organiser)
    assert "Turn into a result" in _idea_page(client, idea)

    response = _make(client, idea)

    result = IdeaResultPage.objects.get(idea=idea)
    assert response.status_code == 302
    assert response["Location"] == reverse("community:result_update", args=[result.pk])
    assert result.live and result.get_parent().pk == call.pk
    assert result.title == "Repair cafés in villages"
    assert result.status == ResultStatus.NOT_STARTED


def test_an_organiser_attaches_the_idea_to_an_existing_pilot_action(home, client):
    call = published_call(parent=home)
    idea = selected_idea(call)
    pilot = PilotActionPageFactory(parent=home)
    client.force_login(make_organiser(home))

    _make(client, idea, pilot_action=pilot.pk)

    assert IdeaResultPage.objects.get(idea=idea).pilot_action_id == pilot.pk


def test_before_results_are_published_the_action_is_refused_with_its_reason(home, client):
    call = published_call(parent=home, results_published_at=None)
    idea = selected_idea(call)
    client.force_login(make_organiser(home))

    html = _idea_page(client, idea)
    _make(client, idea)

    assert "Publish the call&#x27;s results first" in html
    assert 'disabled aria-describedby="idea-result-refusal"' in html
    assert not IdeaResultPage.objects.exists()


def test_only_a_selected_idea_becomes_a_result(home, client):
    call = published_call(parent=home)
    idea = selected_idea(call)
    idea.status = IdeaStatus.NOT_SELECTED
    idea.save()
    client.force_login(make_organiser(home))

    _make(client, idea)

    assert not IdeaResultPage.objects.exists()


def test_a_member_who_does_not_run_the_call_is_neither_offered_nor_allowed_the_action(home, client):
    call = published_call(parent=home)
    idea = selected_idea(call)
    client.force_login(UserFactory())

    html = _idea_page(client, idea)
    _make(client, idea)

    assert "Turn into a result" not in html
    assert not IdeaResultPage.objects.exists()


def test_an_idea_has_one_result(home, client):
    call = published_call(parent=home)
    idea = selected_idea(call)
    client.force_login(make_organiser(home))
    _make(client, idea)

    _make(client, idea)

    assert IdeaResultPage.objects.filter(idea=idea).count() == 1
    # Its page links the result instead of offering the action again.
    assert "Turn into a result" not in _idea_page(client, idea)


def test_results_published_in_the_future_do_not_count_as_published(home, client):
    later = timezone.now() + datetime.timedelta(days=3)
    call = published_call(parent=home, results_published_at=later)
    idea = selected_idea(call)
    client.force_login(make_organiser(home))

    _make(client, idea)

    assert not IdeaResultPage.objects.exists()


def _update_in(client, result, language, **data):
    with translation.override(language):
        url = reverse("community:result_update", args=[result.pk])
    values = {"status": "in_progress", "progress": "10", **data}
    return client.post(url, values)


def test_an_organiser_reading_italian_goes_back_to_the_result_in_italian(home, client, commit):
    """No Italian copy of the result yet: the site's Italian path serves the source page in
    the Italian interface, so the organiser is not dropped into English after saving."""
    result, idea, organiser = make_result(home, commit)
    client.force_login(organiser)

    response = _update_in(client, result, "it")

    assert response.status_code == 302
    assert response["Location"] == path_in_language(result.url, "it")
    assert response["Location"].startswith("/it/")
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert '<html lang="it"' in page.content.decode()
    with translation.override("it"):
        section = client.get(reverse("community:idea_detail", args=[idea.pk])).content.decode()
    assert f'href="{response["Location"]}"' in section


def test_an_organiser_goes_back_to_the_results_own_italian_copy_where_there_is_one(
    home, client, commit
):
    result, _idea, organiser = make_result(home, commit)
    italian = translate_page(result, "it", title="Caffè delle riparazioni")
    client.force_login(organiser)

    response = _update_in(client, result, "it")

    assert response["Location"] == italian.url
    assert _update_in(client, result, "en")["Location"] == result.url
