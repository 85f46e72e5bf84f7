"""A call's results scheduled for a date appear at that date, not when a cache expires: the
sitemap (cms/content_cache.py) and the page cache (cms/page_cache.py) keep no entry past the
next moment a page turns public by time alone (cms.visibility.next_change)."""

import datetime
import time
import types
from contextlib import contextmanager
from unittest import mock

import pytest
from django.utils import timezone

from community.results.factories import IdeaResultPageFactory, published_call, selected_idea
from tests.cms.test_page_cache import HIT, MISS, page_cache_on, state, warm  # noqa: F401

pytestmark = pytest.mark.django_db

TITLE = "Quokkacall for seed libraries"


@contextmanager
def clock_moved_to(moment):
    """The site's clock (timezone.now) and the caches' (locmem's expiry) at `moment`."""
    shift = (moment - timezone.now()).total_seconds()
    with (
        mock.patch("django.utils.timezone.now", return_value=moment),
        mock.patch(
            "django.core.cache.backends.locmem.time",
            types.SimpleNamespace(time=lambda: time.time() + shift),
        ),
    ):
        yield


@pytest.fixture
def scheduled(home):
    """A call whose results come out in five minutes, with a result of a selected idea."""
    out_at = timezone.now() + datetime.timedelta(minutes=5)
    call = published_call(parent=home, title=TITLE, results_published_at=out_at)
    result = IdeaResultPageFactory(parent=call, idea=selected_idea(call))
    return call, result, out_at


def _sitemap(client):
    return client.get("/sitemap-pages.xml").content.decode()


def test_a_scheduled_result_is_in_the_cached_sitemap_right_after_its_date(client, scheduled):
    _call, result, out_at = scheduled
    assert result.url not in _sitemap(client)
    with clock_moved_to(out_at - datetime.timedelta(seconds=2)):
        assert result.url not in _sitemap(client)  # still cached, still right
    with clock_moved_to(out_at + datetime.timedelta(seconds=1)):
        assert result.url in _sitemap(client)


def test_the_cached_sitemap_still_costs_no_query_before_the_date(
    client, scheduled, django_assert_num_queries
):
    _sitemap(client)
    with django_assert_num_queries(0):
        _sitemap(client)


def test_the_cached_home_page_shows_the_calls_results_right_after_their_date(
    client, home, scheduled
):
    _call, result, out_at = scheduled
    warm(client, "/en/")
    with clock_moved_to(out_at - datetime.timedelta(seconds=2)):
        hit, response = state(client, "/en/")
        assert hit == HIT and "Results published" not in response.content.decode()
    with clock_moved_to(out_at + datetime.timedelta(seconds=1)):
        hit, response = state(client, "/en/")
        assert hit == MISS and "Results published" in response.content.decode()
        assert client.get(result.url).status_code == 200
