"""The measured cost of the results' pages and export: the call's results list (for a visitor
and for an organiser) and its export cost the same with 1 and with 30 results, each with its
organisations, topics, linked event, publication and dataset, and milestones; a result page
costs a fixed number.

The figures are exact: a change that adds a query shows here, and the figure is updated on
purpose, with the reason in the commit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.factories import (
    CountryFactory,
    OrganisationFactory,
    PilotActionPageFactory,
    TopicFactory,
    WhitePaperPageFactory,
)
from cms.opendata.factories import DatasetPageFactory
from community.members.factories import UserFactory
from community.results.factories import (
    IdeaResultMilestoneFactory,
    IdeaResultPageFactory,
    published_call,
    selected_idea,
)
from events.pages.factories import WebinarPageFactory
from tests.community.ideas.review_helpers import make_organiser

pytestmark = pytest.mark.django_db

# Queries of the call's results list, whatever the number of results (its filter choices come
# from the listings' cache once warm: two queries fewer).
LIST_QUERIES_VISITOR = 11
LIST_QUERIES_ORGANISER = 17
# Queries of one result page, whatever the number of its organisations, links and milestones.
RESULT_PAGE_QUERIES_VISITOR = 11
# Queries of the open-data export (CSV or JSON), whatever the number of results.
EXPORT_QUERIES = 7


@pytest.fixture
def world(home):
    call = published_call(parent=home)
    shared = {
        "country": CountryFactory(code="IT"),
        "topics": [TopicFactory(), TopicFactory()],
        "organisations": [OrganisationFactory(), OrganisationFactory()],
        "paper": WhitePaperPageFactory(parent=home),
        "dataset": DatasetPageFactory(parent=home),
        "pilot": PilotActionPageFactory(parent=home),
    }
    return call, shared


def add_results(home, call, shared, count):
    results = []
    for _ in range(count):
        event = WebinarPageFactory(parent=home)
        result = IdeaResultPageFactory(
            parent=call,
            idea=selected_idea(call, author=UserFactory()),
            country=shared["country"],
            pilot_action=shared["pilot"],
            related=[
                ("event", event),
                ("publication", shared["paper"]),
                ("dataset", shared["dataset"]),
            ],
        )
        result.topics.set(shared["topics"])
        result.organisations.set(shared["organisations"])
        result.save()
        IdeaResultMilestoneFactory(page=result)
        IdeaResultMilestoneFactory(page=result, reached=True)
        results.append(result)
    return results


def measure(client, url):
    client.get(url)  # warm Wagtail's and Django's caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("reader", ["visitor", "organiser"])
def test_the_results_list_costs_a_fixed_number_of_queries_for_1_and_30_results(
    home, client, world, reader
):
    call, shared = world
    if reader == "organiser":
        client.force_login(make_organiser(home))
    url = reverse("community:results", args=[call.pk])
    expected = LIST_QUERIES_VISITOR if reader == "visitor" else LIST_QUERIES_ORGANISER

    add_results(home, call, shared, 1)
    one, _response = measure(client, url)
    add_results(home, call, shared, 29)
    thirty, response = measure(client, url)

    assert len(response.context["results"]) == 30
    assert all(len(result.links) == 3 for result in response.context["results"])
    assert (one, thirty) == (expected, expected)


def test_a_result_page_costs_a_fixed_number_of_queries(home, client, world):
    call, shared = world
    [result] = add_results(home, call, shared, 1)

    few, _response = measure(client, result.url)
    result.organisations.add(*[OrganisationFactory() for _ in range(4)])
    result.related.append(("event", WebinarPageFactory(parent=home)))
    result.save()
    IdeaResultMilestoneFactory(page=result)
    many, response = measure(client, result.url)

    assert len(response.context["organisations"]) == 6
    assert len(response.context["result_links"]) == 4
    assert len(response.context["milestones"]) == 3
    assert (few, many) == (RESULT_PAGE_QUERIES_VISITOR, RESULT_PAGE_QUERIES_VISITOR)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_the_export_costs_a_fixed_number_of_queries_for_1_and_30_results(home, client, world, fmt):
    call, shared = world
    url = reverse("community:results_export", args=[call.pk, fmt])

    add_results(home, call, shared, 1)
    one, _response = measure(client, url)
    add_results(home, call, shared, 29)
    thirty, _response = measure(client, url)

    assert (one, thirty) == (EXPORT_QUERIES, EXPORT_QUERIES)
