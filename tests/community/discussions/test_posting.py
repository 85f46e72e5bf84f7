"""Posting in the discussions: threads, replies, quotes, mentions, edits, deletion, helpful
marks, follows, and what the moderation service says before anything is written."""

import pytest
from django.test import Client

from cms.antispam import antispam_data
from community.discussions import services
from community.discussions.factories import PostFactory, ThreadFactory
from community.discussions.models import (
    Helpful,
    MemberBlock,
    Post,
    PostRevision,
    PostStatus,
    ThreadFollow,
)
from community.discussions.signals import member_mentioned, post_published
from community.members.factories import UserFactory

from .helpers import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home):
    return build_world(home)


@pytest.fixture
def heard():
    """What the discussions announced: ("published", post pk) and ("mentioned", member pk)."""
    events = []

    def on_published(sender, post, **kwargs):
        events.append(("published", post.pk))

    def on_mentioned(sender, post, member, **kwargs):
        events.append(("mentioned", member.pk))

    post_published.connect(on_published, dispatch_uid="test-published")
    member_mentioned.connect(on_mentioned, dispatch_uid="test-mentioned")
    yield events
    post_published.disconnect(dispatch_uid="test-published")
    member_mentioned.disconnect(dispatch_uid="test-mentioned")


def url(world, name, *args):
    return world.section.url + world.section.reverse_subpage(name, args=args)


def test_new_thread_publishes_its_first_post_follows_it_and_announces_on_commit(
    world, heard, django_capture_on_commit_callbacks
):
    member = world.people["member"]
    with django_capture_on_commit_callbacks(execute=True):
        post = services.create_thread(
            world.spaces["public"], member, title="Seed libraries", body="<p>Who runs one?</p>"
        )
    assert post.status == PostStatus.PUBLISHED
    assert post.thread.title == "Seed libraries"
    assert post.thread.follower_ids() == [member.pk]
    assert heard == [("published", post.pk)]


def test_reply_bumps_the_thread_and_mentions_only_members_who_may_read_the_space(
    world, heard, django_capture_on_commit_callbacks
):
    thread = world.threads["private"]
    group_member = world.people["group_member"]
    with django_capture_on_commit_callbacks(execute=True):
        post = services.reply(
            thread,
            world.people["moderator"],
            body="<p>@Group-Member and @Plain-Member, see this. @Nobody-Here too.</p>",
        )
    # The plain member may not read the private space: not told it exists.
    assert heard == [("published", post.pk), ("mentioned", group_member.pk)]
    thread.refresh_from_db()
    assert thread.last_activity_at == post.created_at


def test_a_mention_of_the_author_notifies_nobody(world, heard, django_capture_on_commit_callbacks):
    member = world.people["member"]
    with django_capture_on_commit_callbacks(execute=True):
        post = services.reply(world.threads["public"], member, body="<p>@Plain-Member me</p>")
    assert heard == [("published", post.pk)]


def test_quoting_a_post_of_another_thread_is_refused(world):
    with pytest.raises(services.PostingRefused):
        services.reply(
            world.threads["public"],
            world.people["staff"],
            body="<p>Quoting</p>",
            quoted=world.posts["private"],
        )


def test_posts_are_sanitised_on_the_way_in(world):
    post = services.reply(
        world.threads["public"],
        world.people["member"],
        body='<p onclick="x()">Hi<script>alert(1)</script> <a href="javascript:x">l</a></p>',
    )
    post.refresh_from_db()
    assert "<script" not in post.body
    assert "onclick" not in post.body
    assert "javascript:" not in post.body


def test_edit_marks_the_post_edited_and_keeps_the_earlier_text(world):
    member = world.people["member"]
    post = services.reply(world.threads["public"], member, body="<p>First words</p>")
    services.edit_post(post, member, body="<p>Better words</p>", language="fr")
    post.refresh_from_db()
    assert post.body == "<p>Better words</p>"
    assert post.language == "fr"
    assert post.edited_at is not None
    assert list(PostRevision.objects.filter(post=post).values_list("body", flat=True)) == [
        "<p>First words</p>"
    ]


