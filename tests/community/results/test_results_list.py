"""A call's results list: progress, filters by status, country and topic, a constant number of
queries; and its open-data export, with documented columns and no personal data."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.factories import CountryFactory, OrganisationFactory, TopicFactory
from community.members.factories import UserFactory
from community.results.exports import EXPORT_FIELDS
from community.results.factories import (
    IdeaResultMilestoneFactory,
    IdeaResultPageFactory,
    published_call,
    selected_idea,
)
from community.results.models import ResultStatus

pytestmark = pytest.mark.django_db


def _result(call, **kwargs):
    topics = kwargs.pop("topics", [])
    organisations = kwargs.pop("organisations", [])
    idea = selected_idea(call, author=kwargs.pop("author", None) or UserFactory())
    result = IdeaResultPageFactory(parent=call, idea=idea, **kwargs)
    result.topics.set(topics)
    result.organisations.set(organisations)
    result.save()
    IdeaResultMilestoneFactory(page=result, title=f"Start of {result.title}")
    return result


def _list(client, call, **query):
    return client.get(reverse("community:results", args=[call.pk]), query)


def test_the_list_filters_by_status_country_and_topic(home, client):
    call = published_call(parent=home)
    italy, croatia = (
        CountryFactory(name="Italy", code="IT"),
        CountryFactory(name="Croatia", code="HR"),
    )
    water = TopicFactory(name="Water", slug="water")
    _result(call, title="Alpha done", status=ResultStatus.DONE, country=italy)
    _result(call, title="Beta running", status=ResultStatus.IN_PROGRESS, country=croatia)
    _result(call, title="Gamma water", status=ResultStatus.IN_PROGRESS, topics=[water])

    def titles(**query):
        html = _list(client, call, **query).content.decode()
        return {t for t in ("Alpha done", "Beta running", "Gamma water") if t in html}

    assert titles() == {"Alpha done", "Beta running", "Gamma water"}
    assert titles(status="done") == {"Alpha done"}
    assert titles(country="HR") == {"Beta running"}
    assert titles(topic="water") == {"Gamma water"}
    # A value the list does not know is ignored, not an error.
    assert titles(status="nonsense") == {"Alpha done", "Beta running", "Gamma water"}


def test_the_list_shows_each_results_progress(home, client):
    call = published_call(parent=home)
    _result(call, progress=70)

    html = _list(client, call).content.decode()

    assert 'value="70"' in html and "70 % done" in html


def test_the_list_costs_the_same_queries_for_1_and_30_results(home, client):
    call = published_call(parent=home)
    italy = CountryFactory(code="IT")
    topic = TopicFactory()
    organisation = OrganisationFactory()

    def make(n):
        for _ in range(n):
            _result(call, country=italy, topics=[topic], organisations=[organisation])

    def count():
        _list(client, call)  # warm Wagtail's and Django's caches
        with CaptureQueriesContext(connection) as queries:
            assert _list(client, call).status_code == 200
        return len(queries)

    make(1)
    one = count()
    make(29)
    assert count() == one


def test_the_export_has_its_documented_columns_and_no_personal_data(home, client):
    call = published_call(parent=home)
    author = UserFactory(display_name="Zora Privatename", email="zora@example.org")
    organisation = OrganisationFactory(name="Cooperativa Riva")
    _result(call, title="Repair café", author=author, organisations=[organisation])

    csv_text = client.get(reverse("community:results_export", args=[call.pk, "csv"])).content
    data = json.loads(
        client.get(reverse("community:results_export", args=[call.pk, "json"])).content
    )

    header = csv_text.decode().splitlines()[0].split(",")
    assert tuple(header) == EXPORT_FIELDS
    [record] = data["results"]
    assert tuple(record) == EXPORT_FIELDS
    assert record["organisations"] == ["Cooperativa Riva"]
    everything = csv_text.decode() + json.dumps(data)
    for personal in ("Zora", "Privatename", "zora@example.org"):
        assert personal not in everything


def test_the_export_neutralises_spreadsheet_formulas(home, client):
    call = published_call(parent=home)
    _result(call, title="=HYPERLINK(1)")

    csv_text = client.get(reverse("community:results_export", args=[call.pk, "csv"])).content

    assert "'=HYPERLINK(1)" in csv_text.decode()


def _choices(response):
    options = response.context["options"]
    return dict(options["countries"]), dict(options["topics"])


def test_the_filter_choices_cost_no_query_once_warm(home, client, monkeypatch):
    from community.results import listing

    call = published_call(parent=home)
    _result(call, country=CountryFactory(code="IT"), topics=[TopicFactory()])

    def warm_count():
        _list(client, call)
        with CaptureQueriesContext(connection) as queries:
            _list(client, call)
        return len(queries)

    cached = warm_count()
    monkeypatch.setattr(
        listing.content_cache, "cached", lambda listing, parts, compute, **kwargs: compute()
    )
    assert cached == warm_count() - 2  # the countries' and the topics' queries


def test_a_new_results_country_and_topic_are_in_the_filter_at_the_next_request(
    home, client, commit
):
    call = published_call(parent=home)
    _result(call, country=CountryFactory(name="Italy", code="IT"))
    assert _choices(_list(client, call)) == ({"IT": "Italy"}, {})

    result = IdeaResultPageFactory(
        parent=call, idea=selected_idea(call), country=CountryFactory(name="Croatia", code="HR")
    )
    result.topics.set([TopicFactory(name="Water", slug="water")])
    commit(lambda: result.save_revision().publish())

    assert _choices(_list(client, call)) == ({"HR": "Croatia", "IT": "Italy"}, {"water": "Water"})


def test_the_filter_forgets_a_withdrawn_ideas_country_and_shows_a_renamed_one(home, client, commit):
    call = published_call(parent=home)
    italy = CountryFactory(name="Italy", code="IT")
    _result(call, country=italy)
    withdrawn = _result(call, country=CountryFactory(name="Croatia", code="HR"))
    assert _choices(_list(client, call))[0] == {"HR": "Croatia", "IT": "Italy"}

    italy.name = "Italia"
    commit(italy.save)
    assert _choices(_list(client, call))[0] == {"HR": "Croatia", "IT": "Italia"}

    withdrawn.idea.status = "withdrawn"
    commit(withdrawn.idea.save)
    assert _choices(_list(client, call))[0] == {"IT": "Italia"}
