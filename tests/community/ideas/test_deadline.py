"""After the deadline nothing changes, decided by the server inside the transaction: at the
exact closing second, and for a request that began before it and finishes after."""

from datetime import timedelta
from itertools import chain, repeat
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from community.ideas import services as service
from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
from community.ideas.forms import IdeaForm
from community.ideas.models import Idea, IdeaStatus
from community.members.factories import UserFactory

from .helpers import idea_data

pytestmark = pytest.mark.django_db

CLOSES = timezone.now().replace(microsecond=0) + timedelta(days=1)


@pytest.fixture
def call(home):
    return IdeaCallPageFactory(parent=home, closes_at=CLOSES)


def at(moment):
    return mock.patch.object(service, "now", return_value=moment)


def test_one_microsecond_before_closing_a_submission_is_accepted(call):
    idea = IdeaFactory(call=call, status=IdeaStatus.DRAFT)
    with at(CLOSES - timedelta(microseconds=1)):
        service.submit_idea(idea, idea.author)
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.SUBMITTED


@pytest.mark.parametrize("action", [service.submit_idea, service.withdraw_idea])
def test_at_the_exact_closing_second_authors_are_refused(call, action):
    idea = IdeaFactory(call=call, status=IdeaStatus.DRAFT)
    with at(CLOSES), pytest.raises(service.CallClosed):
        action(idea, idea.author)
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.DRAFT


def test_a_request_that_starts_before_and_finishes_after_the_deadline_is_rolled_back(call):
    author = UserFactory()
    form = IdeaForm(idea_data(), call=call, user=author)
    assert form.is_valid()
    clock = chain([CLOSES - timedelta(seconds=1)], repeat(CLOSES + timedelta(seconds=1)))
    with (
        mock.patch.object(service, "now", side_effect=lambda: next(clock)),
        pytest.raises(service.CallClosed),
    ):
        service.save_idea(form, author, call=call, submit=True)
    assert not Idea.objects.exists()


def test_editing_after_the_deadline_is_refused_with_a_clear_message(client, call):
    idea = IdeaFactory(call=call, title="Original")
    client.force_login(idea.author)
    with mock.patch("django.utils.timezone.now", return_value=CLOSES):
        response = client.post(
            reverse("community:idea_edit", args=[idea.pk]), idea_data(title="Too late")
        )
    idea.refresh_from_db()
    assert idea.title == "Original"
    assert response.status_code == 302
    follow = client.get(response["Location"])
    assert "can no longer be changed" in follow.content.decode()


def test_a_new_idea_after_the_deadline_is_refused(client, call):
    client.force_login(UserFactory())
    with mock.patch("django.utils.timezone.now", return_value=CLOSES + timedelta(hours=1)):
        client.post(reverse("community:idea_new", args=[call.pk]), idea_data())
    assert not Idea.objects.exists()


def test_the_form_shows_the_refusal_when_the_deadline_passes_during_the_request(client, call):
    client.force_login(UserFactory())
    clock = chain([CLOSES - timedelta(seconds=1)], repeat(CLOSES))
    with mock.patch.object(service, "now", side_effect=lambda: next(clock)):
        response = client.post(
            reverse("community:idea_new", args=[call.pk]), {**idea_data(), "submit": ""}
        )
    assert response.status_code == 409
    html = response.content.decode()
    assert "closed" in html
    assert "Neighbourhood repair café" in html  # what was typed is still there
    assert not Idea.objects.exists()


def test_the_call_page_shows_the_time_left_while_open(client, call):
    html = client.get(call.url).content.decode()
    assert "Time left" in html
    assert reverse("community:idea_new", args=[call.pk]) in html