def test_delete_leaves_a_placeholder_and_the_thread_readable(world):
    member = world.people["member"]
    post = services.reply(world.threads["public"], member, body="<p>Regrettable</p>")
    services.delete_post(post, member)
    post.refresh_from_db()
    assert post.body == "" and post.deleted_at is not None
    content = Client().get(url(world, "thread", post.thread_id)).content.decode()
    assert "This post was deleted by its author." in content
    assert "Regrettable" not in content
    assert "Zanzibarpublic" in content  # the rest of the thread still reads


def test_helpful_is_one_mark_per_member_and_toggles(world):
    member = world.people["member"]
    post = world.posts["public"]
    assert services.toggle_helpful(post, member) is True
    assert services.toggle_helpful(post, member) is False
    assert services.toggle_helpful(post, member) is True
    assert Helpful.objects.filter(post=post).count() == 1
    with pytest.raises(services.PostingRefused):
        services.toggle_helpful(post, post.author)


def test_follow_and_unfollow(world):
    member, thread = world.people["member"], world.threads["public"]
    services.follow(thread, member)
    services.follow(thread, member)
    assert ThreadFollow.objects.filter(thread=thread, user=member).count() == 1
    services.follow(thread, member, on=False)
    assert not ThreadFollow.objects.filter(thread=thread, user=member).exists()
    with pytest.raises(services.PostingRefused):
        services.follow(world.threads["private"], member)


def test_a_blocked_member_sees_why_beside_the_field_and_keeps_the_text(world):
    member = world.people["member"]
    MemberBlock.objects.create(
        member=member, reason="Repeated insults", created_by=world.people["staff"]
    )
    client = Client()
    client.force_login(member)
    response = client.post(
        url(world, "reply", world.threads["public"].pk),
        {"body": "My long carefully typed reply", "language": "en", **antispam_data()},
    )
    assert response.status_code == 200
    form = response.context["reply_form"]
    assert form.errors["body"]
    assert "My long carefully typed reply" in response.content.decode()
    assert not Post.objects.filter(author=member).exists()


def test_new_members_first_post_waits_and_is_not_announced(
    world, heard, settings, django_capture_on_commit_callbacks
):
    settings.DISCUSSION_FIRST_POSTS_NEED_APPROVAL = True
    newcomer = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        post = services.reply(world.threads["public"], newcomer, body="<p>Hello all</p>")
    assert post.status == PostStatus.PENDING
    assert heard == []
    other = Client().get(url(world, "thread", post.thread_id)).content.decode()
    assert "Hello all" not in other


def test_posting_through_the_pages(world):
    member = world.people["member"]
    client = Client()
    client.force_login(member)
    response = client.post(
        url(world, "new_thread", world.spaces["members"].slug),
        {
            "title": "Co-op housing",
            "body": "Line one\n\nLine two",
            "language": "it",
            **antispam_data(),
        },
    )
    thread = member.discussion_threads.get()
    assert response.status_code == 302
    post = thread.posts.get()
    assert post.body == "<p>Line one</p>\n<p>Line two</p>"
    assert post.source == "Line one\n\nLine two"
    page = client.get(response["Location"]).content.decode()
    assert 'lang="it" dir="ltr"' in page
    reply = client.post(
        url(world, "reply", thread.pk),
        {"body": "Quoted you", "language": "ar", "quoted": post.pk, **antispam_data()},
    )
    assert reply.status_code == 302
    assert reply["Location"].endswith(url(world, "post", thread.pk, thread.posts.last().pk))
    assert thread.posts.last().quoted_id == post.pk


def test_a_filled_honeypot_is_refused_and_the_text_kept(world):
    client = Client()
    client.force_login(world.people["member"])
    data = {"body": "Buy cheap things", "language": "en", **antispam_data()}
    data["website"] = "http://spam.example"
    response = client.post(url(world, "reply", world.threads["public"].pk), data)
    assert response.status_code == 200
    assert "Buy cheap things" in response.content.decode()
    assert not Post.objects.filter(body__contains="cheap").exists()


