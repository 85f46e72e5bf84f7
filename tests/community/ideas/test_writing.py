"""Ideas' sections are written with the members' editor: kept as typed, rendered through the
one sanitiser, with @-names suggested among the idea's own authors only; sections written as
HTML before the editor show as they were. Bios: Markdown, their HTML-looking text kept as text."""

import importlib

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse

from community.ideas import services
from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
from community.ideas.models import CoAuthorStatus, Idea, IdeaCoAuthor, IdeaStatus
from community.ideas.views import api
from community.members import mentions
from community.members.factories import UserFactory
from community.members.models import ProfileVisibility

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(home):
    author = UserFactory(display_name="Idris Author")
    idea = IdeaFactory(call=IdeaCallPageFactory(parent=home), author=author)
    accepted = UserFactory(display_name="Ines Coauthor")
    invited = UserFactory(display_name="Ivo Invited")
    IdeaCoAuthor.objects.create(idea=idea, user=accepted, status=CoAuthorStatus.ACCEPTED)
    IdeaCoAuthor.objects.create(idea=idea, user=invited, status=CoAuthorStatus.INVITED)
    UserFactory(display_name="Ian Stranger")
    return idea


def test_a_section_keeps_its_markdown_and_shows_it_rendered(client, idea):
    named = idea.coauthors.get(status=CoAuthorStatus.ACCEPTED).user
    idea.solution = f"We **cook** with {mentions.mention_text(named)}.\n\n- Mondays\n- Fridays"
    idea.save()
    idea.refresh_from_db()
    assert idea.solution.startswith("We **cook**")
    client.force_login(idea.author)
    html = client.get(idea.get_absolute_url()).content.decode()
    assert "We <strong>cook</strong> with" in html and "<li>Fridays</li>" in html
    assert f'href="{reverse("community:profile", args=[named.pk])}"' in html
    # The edit form shows what the authors typed.
    idea.status = IdeaStatus.DRAFT
    idea.save(update_fields=["status"])
    form = client.get(reverse("community:idea_edit", args=[idea.pk])).content.decode()
    assert "We **cook** with @[Ines Coauthor]" in form


def test_sections_written_as_html_before_the_editor_show_as_they_were(idea):
    legacy = "<p>Old <em>HTML</em> &amp; a list</p><ul><li>one</li></ul>"
    Idea.objects.filter(pk=idea.pk).update(problem=legacy, rendered_sections={})
    migration = importlib.import_module("community.migrations.0017_member_writing")
    migration.show_earlier_idea_sections_as_they_were(apps, None)
    idea.refresh_from_db()
    assert idea.rendered_sections["problem"] == legacy
    assert str(idea.shown_sections(idea.author)["problem"]) == legacy
    idea.save()  # saved again, rendered from its source: the same
    assert idea.rendered_sections["problem"] == legacy


def test_names_are_suggested_among_the_ideas_accepted_authors_only(idea):
    names = [item["name"] for item in services.mention_suggestions(idea, idea.author, "I")]
    assert names == ["Ines Coauthor"]
    coauthor = idea.coauthors.get(status=CoAuthorStatus.ACCEPTED).user
    assert [item["name"] for item in services.mention_suggestions(idea, coauthor, "i")] == [
        "Idris Author"
    ]
    # Someone who is not an author is offered nobody.
    stranger = UserFactory(display_name="Isla Reader")
    assert services.mention_suggestions(idea, stranger, "I") == []
    coauthor.profile_visibility = ProfileVisibility.HIDDEN
    coauthor.save()
    assert services.mention_suggestions(idea, idea.author, "Ines") == []


def test_the_ideas_name_endpoint_is_for_members_and_limited(idea, monkeypatch):
    endpoint = reverse("community:idea_mentions", args=[idea.pk])
    assert Client().get(endpoint, {"q": "In"}).status_code == 403
    client = Client()
    client.force_login(idea.author)
    monkeypatch.setattr(api, "MENTIONS_RATE", (1, 60))
    response = client.get(endpoint, {"q": "In"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Ines Coauthor" in body and "@example.org" not in body
    assert client.get(endpoint, {"q": "In"}).status_code == 429


def test_a_bio_is_markdown_and_its_html_looking_text_stays_text(client):
    member = UserFactory(
        profile_visibility="public",
        bio="I study **cooperatives**.\n\n- R&D <lab>\n- [our site](https://example.org)",
    )
    html = client.get(reverse("community:profile", args=[member.pk])).content.decode()
    assert "<strong>cooperatives</strong>" in html
    assert "<li>R&amp;D &lt;lab&gt;</li>" in html
    assert '<a href="https://example.org" rel="nofollow">our site</a>' in html
