"""Similar ideas while typing: public ideas of the call and the author's own, in the language
they write in; never someone else's draft or another call's ideas."""

import pytest
from django.urls import reverse

from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
from community.ideas.models import IdeaStatus
from community.ideas.similar import words
from community.members.factories import UserFactory

pytestmark = pytest.mark.django_db


def titles(client, call, text, language="en"):
    response = client.get(
        reverse("community:similar_ideas", args=[call.pk]), {"text": text, "language": language}
    )
    assert response.status_code == 200
    return [result["title"] for result in response.json()["results"]]


def test_words_ignore_case_accents_and_short_words():
    assert words("Café RÉPARATION, and the repair-café!") == {"cafe", "reparation", "repair"}


def test_public_ideas_and_the_authors_own_draft_are_suggested(client, home):
    call = IdeaCallPageFactory(parent=home)
    me = UserFactory()
    IdeaFactory(call=call, title="Repair café in the neighbourhood", summary="Fixing appliances")
    IdeaFactory(call=call, author=me, status=IdeaStatus.DRAFT, title="My repair café draft")
    IdeaFactory(call=call, status=IdeaStatus.DRAFT, title="Someone else's repair café draft")
    IdeaFactory(call=call, title="Urban gardens", summary="Vegetables on roofs")
    IdeaFactory(call=IdeaCallPageFactory(parent=home), title="Repair café elsewhere")
    IdeaFactory(call=call, language="it", title="Repair café italiano")
    client.force_login(me)
    found = titles(client, call, "A repair café for appliances")
    assert set(found) == {"Repair café in the neighbourhood", "My repair café draft"}
    assert found[0] == "Repair café in the neighbourhood"  # shares more words


def test_ideas_of_a_call_that_keeps_them_private_are_not_suggested(client, home):
    call = IdeaCallPageFactory(parent=home, ideas_public=False)
    IdeaFactory(call=call, title="Repair café in the neighbourhood")
    assert titles(client, call, "repair café") == []
