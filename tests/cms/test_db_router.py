"""The read replica router (cms/db_router.py): public reads from the replica, the rest from the
primary."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory
from wagtail.models import Page

from cms.db_router import ReplicaReadsMiddleware, ReplicaRouter, reading_from_replica

router = ReplicaRouter()


@pytest.fixture
def with_replica(monkeypatch):
    monkeypatch.setattr("cms.db_router.has_replica", lambda: True)


def _route(request):
    seen = {}

    def view(request):
        seen["read"] = router.db_for_read(Page)
        seen["write"] = router.db_for_write(Page)
        return HttpResponse()

    ReplicaReadsMiddleware(view)(request)
    return seen


def test_an_anonymous_get_reads_from_the_replica_and_writes_to_the_primary(with_replica):
    request = RequestFactory().get("/en/")
    request.user = AnonymousUser()
    assert _route(request) == {"read": "replica", "write": "default"}


def test_a_members_get_reads_from_the_primary_so_they_see_their_own_writes(with_replica):
    request = RequestFactory().get("/en/events/mine/")
    request.user = type("Member", (), {"is_authenticated": True})()
    assert _route(request)["read"] == "default"


def test_a_form_sent_by_anyone_reads_from_the_primary(with_replica):
    request = RequestFactory().post("/en/newsletter/")
    request.user = AnonymousUser()
    assert _route(request)["read"] == "default"


def test_outside_a_request_the_workers_and_commands_read_from_the_primary(with_replica):
    assert router.db_for_read(Page) == "default"


def test_without_a_replica_configured_public_reads_stay_on_the_primary():
    with reading_from_replica():
        assert router.db_for_read(Page) == "default"


def test_migrations_run_on_the_primary_only():
    assert router.allow_migrate("default", "wagtailcore")
    assert not router.allow_migrate("replica", "wagtailcore")
