"""The permission matrix of the discussions: visitor / member / group member / moderator /
staff × public / members-only / private space × read / post / edit / moderate, checked on the
single-object rules and on the querysets every channel lists with."""

import pytest

from community.discussions.factories import PostFactory
from community.discussions.models import PostStatus
from community.discussions.permissions import (
    can_edit_post,
    can_moderate,
    can_post,
    can_read_space,
    readable_spaces,
    visible_posts,
    visible_threads,
)
from events.pages.models import RegistrationStatus
from events.registrations.models import Registration

from .helpers import build_world

pytestmark = pytest.mark.django_db

# (read, post, edit own post, moderate) by role and space.
T, F = True, False
MATRIX = {
    ("visitor", "public"): (T, F, F, F),
    ("visitor", "members"): (F, F, F, F),
    ("visitor", "private"): (F, F, F, F),
    ("member", "public"): (T, T, T, F),
    ("member", "members"): (T, T, T, F),
    ("member", "private"): (F, F, F, F),
    ("group_member", "public"): (T, T, T, F),
    ("group_member", "members"): (T, T, T, F),
    ("group_member", "private"): (T, T, T, F),
    ("moderator", "public"): (T, T, T, T),
    ("moderator", "members"): (T, T, T, T),
    ("moderator", "private"): (T, T, T, T),
    ("staff", "public"): (T, T, T, T),
    ("staff", "members"): (T, T, T, T),
    ("staff", "private"): (T, T, T, T),
}


@pytest.fixture
def world(home):
    return build_world(home)


@pytest.mark.parametrize(("role", "kind"), list(MATRIX))
def test_matrix_of_read_post_edit_moderate(world, role, kind):
    read, post, edit, moderate = MATRIX[(role, kind)]
    user = world.people[role]
    space, thread = world.spaces[kind], world.threads[kind]
    # The role's own post in this space (a visitor has none: they try someone else's).
    own = (
        world.posts[kind]
        if role == "visitor"
        else PostFactory(thread=thread, author=user, body="<p>Mine.</p>")
    )

    assert can_read_space(user, space) is read
    assert can_post(user, space) is post
    assert can_post(user, space, thread) is post
    assert can_edit_post(user, own) is edit
    assert can_moderate(user, space) is moderate
    # The querysets every listing, search, feed and sitemap use say the same.
    assert readable_spaces(user).filter(pk=space.pk).exists() is read
    assert visible_threads(user).filter(pk=thread.pk).exists() is read
    assert visible_posts(user).filter(pk=world.posts[kind].pk).exists() is read


def test_nobody_edits_someone_elses_post_not_even_staff(world):
    post = world.posts["public"]
    for role in ("member", "moderator", "staff"):
        assert can_edit_post(world.people[role], post) is False


def test_a_cancelled_group_member_loses_the_private_space(world):
    user = world.people["group_member"]
    Registration.objects.filter(user=user).update(status=RegistrationStatus.CANCELLED)
    assert can_read_space(user, world.spaces["private"]) is False
    assert not visible_threads(user).filter(pk=world.threads["private"].pk).exists()


@pytest.mark.parametrize(
    ("status", "shown"),
    [
        (RegistrationStatus.APPLIED, False),
        (RegistrationStatus.DECLINED, False),
        (RegistrationStatus.WAITLISTED, False),
        (RegistrationStatus.CONFIRMED, True),
        (RegistrationStatus.ATTENDED, True),
    ],
)
def test_private_space_follows_the_events_seat_rule(world, status, shown):
    user = world.people["group_member"]
    Registration.objects.filter(user=user).update(status=status)
    assert can_read_space(user, world.spaces["private"]) is shown
    assert readable_spaces(user).filter(pk=world.spaces["private"].pk).exists() is shown


def test_a_locked_thread_takes_replies_from_moderators_only(world):
    thread = world.threads["public"]
    thread.locked = True
    thread.save()
    assert can_post(world.people["member"], thread.space, thread) is False
    assert can_post(world.people["moderator"], thread.space, thread) is True
    assert can_post(world.people["staff"], thread.space, thread) is True


@pytest.mark.parametrize("status", [PostStatus.PENDING, PostStatus.HIDDEN])
def test_waiting_and_hidden_posts_are_seen_by_author_and_moderators_only(world, status):
    member = world.people["member"]
    post = PostFactory(thread=world.threads["public"], author=member, status=status)
    other = world.people["group_member"]
    assert visible_posts(member).filter(pk=post.pk).exists()
    assert visible_posts(world.people["moderator"]).filter(pk=post.pk).exists()
    assert visible_posts(world.people["staff"]).filter(pk=post.pk).exists()
    assert not visible_posts(other).filter(pk=post.pk).exists()
    assert not visible_posts(world.people["visitor"]).filter(pk=post.pk).exists()


def test_a_thread_whose_only_post_waits_is_not_listed_for_others(world):
    member = world.people["member"]
    waiting = PostFactory(
        thread__space=world.spaces["public"], author=member, status=PostStatus.PENDING
    )
    thread = waiting.thread
    assert visible_threads(member).filter(pk=thread.pk).exists()
    assert visible_threads(world.people["moderator"]).filter(pk=thread.pk).exists()
    assert not visible_threads(world.people["group_member"]).filter(pk=thread.pk).exists()
    assert not visible_threads(world.people["visitor"]).filter(pk=thread.pk).exists()


def test_an_erased_or_inactive_account_reads_like_a_visitor(world):
    user = world.people["group_member"]
    user.is_active = False
    user.save()
    assert can_read_space(user, world.spaces["members"]) is False
    assert can_post(user, world.spaces["public"]) is False
