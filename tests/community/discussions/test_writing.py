"""Members write posts in Markdown with @-names: the source is kept, its rendering shown; the
preview renders with the same functions; names are suggested among the space's readers only;
a mention links to a profile only for readers who may see it; and each member named is told
once, however often the post is edited."""

import importlib
import json

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse

from cms.antispam import antispam_data
from community.discussions import services, views
from community.discussions.factories import PostFactory
from community.discussions.models import Post, PostMention
from community.discussions.signals import member_mentioned
from community.members import mentions, writing
from community.members.factories import UserFactory
from community.members.models import ProfileVisibility

from .helpers import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home):
    return build_world(home)


@pytest.fixture
def told():
    """Members told of a mention, as (post pk, member pk)."""
    heard = []

    def on_mentioned(sender, post, member, **kwargs):
        heard.append((post.pk, member.pk))

    member_mentioned.connect(on_mentioned, dispatch_uid="test-writing-mentioned")
    yield heard
    member_mentioned.disconnect(dispatch_uid="test-writing-mentioned")


def url(world, name, *args):
    return world.section.url + world.section.reverse_subpage(name, args=args)


def signed_in(user, **kwargs):
    client = Client(**kwargs)
    client.force_login(user)
    return client


def profile_url(member):
    return reverse("community:profile", args=[member.pk])


# ---------- storage: the source kept, its rendering shown ----------


def test_a_post_keeps_the_markdown_as_typed_and_shows_its_rendering(world):
    member = world.people["member"]
    client = signed_in(member)
    source = "**Seed** libraries:\n\n- one\n- two\n\n<script>alert(1)</script>"
    response = client.post(
        url(world, "reply", world.threads["public"].pk),
        {"body": source, "language": "en", **antispam_data()},
    )
    assert response.status_code == 302
    post = Post.objects.get(author=member)
    assert post.source == source
    assert "<strong>Seed</strong>" in post.body and "<li>two</li>" in post.body
    assert "<script" not in post.body
    page = client.get(url(world, "thread", post.thread_id)).content.decode()
    assert "<strong>Seed</strong> libraries:" in page
    # Editing starts from what was typed, not from its HTML.
    edit = client.get(url(world, "post_edit", post.pk)).content.decode()
    assert "**Seed** libraries:" in edit


def test_a_post_written_as_html_before_the_editor_shows_and_edits_as_it_was(world):
    """The migration made each earlier post's HTML its source, leaving its HTML as it was."""
    legacy = "<p>Old <strong>words</strong> &amp; a list:</p><ul><li>one</li></ul>"
    post = PostFactory(thread=world.threads["public"], author=world.people["member"])
    Post.objects.filter(pk=post.pk).update(source="", body=legacy)
    migration = importlib.import_module("community.migrations.0017_member_writing")
    migration.keep_earlier_html_as_source(apps, None)
    post.refresh_from_db()
    assert post.source == legacy and post.body == legacy
    client = signed_in(world.people["member"])
    page = client.get(url(world, "thread", post.thread_id)).content.decode()
    assert legacy in page
    edit = client.get(url(world, "post_edit", post.pk)).content.decode()
    assert "&lt;strong&gt;words&lt;/strong&gt;" in edit  # the HTML, in the textarea
    # Saved again unchanged, it shows the same.
    services.edit_post(post, world.people["member"], body=post.source)
    post.refresh_from_db()
    assert post.body == legacy


def test_the_export_holds_the_text_as_written():
    from community.privacy.registry import REGISTRY

    entry = next(item for item in REGISTRY if item.label == "community.Post")
    assert "source" in entry.export and "body" not in entry.export


# ---------- preview ----------


