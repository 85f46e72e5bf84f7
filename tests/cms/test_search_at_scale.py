"""Search at scale: ordered, deduplicated and paginated in the database; a read never writes;
the index is updated by a background task."""

import pytest
from django.db import connection
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext
from django_tasks import default_task_backend
from modelsearch.conf import get_app_config
from wagtail.models import Locale, Page

from cms import factories as f
from cms.search import SEARCH_PAGE_SIZE, search_pages
from tests.cms.test_search_languages import alias, translate

pytestmark = pytest.mark.django_db

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)


class PagesBuilt:
    """Counts the page instances Django builds (any page type)."""

    def __init__(self):
        self.count = 0

    def __call__(self, sender, **kwargs):
        if issubclass(sender, Page):
            self.count += 1

    def __enter__(self):
        post_init.connect(self)
        return self

    def __exit__(self, *exc):
        post_init.disconnect(self)


@pytest.fixture
def many_matches(home):
    for number in range(120):
        f.ContentPageFactory(parent=home, title=f"Story {number}", summary="A story from Zagreb.")
    return home


def test_a_results_page_reads_only_its_rows_at_120_matches(many_matches):
    english = Locale.objects.get(language_code="en")
    search_pages("zagreb", english)  # Wagtail's site and locale caches
    with CaptureQueriesContext(connection) as context, PagesBuilt() as built:
        results = search_pages("zagreb", english, page_number=3)
    assert results.paginator.count == 120
    assert len(results.object_list) == SEARCH_PAGE_SIZE
    # Each row read is one page instance built: the match rows of one results page, then the
    # pages themselves (never the 120 matches).
    assert built.count <= 2 * SEARCH_PAGE_SIZE
    sql = [query["sql"] for query in context.captured_queries]
    ranked = [s for s in sql if "ROW_NUMBER" in s.upper()]
    # One LIMIT/OFFSET read of the ranked matches, in the database; the count is one COUNT of
    # distinct translation keys, without scores.
    assert len(ranked) == 1
    assert f"LIMIT {SEARCH_PAGE_SIZE} OFFSET 20" in ranked[0], ranked
    assert any("COUNT(" in s.upper() and "DISTINCT" in s.upper() for s in sql)


def test_the_site_search_page_builds_no_more_pages_than_it_shows(client, many_matches):
    client.get("/en/search/?q=zagreb&kind=pages")
    with PagesBuilt() as built:
        response = client.get("/en/search/?q=zagreb&kind=pages&page=2")
    assert response.status_code == 200
    assert response.context["found"].total == 120
    # The results page's match rows, its pages, and the page tree the layout shows: far from
    # 120.
    assert built.count < 60


def test_the_database_ordering_is_the_readers_language_first_each_page_once(home):
    workshop = f.ContentPageFactory(parent=home, title="Zagreb workshop", summary="Zagreb.")
    call = f.ContentPageFactory(parent=home, title="Open call", summary="Zagreb call.")
    call_it = translate(call, "it", title="Bando aperto", summary="Zagreb bando.")
    workshop_it = alias(workshop, "it")
    english_only = f.ContentPageFactory(parent=home, title="Report", summary="Zagreb report.")
    italian = Locale.objects.get(language_code="it")
    results = search_pages("zagreb", italian)
    shown = [(page.pk, page.other_language) for page in results]
    # The Italian tree first (the workshop's alias there shows its English text), then the
    # English page with no Italian copy; the English call and workshop not again.
    assert sorted(shown[:2]) == sorted([(call_it.pk, ""), (workshop_it.pk, "en")])
    assert shown[2:] == [(english_only.pk, "en")]
    assert results.paginator.count == 3


def test_a_search_request_writes_nothing(client, many_matches):
    client.get("/en/search/?q=zagreb")
    with CaptureQueriesContext(connection) as context:
        for url in ("/en/search/?q=zagreb", "/en/search/?q=zagreb&kind=pages&page=2"):
            assert client.get(url).status_code == 200
    writes = [
        query["sql"]
        for query in context.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []


def test_publishing_a_page_updates_its_search_entry_through_a_background_task(home, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    page = f.ContentPageFactory(parent=home, slug="later", live=False, summary="Zagreb.")
    default_task_backend.clear()
    IndexEntry.objects.filter(object_id=str(page.pk)).delete()
    page.save_revision().publish()
    queued = [
        result
        for result in default_task_backend.results
        if result.task.name == "insert_or_update_object_task"
    ]
    assert queued, [result.task.name for result in default_task_backend.results]
    # Queued, not run: the publish did not index it in the request.
    assert not IndexEntry.objects.filter(object_id=str(page.pk)).exists()
    for result in queued:
        result.task.call(*result.args, **result.kwargs)
    assert IndexEntry.objects.filter(object_id=str(page.pk)).exists()
