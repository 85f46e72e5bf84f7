"""A thread page reads in the same number of queries with 5 or 500 replies, and the list of
spaces with any number of threads."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from community.discussions.factories import PostFactory
from community.discussions.models import Helpful, Post, ReadMarker
from community.members.factories import UserFactory

from .helpers import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home):
    return build_world(home)


def url(world, name, *args):
    return world.section.url + world.section.reverse_subpage(name, args=args)


def add_replies(thread, count, authors, reader):
    """`count` replies by several authors, some the reader's own, some quoting the first post
    and some marked helpful by the reader."""
    first = thread.posts.order_by("pk").first()
    posts = Post.objects.bulk_create(
        Post(
            thread=thread,
            author=authors[index % len(authors)],
            body=f"<p>Reply {index}</p>",
            language=("en", "ar", "fr")[index % 3],
            quoted=first if index % 4 == 0 else None,
        )
        for index in range(count)
    )
    Helpful.objects.bulk_create(
        Helpful(post=post, user=reader) for post in posts if post.author_id != reader.pk
    )


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("kind", ["public", "private"])
def test_thread_page_queries_are_the_same_for_5_and_500_replies(
    world, kind, django_assert_num_queries
):
    reader = world.people["group_member"]
    authors = [reader, *UserFactory.create_batch(3)]
    thread = world.threads[kind]
    client = Client()
    client.force_login(reader)
    add_replies(thread, 5, authors, reader)
    path = url(world, "thread", thread.pk)
    client.get(path)  # warm per-process caches (locales, content types)

    def first_reading():
        # Each measured view is the reader's first (their read marker is written, one insert),
        # so the counts compare like with like.
        ReadMarker.objects.filter(user=reader).delete()

    first_reading()
    at_five = count_queries(client, path)
    add_replies(thread, 495, authors, reader)
    assert thread.posts.count() == 501
    first_reading()
    with django_assert_num_queries(at_five):
        client.get(path)
    first_reading()
    with django_assert_num_queries(at_five):
        client.get(path + "?page=25")


def test_space_list_queries_do_not_grow_with_threads(world, django_assert_num_queries):
    reader = world.people["staff"]
    client = Client()
    client.force_login(reader)
    path = url(world, "index")
    client.get(path)
    before = count_queries(client, path)
    for space in world.spaces.values():
        PostFactory.create_batch(20, thread__space=space)
    with django_assert_num_queries(before):
        client.get(path)
    space_path = url(world, "space", world.spaces["private"].slug)
    client.get(space_path)
    in_space = count_queries(client, space_path)
    PostFactory.create_batch(40, thread__space=world.spaces["private"])
    with django_assert_num_queries(in_space):
        client.get(space_path)
    # Counted, not merely fetched: 1 + 20 + 40 threads in the private space.
    assert "61 threads" in client.get(path).content.decode()
