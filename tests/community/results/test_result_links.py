"""A result's linked events, publications and datasets, and its pilot action, appear only where
the reader may see each linked page: a private (restricted) or unpublished one is left out of
the result page, the call's results list, the open-data export and the API."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from cms.factories import PilotActionPageFactory, WhitePaperPageFactory
from cms.opendata.factories import DatasetPageFactory
from community.members.factories import UserFactory
from community.results.factories import IdeaResultPageFactory, published_call, selected_idea
from events.pages.factories import WebinarPageFactory

pytestmark = pytest.mark.django_db


def _restricted(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    return page


@pytest.fixture
def linked(home):
    """A result linking a public and a restricted event, a public and an unpublished
    publication, a public and a restricted dataset, and a restricted pilot action."""
    pages = {
        "Open webinar": WebinarPageFactory(parent=home, title="Open webinar"),
        "Hidden webinar": _restricted(WebinarPageFactory(parent=home, title="Hidden webinar")),
        "Open paper": WhitePaperPageFactory(parent=home, title="Open paper"),
        "Draft paper": WhitePaperPageFactory(parent=home, title="Draft paper", live=False),
        "Open dataset": DatasetPageFactory(parent=home, title="Open dataset"),
        "Hidden dataset": _restricted(DatasetPageFactory(parent=home, title="Hidden dataset")),
    }
    pilot = _restricted(PilotActionPageFactory(parent=home, title="Hidden pilot"))
    call = published_call(parent=home)
    result = IdeaResultPageFactory(
        parent=call,
        idea=selected_idea(call, author=UserFactory()),
        pilot_action=pilot,
        related=[
            (kind, pages[title])
            for kind, title in [
                ("event", "Open webinar"),
                ("event", "Hidden webinar"),
                ("publication", "Open paper"),
                ("publication", "Draft paper"),
                ("dataset", "Open dataset"),
                ("dataset", "Hidden dataset"),
            ]
        ],
    )
    result.save_revision().publish()
    return result, call, pages, pilot


SHOWN = {"Open webinar", "Open paper", "Open dataset"}
HIDDEN = {"Hidden webinar", "Draft paper", "Hidden dataset", "Hidden pilot"}


def _titles_in(text):
    return {title for title in SHOWN | HIDDEN if title in text}


def test_the_result_page_shows_only_the_linked_pages_the_reader_may_see(client, linked):
    result, _call, _pages, _pilot = linked

    html = client.get(result.url).content.decode()

    assert _titles_in(html) == SHOWN


def test_the_results_list_shows_only_the_linked_pages_the_reader_may_see(client, linked):
    _result, call, _pages, _pilot = linked

    html = client.get(reverse("community:results", args=[call.pk])).content.decode()

    assert _titles_in(html) == SHOWN


def test_the_export_carries_only_the_linked_pages_a_visitor_may_see(client, linked):
    _result, call, pages, pilot = linked
    export = reverse("community:results_export", args=[call.pk, "json"])

    [record] = json.loads(client.get(export).content)["results"]
    csv_text = client.get(reverse("community:results_export", args=[call.pk, "csv"])).content

    assert record["events"] == [pages["Open webinar"].get_full_url()]
    assert record["publications"] == [pages["Open paper"].get_full_url()]
    assert record["datasets"] == [pages["Open dataset"].get_full_url()]
    assert record["pilot_action"] is None and record["pilot_action_url"] == ""
    hidden_urls = [pages[title].url for title in HIDDEN - {"Hidden pilot"}] + [pilot.url]
    for url in hidden_urls:
        assert url not in json.dumps(record) and url not in csv_text.decode()


def test_the_export_names_a_public_pilot_action_by_its_id_and_url(client, home):
    pilot = PilotActionPageFactory(parent=home, title="Open pilot")
    call = published_call(parent=home)
    IdeaResultPageFactory(parent=call, idea=selected_idea(call), pilot_action=pilot)
    export = reverse("community:results_export", args=[call.pk, "json"])

    [record] = json.loads(client.get(export).content)["results"]

    assert record["pilot_action"] == pilot.pk
    assert record["pilot_action_url"] == pilot.get_full_url()


def test_the_api_lists_only_the_linked_pages_the_caller_may_see(client, linked):
    result, _call, _pages, _pilot = linked

    data = client.get(f"/api/v2/pages/{result.pk}/").json()

    assert {link["title"] for link in data["links"]} == SHOWN
    assert [link["type"] for link in data["links"]] == ["event", "publication", "dataset"]


def _api_list(client, count, **query):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(
            "/api/v2/pages/",
            {"type": "community.IdeaResultPage", "fields": "links", "limit": count, **query},
        )
    assert response.status_code == 200
    return len(queries), response.json()["items"]


def test_the_api_lists_links_at_the_same_cost_for_1_and_20_results(client, linked, home):
    result, call, pages, _pilot = linked
    for _ in range(19):
        IdeaResultPageFactory(
            parent=call,
            idea=selected_idea(call, author=UserFactory()),
            related=[("event", pages["Hidden webinar"]), ("dataset", pages["Open dataset"])],
        ).save_revision().publish()
    _api_list(client, 20)  # warm Wagtail's and Django's caches

    one, [item] = _api_list(client, 1, id=result.pk)
    twenty, items = _api_list(client, 20)

    assert len(items) == 20
    assert one == twenty
    # Each result still lists only what the caller may see.
    assert {link["title"] for link in item["links"]} == SHOWN
    for other in items:
        if other["id"] != result.pk:
            assert [link["title"] for link in other["links"]] == ["Open dataset"]