def test_an_empty_message_gets_a_message_beside_the_field(world):
    client = Client()
    client.force_login(world.people["member"])
    response = client.post(
        url(world, "new_thread", world.spaces["public"].slug),
        {"title": "Kept title", "body": "   ", "language": "en", **antispam_data()},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["body"]
    assert 'value="Kept title"' in response.content.decode()


def test_stable_link_points_at_the_page_the_post_is_on(world):
    thread = ThreadFactory(space=world.spaces["public"])
    posts = [PostFactory(thread=thread) for _ in range(45)]
    client = Client()
    first = client.get(url(world, "post", thread.pk, posts[0].pk))["Location"]
    assert first.endswith(f"{url(world, 'thread', thread.pk)}#post-{posts[0].pk}")
    last = client.get(url(world, "post", thread.pk, posts[44].pk))["Location"]
    assert last.endswith(f"?page=3#post-{posts[44].pk}")
    assert f'id="post-{posts[44].pk}"' in client.get(last).content.decode()


def test_translate_link_only_with_a_translator_and_only_in_public_spaces(world, settings):
    thread = world.threads["public"]
    PostFactory(thread=thread, language="fr", body="<p>Bonjour</p>")
    client = Client()
    assert "Translate" not in client.get(url(world, "thread", thread.pk)).content.decode()
    settings.DISCUSSION_TRANSLATOR_URL = (
        "https://translate.example/?sl={source}&tl={target}&q={text}"
    )
    content = client.get(url(world, "thread", thread.pk)).content.decode()
    assert "https://translate.example/?sl=fr&amp;tl=en&amp;q=Bonjour" in content
    staff = Client()
    staff.force_login(world.people["staff"])
    PostFactory(thread=world.threads["private"], language="fr", body="<p>Secret</p>")
    private = staff.get(url(world, "thread", world.threads["private"].pk)).content.decode()
    assert "translate.example" not in private


def test_thread_titles_and_space_texts_are_plain_text(world):
    post = services.create_thread(
        world.spaces["public"],
        world.people["member"],
        title='<img src=x onerror="alert(1)">Water <b>rights</b>',
        body="<p>Body</p>",
    )
    # Plain text is stored as typed and escaped wherever it is shown (tests/community/
    # test_plain_text.py): markup in it is text, never HTML.
    assert post.thread.title == '<img src=x onerror="alert(1)">Water <b>rights</b>'
    space = world.spaces["public"]
    space.description = "<script>steal()</script>Open <i>to all</i>"
    space.save()
    space.refresh_from_db()
    assert space.description == "<script>steal()</script>Open <i>to all</i>"


def test_a_blocked_member_sees_the_block_and_its_reason_before_writing(world):
    member = world.people["member"]
    space = world.spaces["public"]
    MemberBlock.objects.create(
        member=member, space=space, reason="Repeated insults", created_by=world.people["staff"]
    )
    client = Client()
    client.force_login(member)
    thread_page = client.get(url(world, "thread", world.threads["public"].pk)).content.decode()
    assert "Repeated insults" in thread_page
    assert 'name="body"' not in thread_page
    assert "?quote=" not in thread_page
    space_page = client.get(url(world, "space", space.slug)).content.decode()
    assert "Repeated insults" in space_page
    assert url(world, "new_thread", space.slug) not in space_page
    form_page = client.get(url(world, "new_thread", space.slug)).content.decode()
    assert "Repeated insults" in form_page
    assert 'name="body"' not in form_page
    # Elsewhere (a block in one space only) the member still gets the form.
    other = client.get(url(world, "thread", world.threads["members"].pk)).content.decode()
    assert 'name="body"' in other and "Repeated insults" not in other


def test_showing_the_reply_form_does_not_count_against_the_posting_rate(world, settings):
    settings.DISCUSSION_POST_RATE = "2/m"
    client = Client()
    client.force_login(world.people["member"])
    thread = world.threads["public"]
    for _ in range(4):
        page = client.get(url(world, "thread", thread.pk)).content.decode()
        assert 'name="body"' in page
    reply = client.post(
        url(world, "reply", thread.pk),
        {"body": "After reading a while", "language": "en", **antispam_data()},
    )
    assert reply.status_code == 302
