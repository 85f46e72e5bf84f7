"""Query budgets of the discussion pages (issue "Speed and scale"): at most 12 queries on a
warm request for a visitor (section, space, thread), at most 20 for a member reading a thread."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from .helpers import build_world

pytestmark = pytest.mark.django_db

PUBLIC_BUDGET = 12
MEMBER_BUDGET = 20


def url(world, name, *args):
    return world.section.url + world.section.reverse_subpage(name, args=args)


def warm_count(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries), "\n".join(query["sql"] for query in queries.captured_queries)


@pytest.fixture
def world(home):
    return build_world(home)


@pytest.mark.parametrize("name", ["index", "space", "thread"])
def test_discussion_pages_are_within_the_public_budget_for_a_visitor(world, name):
    args = {
        "index": (),
        "space": (world.spaces["public"].slug,),
        "thread": (world.threads["public"].pk,),
    }[name]
    count, sql = warm_count(Client(), url(world, name, *args))
    assert count <= PUBLIC_BUDGET, sql


def test_a_thread_read_by_a_member_is_within_the_member_budget(world):
    client = Client()
    client.force_login(world.people["group_member"])
    count, sql = warm_count(client, url(world, "thread", world.threads["public"].pk))
    assert count <= MEMBER_BUDGET, sql


def add_posts(thread, count):
    """`count` published posts, each by another member (bulk: the rendering is the factory's)."""
    from django.contrib.auth import get_user_model

    from community.discussions.models import Post

    authors = get_user_model().objects.bulk_create(
        get_user_model()(email=f"writer{thread.pk}-{n}-{count}@example.org") for n in range(count)
    )
    Post.objects.bulk_create(
        Post(thread=thread, author=author, source=f"Reply {n}.", body=f"<p>Reply {n}.</p>")
        for n, author in enumerate(authors)
    )


@pytest.mark.parametrize("reader", ["visitor", "group_member"])
def test_a_thread_costs_the_same_with_5_or_500_posts(world, reader):
    thread = world.threads["public"]
    client = Client()
    if reader != "visitor":
        client.force_login(world.people[reader])
    add_posts(thread, 4)  # with the world's first post: 5
    few, few_sql = warm_count(client, url(world, "thread", thread.pk))
    add_posts(thread, 495)
    many, many_sql = warm_count(client, url(world, "thread", thread.pk))
    assert many == few, many_sql
    assert few <= (PUBLIC_BUDGET if reader == "visitor" else MEMBER_BUDGET), few_sql