def test_the_preview_is_what_the_post_shows_once_saved(world):
    member = world.people["member"]
    named = world.people["group_member"]
    client = signed_in(member)
    source = f"Hello {mentions.mention_text(named)}, see **this**:\n\n> quoted\n\n[x](https://example.org)"
    preview = client.post(reverse("community:writing_preview"), {"source": source})
    assert preview.status_code == 200
    shown = preview.json()["html"]
    client.post(
        url(world, "reply", world.threads["public"].pk),
        {"body": source, "language": "en", **antispam_data()},
    )
    post = Post.objects.get(author=member)
    assert shown == str(post.shown_to(member))
    assert shown in client.get(url(world, "thread", post.thread_id)).content.decode()
    assert f'href="{profile_url(named)}"' in shown


def test_the_preview_is_for_members_with_the_csrf_token_and_limited(world, monkeypatch):
    preview_url = reverse("community:writing_preview")
    assert Client().post(preview_url, {"source": "hi"}).status_code == 403
    strict = signed_in(world.people["member"], enforce_csrf_checks=True)
    assert strict.post(preview_url, {"source": "hi"}).status_code == 403
    client = signed_in(world.people["member"])
    assert client.get(preview_url).status_code == 405
    monkeypatch.setattr(writing, "PREVIEW_RATE", (2, 60))
    assert client.post(preview_url, {"source": "hi"}).status_code == 200
    assert client.post(preview_url, {"source": "hi"}).status_code == 200
    refused = client.post(preview_url, {"source": "hi"})
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0


# ---------- suggestions ----------


def suggestions(world, user, space, query):
    client = signed_in(user) if user else Client()
    return client.get(url(world, "mentions", world.spaces[space].slug), {"q": query})


def test_names_are_suggested_only_among_the_readers_of_the_space(world):
    world.people["member"].display_name = "Group Outsider"
    world.people["member"].save()
    hidden = UserFactory(display_name="Group Hidden", profile_visibility=ProfileVisibility.HIDDEN)
    results = suggestions(world, world.people["moderator"], "private", "Group").json()["results"]
    # The plain member may not read the focus group's space; the staff person may.
    names = [result["name"] for result in results]
    assert names == ["Group Member"]
    assert hidden.email not in json.dumps(results)
    everyone = suggestions(world, world.people["moderator"], "members", "group").json()
    assert [result["name"] for result in everyone["results"]] == ["Group Member", "Group Outsider"]
    # A hidden profile is never offered, nor anyone's email.
    assert "Group Hidden" not in json.dumps(everyone)
    assert "@" not in json.dumps(everyone).replace("@[", "")
    first = everyone["results"][0]
    assert set(first) == {"id", "name", "insert"}
    assert first["insert"] == f"@[Group Member](member:{world.people['group_member'].pk})"


def test_suggestions_are_at_most_eight_names_beginning_with_the_query_first(world):
    for number in range(12):
        UserFactory(display_name=f"Mat Walker {number:02d}")
    UserFactory(display_name="Anna Matisse")
    results = suggestions(world, world.people["member"], "public", "Mat").json()["results"]
    assert len(results) == 8
    assert all(result["name"].startswith("Mat") for result in results)


def test_suggestions_are_for_members_who_may_read_the_space_and_limited(world, monkeypatch):
    assert suggestions(world, None, "public", "Group").status_code == 403
    # A space the member may not read does not exist for them.
    assert suggestions(world, world.people["member"], "private", "Group").status_code == 404
    monkeypatch.setattr(views, "MENTIONS_RATE", (1, 60))
    assert suggestions(world, world.people["member"], "public", "Gr").status_code == 200
    assert suggestions(world, world.people["member"], "public", "Gr").status_code == 429


# ---------- typed names ----------


def test_a_name_typed_by_hand_with_spaces_names_the_member(world):
    named = world.people["group_member"]
    html = mentions.render("Ask @Group Member, or @Group-Member, about it.")
    assert mentions.member_ids(html) == [named.pk]
    assert html.count(f'data-member="{named.pk}"') == 2
    assert "about it." in html


