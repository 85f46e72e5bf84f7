"""The rules of `community.discussions.permissions`, one by one: an erased or inactive account
is a visitor everywhere, moderators answer the same from a prefetched list (without a query)
as from the database, a group seat counts only at this space's own event, and an author's
edit right follows the post's state and the thread's lock."""

import pytest
from django.utils import timezone

from community.discussions.factories import DiscussionSpaceFactory, PostFactory
from community.discussions.models import DiscussionSpace, PostStatus, SpaceVisibility
from community.discussions.permissions import (
    can_edit_post,
    can_moderate,
    can_post,
    can_read_space,
    is_group_member,
    is_staff,
)
from events.pages.factories import FocusGroupPageFactory
from events.pages.models import RegistrationStatus
from events.registrations.models import Registration

from .helpers import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home):
    return build_world(home)


def _lose_account(user, how):
    if how == "erased":
        user.erased_at = timezone.now()
    else:
        user.is_active = False
    user.save()
    return user


@pytest.mark.parametrize("how", ["erased", "inactive"])
@pytest.mark.parametrize("role", ["group_member", "moderator", "staff"])
def test_an_erased_or_inactive_account_is_a_visitor_for_every_rule(world, role, how):
    user = _lose_account(world.people[role], how)
    private, members = world.spaces["private"], world.spaces["members"]
    own = PostFactory(thread=world.threads["public"], author=user)
    assert is_staff(user) is False
    assert can_moderate(user, private) is False
    assert can_read_space(user, private) is False
    assert can_read_space(user, members) is False
    assert can_read_space(user, world.spaces["public"]) is True
    assert can_post(user, world.spaces["public"]) is False
    assert is_group_member(user, private) is False
    assert can_edit_post(user, own) is False
    assert can_edit_post(user, own, may_post=True) is False


@pytest.mark.parametrize("role", ["moderator", "member", "group_member"])
def test_prefetched_moderators_answer_like_the_database_without_a_query(
    world, role, django_assert_num_queries
):
    user = world.people[role]
    pk = world.spaces["private"].pk
    fresh = DiscussionSpace.objects.get(pk=pk)
    prefetched = DiscussionSpace.objects.prefetch_related("moderators").get(pk=pk)
    expected = role == "moderator"
    assert can_moderate(user, fresh) is expected
    with django_assert_num_queries(0):
        assert can_moderate(user, prefetched) is expected


def test_a_space_with_no_moderator_prefetched_has_none(world, django_assert_num_queries):
    space = DiscussionSpaceFactory(visibility=SpaceVisibility.PUBLIC, moderators=[])
    prefetched = DiscussionSpace.objects.prefetch_related("moderators").get(pk=space.pk)
    with django_assert_num_queries(0):
        assert can_moderate(world.people["moderator"], prefetched) is False


def test_a_seat_at_another_event_does_not_make_a_group_member(world):
    other_event = FocusGroupPageFactory(parent=world.focus_group.get_parent())
    member = world.people["member"]
    Registration.objects.create(event=other_event, user=member, status=RegistrationStatus.CONFIRMED)
    assert is_group_member(member, world.spaces["private"]) is False
    assert can_read_space(member, world.spaces["private"]) is False
    assert is_group_member(world.people["group_member"], world.spaces["private"]) is True


def test_a_space_without_an_event_has_no_group_members(world):
    group_member = world.people["group_member"]
    for kind in ("public", "members"):
        assert world.spaces[kind].event_id is None
        assert is_group_member(group_member, world.spaces[kind]) is False


@pytest.mark.parametrize("how", ["erased", "inactive"])
def test_a_seat_does_not_count_for_a_lost_account(world, how):
    user = _lose_account(world.people["group_member"], how)
    assert is_group_member(user, world.spaces["private"]) is False


def test_an_author_edits_a_post_as_may_post_says(world):
    member = world.people["member"]
    own = PostFactory(thread=world.threads["public"], author=member)
    assert can_edit_post(member, own) is True
    assert can_edit_post(member, own, may_post=True) is True
    assert can_edit_post(member, own, may_post=False) is False


@pytest.mark.parametrize("may_post", [None, True])
def test_a_deleted_post_is_not_editable_even_if_published(world, may_post):
    member = world.people["member"]
    own = PostFactory(thread=world.threads["public"], author=member)
    own.deleted_at = timezone.now()
    own.save()
    assert own.status == PostStatus.PUBLISHED
    assert can_edit_post(member, own, may_post=may_post) is False


@pytest.mark.parametrize("may_post", [None, True])
def test_a_hidden_post_is_not_editable_even_if_not_deleted(world, may_post):
    member = world.people["member"]
    own = PostFactory(thread=world.threads["public"], author=member, status=PostStatus.HIDDEN)
    assert own.deleted_at is None
    assert can_edit_post(member, own, may_post=may_post) is False


def test_an_author_cannot_edit_in_a_locked_thread_unless_moderating(world):
    thread = world.threads["public"]
    thread.locked = True
    thread.save()
    member, moderator = world.people["member"], world.people["moderator"]
    mine = PostFactory(thread=thread, author=member)
    theirs = PostFactory(thread=thread, author=moderator)
    assert can_edit_post(member, mine) is False
    assert can_edit_post(moderator, theirs) is True
