"""Listing pages render in a constant number of queries, whatever the number of items.

The site is built once with 5 items of each kind and every listing measured; then 45 more of
each are added and every listing measured again. Each test expects the same number of queries
both times, and that number itself, so a regression shows as a changed figure. Items carry
listing images, topics, sectors, countries and authors so that a missing prefetch would show.

Every measurement is taken on a second request: the first one creates the image renditions
(once per image, ever) and fills Wagtail's caches, which is not what readers pay for.
"""

import datetime
import re

from django.db import connection
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext

from cms import factories as f
from cms.models import PilotStatus
from tests.cms.trees import vocabularies

# Measured with 5 and with 50 items, on SQLite and PostgreSQL alike.
EXPECTED_QUERIES = {
    "pilot action index": 25,
    "filtered pilot action index": 25,
    "publication index": 25,
    "news index": 23,
    "home page": 26,
    "pilot action GeoJSON": 9,
    "sitemap": 16,
    "search results": 11,
}


def measure(client, url):
    """(status, SQL) of a warm request to `url`; numbers and quoted values blanked."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    sql = [re.sub(r"\b\d+\b|'[^']*'", "?", query["sql"]) for query in context.captured_queries]
    return response.status_code, sql


def add_pilot_actions(index, count, v):
    countries = [v.italy, v.croatia, v.greece]
    for n in range(count):
        f.PilotActionPageFactory(
            parent=index,
            country=countries[n % 3],
            topics=[v.social_economy, v.open_data],
            sectors=["green", "blue"],
            status=PilotStatus.RUNNING,
            listing_image=f.ImageFactory(),
        )


def add_publications(index, count, v):
    authors = [f.PersonFactory(), f.PersonFactory()]
    publisher = f.OrganisationFactory(country=v.italy)
    for n in range(count):
        factory = f.WhitePaperPageFactory if n % 2 else f.PolicyBriefPageFactory
        factory(
            parent=index,
            publication_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
            authors=authors,
            publisher=publisher,
            topics=[v.social_economy],
            countries=[v.italy, v.croatia],
            listing_image=f.ImageFactory(),
            documents={"en": f.DocumentFactory()},
        )


def add_news(index, count, v):
    for n in range(count):
        f.NewsPageFactory(
            parent=index,
            date=datetime.date(2022, 1, 1) + datetime.timedelta(days=n),
            topics=[v.social_economy, v.open_data],
            listing_image=f.ImageFactory(),
        )


class ListingQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        v = vocabularies()
        home = f.make_site()
        pilots = f.PilotActionIndexPageFactory(parent=home)
        publications = f.PublicationIndexPageFactory(parent=home)
        news = f.NewsIndexPageFactory(parent=home)
        cls.urls = {
            "pilot action index": pilots.url,
            "filtered pilot action index": pilots.url + "?sector=green&topic=open-data&page=2",
            "publication index": publications.url,
            "news index": news.url,
            "home page": home.url,
            "pilot action GeoJSON": pilots.url + pilots.reverse_subpage("geojson"),
            "sitemap": "/sitemap.xml",
            # Matches every news article's introduction ("Something happened in the network.").
            "search results": "/en/search/?q=happened",
        }
        client = Client()

        def grow(count):
            add_pilot_actions(pilots, count, v)
            add_publications(publications, count, v)
            add_news(news, count, v)
            return {name: measure(client, url) for name, url in cls.urls.items()}

        cls.with_5 = grow(5)
        cls.with_50 = grow(45)

    def assert_constant(self, name):
        (status_5, few), (status_50, many) = self.with_5[name], self.with_50[name]
        assert (status_5, status_50) == (200, 200), self.urls[name]
        extra = list(many)
        for query in few:
            if query in extra:
                extra.remove(query)
        assert len(many) == len(few), f"{len(few)} -> {len(many)} queries; extra: {extra}"
        queries = "\n".join(few)
        assert len(few) == EXPECTED_QUERIES[name], (
            f"{name}: {len(few)} queries instead of {EXPECTED_QUERIES[name]} (constant, but "
            f"changed: update EXPECTED_QUERIES if intended):\n{queries}"
        )

    def test_pilot_action_index_queries_do_not_grow_with_items(self):
        self.assert_constant("pilot action index")

    def test_filtered_second_page_of_pilot_actions_queries_do_not_grow_with_items(self):
        self.assert_constant("filtered pilot action index")

    def test_publication_index_queries_do_not_grow_with_items(self):
        self.assert_constant("publication index")

    def test_news_index_queries_do_not_grow_with_items(self):
        self.assert_constant("news index")

    def test_home_page_queries_do_not_grow_with_items(self):
        self.assert_constant("home page")

    def test_pilot_action_geojson_queries_do_not_grow_with_items(self):
        self.assert_constant("pilot action GeoJSON")

    def test_sitemap_queries_do_not_grow_with_pages(self):
        self.assert_constant("sitemap")

    def test_search_results_queries_do_not_grow_with_matches(self):
        self.assert_constant("search results")
