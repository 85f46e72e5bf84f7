"""Read markers: where a member stopped reading each thread, the new-post counts built on them,
and "jump to the first unread post"."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from community.discussions import reading
from community.discussions.factories import PostFactory, ThreadFactory
from community.discussions.models import Post, ReadMarker
from community.discussions.views import POSTS_PER_PAGE
from community.members.factories import UserFactory

from .helpers import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home):
    return build_world(home)


def url(world, name, *args):
    return world.section.url + world.section.reverse_subpage(name, args=args)


def add_posts(thread, count, author, start=None):
    """`count` posts one minute apart (after the thread's first), in the thread's order."""
    start = start or timezone.now() - datetime.timedelta(days=1)
    return Post.objects.bulk_create(
        Post(
            thread=thread,
            author=author,
            body=f"<p>Reply {index}</p>",
            language="en",
            created_at=start + datetime.timedelta(minutes=index + 1),
        )
        for index in range(count)
    )


def ordered(thread):
    return list(thread.posts.order_by("created_at", "pk"))


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def marker_of(thread, user):
    return ReadMarker.objects.get(thread=thread, user=user)


def test_viewing_a_page_moves_the_marker_to_its_last_post_and_never_back(world):
    member = world.people["member"]
    thread = world.threads["public"]
    thread.posts.update(created_at=timezone.now() - datetime.timedelta(days=2))
    add_posts(thread, 30, world.people["moderator"])  # 31 posts: two pages
    posts = ordered(thread)
    client = signed_in(member)

    client.get(url(world, "thread", thread.pk))
    assert marker_of(thread, member).post_id_seen == posts[POSTS_PER_PAGE - 1].pk

    client.get(url(world, "thread", thread.pk) + "?page=2")
    assert marker_of(thread, member).post_id_seen == posts[-1].pk

    client.get(url(world, "thread", thread.pk))  # page 1 again: the marker stays on page 2
    assert marker_of(thread, member).post_id_seen == posts[-1].pk


def test_advance_refuses_to_move_the_marker_back(world):
    member = world.people["member"]
    thread = world.threads["public"]
    first, *rest = add_posts(thread, 3, world.people["moderator"])
    assert reading.advance(thread, member, rest[-1]) is True
    marker = marker_of(thread, member)
    assert reading.advance(thread, member, first, marker) is False
    # Even a stale marker read before another tab moved it cannot pull it back.
    stale = ReadMarker(pk=marker.pk, post_created_at=first.created_at, post_id_seen=first.pk)
    assert reading.advance(thread, member, rest[0], stale) is False
    assert marker_of(thread, member).post_id_seen == rest[-1].pk


def test_viewing_a_thread_again_with_nothing_new_writes_nothing(world):
    member = world.people["member"]
    thread = world.threads["public"]
    client = signed_in(member)
    client.get(url(world, "thread", thread.pk))
    with CaptureQueriesContext(connection) as queries:
        client.get(url(world, "thread", thread.pk))
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if "readmarker" in q["sql"] and not q["sql"].lstrip().upper().startswith("SELECT")
    ]
    assert writes == []


def test_viewing_a_thread_with_new_posts_writes_the_marker_once(world):
    member = world.people["member"]
    thread = world.threads["public"]
    client = signed_in(member)
    client.get(url(world, "thread", thread.pk))
    add_posts(thread, 2, world.people["moderator"], start=timezone.now())
    with CaptureQueriesContext(connection) as queries:
        client.get(url(world, "thread", thread.pk))
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if "readmarker" in q["sql"] and not q["sql"].lstrip().upper().startswith("SELECT")
    ]
    assert len(writes) == 1


def test_space_list_counts_each_threads_new_posts_for_the_member(world):
    member = world.people["member"]
    other = world.people["moderator"]
    space = world.spaces["public"]
    read = world.threads["public"]
    client = signed_in(member)
    client.get(url(world, "thread", read.pk))  # read up to its first post
    add_posts(read, 2, other, start=timezone.now())
    add_posts(read, 1, member, start=timezone.now() + datetime.timedelta(hours=1))  # own: not new
    never_opened = ThreadFactory(space=space, author=other, title="Never opened")
    add_posts(never_opened, 4, other)
    html = client.get(url(world, "space", space.slug)).content.decode()
    assert "2 new posts" in html
    assert "4 new posts" in html
    assert reading.unread_counts(member, [read.pk, never_opened.pk]) == {
        read.pk: 2,
        never_opened.pk: 4,
    }


def test_space_list_shows_no_new_post_counts_to_visitors(world):
    thread = world.threads["public"]
    add_posts(thread, 3, world.people["moderator"])
    html = Client().get(url(world, "space", world.spaces["public"].slug)).content.decode()
    assert "new post" not in html
    assert reading.unread_counts(world.people["visitor"], [thread.pk]) == {}


def test_posts_the_member_may_not_see_are_not_counted_as_new(world):
    member = world.people["member"]
    thread = world.threads["public"]
    PostFactory(thread=thread, author=world.people["moderator"], status="hidden")
    PostFactory(thread=thread, author=world.people["moderator"])
    # The opening post and the published reply; the hidden one is not the member's to see.
    assert reading.unread_counts(member, [thread.pk]) == {thread.pk: 2}


def test_space_list_new_counts_cost_the_same_queries_for_1_and_20_threads(
    world, django_assert_num_queries
):
    member = world.people["member"]
    space = world.spaces["public"]
    client = signed_in(member)
    path = url(world, "space", space.slug)
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    one_thread = len(queries)  # now: the next request clears the log the context reads
    for _ in range(20):
        thread = ThreadFactory(space=space)
        add_posts(thread, 3, world.people["moderator"])
        client.get(url(world, "thread", thread.pk))  # a marker for each
        add_posts(thread, 1, world.people["moderator"], start=timezone.now())
    with django_assert_num_queries(one_thread):
        response = client.get(path)
    # The twenty, and the world's own thread, never opened: its one post is new.
    assert response.content.decode().count("1 new post<") == 21


def test_first_unread_lands_on_its_page_at_its_anchor(world):
    member = world.people["member"]
    thread = world.threads["public"]
    thread.posts.update(created_at=timezone.now() - datetime.timedelta(days=2))
    add_posts(thread, 44, world.people["moderator"])  # 45 posts: three pages
    posts = ordered(thread)
    reading.advance(thread, member, posts[29])  # read up to the 30th
    response = signed_in(member).get(url(world, "first_unread", thread.pk))
    assert response.status_code == 302
    assert response["Location"] == (
        url(world, "thread", thread.pk) + f"?page=2#post-{posts[30].pk}"
    )


def test_first_unread_skips_the_members_own_posts(world):
    member = world.people["member"]
    thread = world.threads["public"]
    first = thread.posts.get()
    reading.advance(thread, member, first)
    add_posts(thread, 1, member, start=timezone.now())
    (theirs,) = add_posts(thread, 1, world.people["moderator"], start=timezone.now())
    response = signed_in(member).get(url(world, "first_unread", thread.pk))
    assert response["Location"].endswith(f"#post-{theirs.pk}")


def test_first_unread_with_nothing_new_goes_to_the_last_post(world):
    member = world.people["member"]
    thread = world.threads["public"]
    add_posts(thread, 2, world.people["moderator"])
    last = ordered(thread)[-1]
    reading.advance(thread, member, last)
    response = signed_in(member).get(url(world, "first_unread", thread.pk))
    assert response["Location"] == url(world, "thread", thread.pk) + f"#post-{last.pk}"


def test_first_unread_sends_a_visitor_to_the_thread(world):
    thread = world.threads["public"]
    response = Client().get(url(world, "first_unread", thread.pk))
    assert response["Location"] == url(world, "thread", thread.pk)


def test_thread_page_marks_where_the_new_posts_start(world):
    member = world.people["member"]
    thread = world.threads["public"]
    client = signed_in(member)
    client.get(url(world, "thread", thread.pk))
    (new,) = add_posts(thread, 1, UserFactory(), start=timezone.now())
    html = client.get(url(world, "thread", thread.pk)).content.decode()
    assert 'id="first-unread"' in html
    assert html.index('id="first-unread"') < html.index(f'id="post-{new.pk}"')
    # Read now: the mark is gone on the next view.
    assert 'id="first-unread"' not in client.get(url(world, "thread", thread.pk)).content.decode()
