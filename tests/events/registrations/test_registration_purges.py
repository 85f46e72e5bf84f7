"""A registration purges from the page cache what shows its seats, once, and nothing else."""

import pytest
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from cms import page_cache_invalidation
from cms.page_cache import PageCacheBackend
from events.pages.factories import WebinarPageFactory
from events.registrations import services
from tests.events.conftest import make_member


@pytest.fixture
def purged(settings, monkeypatch):
    """The URL batches sent to the page cache."""
    settings.PAGE_CACHE_SECONDS = 600
    batches = []
    monkeypatch.setattr(
        PageCacheBackend, "purge_batch", lambda self, urls: batches.append(sorted(urls))
    )
    return batches


def test_a_registration_purges_its_event_in_every_language_and_the_listings_only(
    index, purged, commit
):
    webinar = WebinarPageFactory(parent=index, title="Cooperatives", slug="cooperatives")
    WebinarPageFactory(parent=index, title="Other", slug="other")
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="el"))
    page_cache_invalidation._local.batch = None  # what setting up left to send
    member = make_member("ana@example.org")

    commit(services.register, webinar, user=member)

    assert len(purged) == 1
    paths = {url.removeprefix("http://localhost") for url in purged[0]}
    assert {"/en/events/cooperatives/", "/el/events/cooperatives/"} <= paths
    assert {"/en/events/", "/el/events/", "/en/", "/el/"} <= paths  # seats on cards and home
    assert not any("/other/" in path for path in paths)


def test_seating_several_people_waiting_works_out_the_pages_to_purge_once(
    index, purged, commit, monkeypatch
):
    webinar = WebinarPageFactory(parent=index, capacity=1, slug="small")
    first, *waiting = [make_member(f"m{n}@example.org") for n in range(3)]
    for member in (first, *waiting):
        services.register(webinar, user=member)
    page_cache_invalidation._local.batch = None
    webinar.capacity = 3
    webinar.save()
    page_cache_invalidation._local.batch = None
    added = []
    add_pages = page_cache_invalidation._Batch.add_pages
    monkeypatch.setattr(
        page_cache_invalidation._Batch,
        "add_pages",
        lambda self, pages: added.append(1) or add_pages(self, pages),
    )

    promoted = commit(services.promote_waiting, webinar)

    assert len(promoted) == 2
    assert len(added) == 1
    assert len(purged) == 1 and "http://localhost/en/events/small/" in purged[0]


def test_the_pages_to_purge_are_worked_out_after_the_event_lock_is_released(
    index, purged, django_capture_on_commit_callbacks
):
    """Registrations queue on the event's row lock: what they purge is read once it is free."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    webinar = WebinarPageFactory(parent=index, slug="busy")
    member = make_member("ana@example.org")
    page_cache_invalidation._local.batch = None
    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        with transaction.atomic():
            services.register(webinar, user=member)
        locked = len(queries)
    sql = [q["sql"] for q in queries.captured_queries]
    inserted = next(
        n for n, q in enumerate(sql) if q.startswith('INSERT INTO "events_registration"')
    )
    assert not any("wagtailcore_page" in q for q in sql[inserted:locked])
    assert any("wagtailcore_page" in q for q in sql[locked:])
    assert "http://localhost/en/events/busy/" in purged[0]
