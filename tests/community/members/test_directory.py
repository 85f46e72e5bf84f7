"""The member directory: filters parsed without a database, visibility, each filter, and a
constant number of queries whatever the number of members."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms import factories as cf
from community.members.directory import DirectoryFilters
from community.members.factories import UserFactory
from community.members.models import ProfileVisibility


class TestFiltersFromTheQuery:
    def test_known_values_are_kept(self):
        filters = DirectoryFilters.from_query(
            {"stakeholder": "academia", "country": "hr", "topic": "Open-Data", "language": "it"}
        )
        assert filters == DirectoryFilters(
            stakeholder="academia", country="HR", topic="open-data", language="it"
        )
        assert filters.is_active

    def test_unknown_or_malformed_values_are_ignored(self):
        filters = DirectoryFilters.from_query(
            {"stakeholder": "wizards", "country": "Croatia", "topic": "<b>", "language": "xx"}
        )
        assert filters == DirectoryFilters()
        assert not filters.is_active

    def test_the_query_string_round_trips(self):
        filters = DirectoryFilters(stakeholder="public", language="el", page=3)
        assert filters.as_query() == "stakeholder=public&language=el"
        assert filters.as_query(page=2) == "stakeholder=public&language=el&page=2"


def names(response):
    return [m.get_display_name() for m in response.context["results"]]


@pytest.mark.django_db
class TestDirectory:
    def test_anonymous_visitors_see_only_public_profiles(self, client):
        UserFactory(display_name="Public", profile_visibility=ProfileVisibility.PUBLIC)
        UserFactory(display_name="Members", profile_visibility=ProfileVisibility.MEMBERS)
        UserFactory(display_name="Hidden", profile_visibility=ProfileVisibility.HIDDEN)
        assert names(client.get(reverse("community:directory"))) == ["Public"]

    def test_members_also_see_members_only_profiles_but_never_hidden_ones(self, client):
        UserFactory(display_name="Public", profile_visibility=ProfileVisibility.PUBLIC)
        UserFactory(display_name="Members", profile_visibility=ProfileVisibility.MEMBERS)
        UserFactory(display_name="Hidden", profile_visibility=ProfileVisibility.HIDDEN)
        client.force_login(UserFactory(display_name="Zed", profile_visibility="hidden"))
        assert names(client.get(reverse("community:directory"))) == ["Members", "Public"]

    def test_deactivated_and_erased_members_are_not_listed(self, client):
        UserFactory(display_name="Gone", profile_visibility="public", is_active=False)
        assert names(client.get(reverse("community:directory"))) == []

    def test_each_filter_narrows_the_list(self, client):
        croatia = cf.CountryFactory(code="HR")
        topic = cf.TopicFactory(slug="open-data")
        match = UserFactory(
            display_name="Match",
            profile_visibility="public",
            stakeholder_type="academia",
            country=croatia,
            languages_spoken=",hr,en,",
        )
        match.topics.add(topic)
        UserFactory(display_name="Other", profile_visibility="public", stakeholder_type="business")
        url = reverse("community:directory")
        for query in ("stakeholder=academia", "country=hr", "topic=open-data", "language=en"):
            assert names(client.get(f"{url}?{query}")) == ["Match"], query
        assert names(client.get(f"{url}?language=it")) == []

    def test_the_directory_renders_in_a_constant_number_of_queries(self, client):
        topics = [cf.TopicFactory(), cf.TopicFactory()]
        organisation = cf.OrganisationFactory()

        def add(count):
            for _ in range(count):
                member = UserFactory(
                    profile_visibility="public",
                    organisation=organisation,
                    country=organisation.country,
                    languages_spoken=",en,",
                )
                member.topics.set(topics)

        def measure():
            url = reverse("community:directory")
            client.get(url)
            with CaptureQueriesContext(connection) as context:
                assert client.get(url).status_code == 200
            return len(context.captured_queries)

        add(3)
        few = measure()
        add(20)
        assert measure() == few

    def test_the_cards_show_names_and_nothing_of_hidden_members(self, client):
        UserFactory(
            display_name="Hidden Person", email="hidden@example.org", profile_visibility="hidden"
        )
        html = client.get(reverse("community:directory")).content.decode()
        assert "Hidden Person" not in html
        assert re.search("hidden@example.org", html) is None
