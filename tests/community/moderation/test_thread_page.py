"""Moderation where it happens: a space's moderators hide, restore, approve, reject, lock and
block from the thread page (and an idea's conversation), through the admin queue's services,
every action logged; the controls are shown to them only and a plain member's hand-made POST
is refused (403)."""

import pytest
from django.urls import reverse

from community.discussions.factories import DiscussionIndexPageFactory, PostFactory
from community.discussions.models import MemberBlock, PostStatus, Thread
from community.members.factories import UserFactory
from community.moderation.models import ModerationAction, ModerationActionKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home):
    return DiscussionIndexPageFactory(parent=home)


@pytest.fixture
def thread_url(section, post):
    return section.url + section.reverse_subpage("thread", args=[post.thread_id])


def hide_url(post):
    return reverse("community:moderate_post", args=[post.pk, "hide"])


def test_the_controls_are_shown_to_the_spaces_moderators_only(client, thread_url, post, moderator):
    client.force_login(moderator)
    html = client.get(thread_url).content.decode()
    assert hide_url(post) in html
    assert reverse("community:moderate_block", args=[post.pk]) in html
    assert reverse("community:moderate_lock", args=[post.thread_id]) in html
    client.force_login(UserFactory())
    html = client.get(thread_url).content.decode()
    assert "moderation-controls" not in html
    assert reverse("community:moderate_lock", args=[post.thread_id]) not in html


def test_hiding_a_post_from_the_thread_page_is_logged_and_hides_it_from_members(
    client, thread_url, post, moderator
):
    client.force_login(moderator)
    response = client.post(hide_url(post), {"reason": "Advertising.", "next": thread_url})
    assert response.status_code == 302
    assert response["Location"] == f"{thread_url}#post-{post.pk}"
    post.refresh_from_db()
    assert post.status == PostStatus.HIDDEN and post.hidden_reason == "Advertising."
    action = ModerationAction.objects.get()
    assert (action.action, action.moderator, action.post, action.reason) == (
        ModerationActionKind.HIDE,
        moderator,
        post,
        "Advertising.",
    )
    client.force_login(UserFactory())
    assert "Buy cheap watches" not in client.get(thread_url).content.decode()
    client.force_login(post.author)
    html = client.get(thread_url).content.decode()
    assert "Hidden by a moderator." in html and "Advertising." in html


def test_hiding_without_a_reason_is_refused_beside_the_field(client, thread_url, post, moderator):
    client.force_login(moderator)
    response = client.post(hide_url(post), {"reason": " ", "next": thread_url})
    assert response.status_code == 400
    assert 'name="reason"' in response.content.decode()
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED and not ModerationAction.objects.exists()


def test_restoring_a_hidden_post_is_logged(client, thread_url, post, moderator):
    post.status = PostStatus.HIDDEN
    post.save()
    client.force_login(moderator)
    url = reverse("community:moderate_post", args=[post.pk, "restore"])
    assert hide_url(post) not in client.get(thread_url).content.decode()
    assert client.post(url, {"reason": "", "next": thread_url}).status_code == 302
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED
    assert ModerationAction.objects.get().action == ModerationActionKind.RESTORE


def test_approving_a_waiting_post_is_logged(client, thread_url, post, moderator):
    waiting = PostFactory(thread=post.thread, status=PostStatus.PENDING)
    client.force_login(moderator)
    url = reverse("community:moderate_post", args=[waiting.pk, "approve"])
    assert url in client.get(thread_url).content.decode()
    assert client.post(url, {"next": thread_url}).status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == PostStatus.PUBLISHED
    assert ModerationAction.objects.get().action == ModerationActionKind.APPROVE


def test_locking_and_unlocking_the_thread_is_logged(client, thread_url, post, moderator):
    client.force_login(moderator)
    url = reverse("community:moderate_lock", args=[post.thread_id])
    assert client.post(url, {"locked": "1", "next": thread_url}).status_code == 302
    assert Thread.objects.get(pk=post.thread_id).locked
    assert client.post(url, {"locked": "0", "next": thread_url}).status_code == 302
    assert not Thread.objects.get(pk=post.thread_id).locked
    assert list(ModerationAction.objects.order_by("pk").values_list("action", flat=True)) == [
        ModerationActionKind.LOCK,
        ModerationActionKind.UNLOCK,
    ]


def test_blocking_the_author_from_the_thread_page_is_logged(client, thread_url, post, moderator):
    client.force_login(moderator)
    url = reverse("community:moderate_block", args=[post.pk])
    response = client.post(url, {"reason": "Spam again.", "duration": "7", "next": thread_url})
    assert response.status_code == 302
    block = MemberBlock.objects.get()
    assert (block.member, block.space, block.created_by) == (
        post.author,
        post.thread.space,
        moderator,
    )
    action = ModerationAction.objects.get()
    assert (action.action, action.member) == (ModerationActionKind.BLOCK, post.author)


def test_a_foreign_next_is_ignored(client, post, moderator):
    client.force_login(moderator)
    response = client.post(hide_url(post), {"reason": "Spam.", "next": "https://evil.example/"})
    assert "evil.example" not in response["Location"]


ACTIONS = {
    "hide": lambda p: (hide_url(p), {"reason": "Mine now."}),
    "restore": lambda p: (reverse("community:moderate_post", args=[p.pk, "restore"]), {}),
    "approve": lambda p: (reverse("community:moderate_post", args=[p.pk, "approve"]), {}),
    "block": lambda p: (
        reverse("community:moderate_block", args=[p.pk]),
        {"reason": "Because.", "duration": "forever"},
    ),
    "lock": lambda p: (reverse("community:moderate_lock", args=[p.thread_id]), {"locked": "1"}),
}


@pytest.mark.parametrize("action", ACTIONS)
def test_a_plain_member_posting_by_hand_is_refused(client, post, action):
    post_status = post.status
    client.force_login(UserFactory())
    url, data = ACTIONS[action](post)
    assert client.post(url, data).status_code == 403
    post.refresh_from_db()
    assert post.status == post_status and not post.thread.locked
    assert not ModerationAction.objects.exists() and not MemberBlock.objects.exists()


def test_a_moderator_of_another_space_is_refused(client, post):
    from community.discussions.factories import DiscussionSpaceFactory

    elsewhere = UserFactory()
    DiscussionSpaceFactory(moderators=[elsewhere])
    client.force_login(elsewhere)
    assert client.post(hide_url(post), {"reason": "Not mine."}).status_code == 403
    assert not ModerationAction.objects.exists()