def test_a_name_two_members_share_names_nobody_and_the_label_cannot_pretend(world):
    UserFactory(display_name="Twin Name")
    UserFactory(display_name="Twin Name")
    assert mentions.member_ids(mentions.render("@Twin Name hello")) == []
    # The id decides who is named; the name shown is the member's own.
    named = world.people["group_member"]
    html = mentions.render(f"@[The Administrator](member:{named.pk})")
    assert "Administrator" not in html and "@Group Member" in html


def test_a_mention_in_code_or_a_link_stays_a_mention_only_as_text(world):
    html = mentions.render("[see](https://example.org/@Group Member) mail me@Group.org")
    assert mentions.member_ids(html) == []


# ---------- shown per reader ----------


def test_a_mention_links_to_the_profile_only_for_readers_who_may_see_it(world):
    members_only = world.people["group_member"]  # profiles are for members by default
    hidden = UserFactory(display_name="Quiet One", profile_visibility=ProfileVisibility.HIDDEN)
    post = services.reply(
        world.threads["public"],
        world.people["member"],
        body=f"{mentions.mention_text(members_only)} and {mentions.mention_text(hidden)}",
    )
    visitor_page = Client().get(url(world, "thread", post.thread_id)).content.decode()
    member_page = (
        signed_in(world.people["moderator"]).get(url(world, "thread", post.thread_id)).content
    ).decode()
    own_page = signed_in(hidden).get(url(world, "thread", post.thread_id)).content.decode()
    link = f'<a class="mention" href="{profile_url(members_only)}"><bdi>@Group Member</bdi></a>'
    plain = '<span class="mention"><bdi>@Group Member</bdi></span>'
    assert plain in visitor_page and link not in visitor_page
    assert link in member_page
    assert '<span class="mention"><bdi>@Quiet One</bdi></span>' in member_page
    assert profile_url(hidden) not in member_page
    assert f'href="{profile_url(hidden)}"' in own_page  # their own profile, seen by themselves
    # What is stored links nobody: the choice is made per reader.
    assert "href" not in Post.objects.get(pk=post.pk).body


# ---------- told once ----------


def test_a_member_named_is_told_once_however_often_the_post_is_edited(
    world, told, django_capture_on_commit_callbacks
):
    author = world.people["moderator"]
    first, second = world.people["group_member"], world.people["staff"]
    with django_capture_on_commit_callbacks(execute=True):
        post = services.reply(
            world.threads["private"], author, body=f"Hi {mentions.mention_text(first)}"
        )
    assert told == [(post.pk, first.pk)]
    with django_capture_on_commit_callbacks(execute=True):
        services.edit_post(post, author, body=f"Hi {mentions.mention_text(first)}!")
    assert told == [(post.pk, first.pk)]
    with django_capture_on_commit_callbacks(execute=True):
        services.edit_post(post, author, body="Hi @Staff Person and @Group Member")
    assert told == [(post.pk, first.pk), (post.pk, second.pk)]
    # Named no more, then again: still told only once.
    with django_capture_on_commit_callbacks(execute=True):
        services.edit_post(post, author, body="Hi all")
        services.edit_post(post, author, body="Hi @Group Member")
    assert told == [(post.pk, first.pk), (post.pk, second.pk)]
    assert PostMention.objects.filter(post=post).count() == 2


def test_a_member_who_may_not_read_the_space_is_not_told(
    world, told, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(
            world.threads["private"],
            world.people["moderator"],
            body=mentions.mention_text(world.people["member"]),
        )
    assert told == []


@pytest.mark.parametrize("space", ["public", "members", "private"])
def test_readers_of_a_space_agrees_with_can_read_space_for_every_role(world, space):
    from django.contrib.auth import get_user_model

    from community.discussions.permissions import can_read_space, readers_of

    room = world.spaces[space]
    people = [person for role, person in world.people.items() if role != "visitor"]
    expected = {person.pk for person in people if can_read_space(person, room)}
    found = set(
        readers_of(
            room, get_user_model().objects.filter(pk__in=[p.pk for p in people])
        ).values_list("pk", flat=True)
    )
    assert found == expected
