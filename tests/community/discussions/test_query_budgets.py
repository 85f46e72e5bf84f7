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
