"""Results in the page cache (cms/page_cache.py): a result page served to visitors from the
cache is purged by every change of what it shows that is not its own publishing: its idea
(withdrawn, no longer selected, renamed, deleted) and its call's results date."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from community.ideas import services as idea_services
from community.ideas.models import IdeaStatus
from tests.cms.test_page_cache import HIT, MISS, page_cache_on, state, warm  # noqa: F401
from tests.community.results.helpers import make_result

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached_result(home, commit, client):
    """A public result, its page stored in the cache for visitors."""
    result, idea, organiser = make_result(home, commit)
    warm(client, result.url)
    return result, idea, organiser


def _listed(client, idea):
    response = client.get(reverse("community:results", args=[idea.call_id]))
    assert "X-Page-Cache" not in response  # the list is never stored: it is always fresh
    return idea.title in response.content.decode()


def test_withdrawing_the_idea_takes_its_result_page_out_of_the_cache_in_every_language(
    cached_result, client, commit
):
    result, idea, _organiser = cached_result
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="el"))
    greek = result.get_translation(Locale.objects.get(language_code="el"))
    warm(client, result.url, greek.url)
    assert _listed(client, idea)
    idea.status = IdeaStatus.WITHDRAWN  # as the admin's edit of the idea saves it
    commit(idea.save)
    assert client.get(result.url).status_code == 404
    assert client.get(greek.url).status_code == 404
    assert not _listed(client, idea)


def test_unselecting_the_idea_takes_its_result_page_out_of_the_cache(cached_result, client, commit):
    result, idea, organiser = cached_result
    commit(idea_services.change_status, [idea], IdeaStatus.SHORTLISTED, organiser)
    assert client.get(result.url).status_code == 404
    assert not _listed(client, idea)


def test_renaming_the_idea_shows_its_new_title_on_the_cached_result_page(
    cached_result, client, commit
):
    result, idea, _organiser = cached_result
    idea.title = "Seed library, renamed"
    commit(idea.save)
    hit, response = state(client, result.url)
    assert hit == MISS and "Seed library, renamed" in response.content.decode()


def test_deleting_the_idea_takes_its_result_page_out_of_the_cache(cached_result, client, commit):
    result, idea, _organiser = cached_result
    commit(idea.delete)
    assert client.get(result.url).status_code == 404


def test_a_call_withdrawing_its_results_takes_them_out_of_the_cache_in_every_language(
    home, client, commit
):
    result, idea, _organiser = make_result(home, commit)
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="el"))
    greek = result.get_translation(Locale.objects.get(language_code="el"))
    warm(client, result.url, greek.url)
    call = idea.call
    call.results_published_at = timezone.now() + datetime.timedelta(days=3)
    commit(lambda: call.save_revision().publish())
    assert client.get(result.url).status_code == 404
    assert client.get(greek.url).status_code == 404


def test_a_change_of_another_call_keeps_the_result_page_cached(home, cached_result, client, commit):
    from community.results.factories import published_call

    result, _idea, _organiser = cached_result
    other = published_call(parent=home)
    warm(client)
    commit(lambda: other.save_revision().publish())
    assert state(client, result.url)[0] == HIT
