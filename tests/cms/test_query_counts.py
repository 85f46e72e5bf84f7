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
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from cms import factories as f
from cms.content_cache import invalidate
from cms.models import PilotStatus
from tests.cms.trees import vocabularies

# Measured with 5 and with 50 items, on SQLite and PostgreSQL alike. The chrome (menu, footer,
# settings, language links, translation state, restrictions, breadcrumbs) comes from
# cms.chrome_cache.
EXPECTED_QUERIES = {
    "pilot action index": 7,
    "filtered pilot action index": 7,
    "publication index": 7,
    "news index": 6,
    "home page": 10,  # with the community sections (cms.home_sections), none with items here
    "pilot action GeoJSON": 3,
    # A miss asks when a call's results next come out: the entry must not outlive it.
    "sitemap": 14,
    # One count per kind of result (the one site search, cms.search_sources); the pages shown
    # are counted, then only their rows read, in the database (cms.search.ranked_matches).
    "search results": 14,
}


def measure(client, url):
    """(status, SQL) of a warm request to `url`; numbers and quoted values blanked."""
    client.get(url)
    # The sitemap and GeoJSON are cached (a hit costs no query): measure what a miss costs.
    invalidate()
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
            "sitemap": "/sitemap-pages.xml",
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


# The same listings read in Italian (every page and vocabulary translated) and in Arabic (no
# page translated: wagtail-localize aliases of the English pages, vocabularies in English),
# measured with 9 items of each kind.
# The same in both: an alias of an English page costs what a translated page does.
TRANSLATED_QUERIES = {
    "pilot action index": 7,
    "publication index": 7,
    "news index": 6,
    "home page": 10,
    "pilot action GeoJSON": 3,
    "search results": 14,
}
EXPECTED_TRANSLATED_QUERIES = {"it": TRANSLATED_QUERIES, "ar": TRANSLATED_QUERIES}


def translate_new_pages(english_root, italian, arabic):
    """Italian copies of every English page that has none yet; Arabic aliases of the rest."""
    for page in english_root.get_descendants(inclusive=True).specific().order_by("path"):
        if page.get_translation_or_none(italian) is None:
            copy = page.copy_for_translation(italian, copy_parents=True)
            copy.save_revision().publish()
    synchronize_tree(english_root.locale, arabic)


class TranslatedTreeQueryCountTests(TestCase):
    """Query counts stay constant in a translated tree and in a tree of aliases too."""

    @classmethod
    def setUpTestData(cls):
        v = vocabularies()
        italian = Locale.objects.get(language_code="it")
        arabic = Locale.objects.get(language_code="ar")
        for snippet in (v.italy, v.croatia, v.greece, v.social_economy, v.open_data):
            snippet.copy_for_translation(italian).save()
        home = f.make_site()
        pilots = f.PilotActionIndexPageFactory(parent=home)
        publications = f.PublicationIndexPageFactory(parent=home)
        news = f.NewsIndexPageFactory(parent=home)
        paths = {
            "pilot action index": "/{code}/pilot-actions/",
            "publication index": "/{code}/publications/",
            "news index": "/{code}/news/",
            "home page": "/{code}/",
            "pilot action GeoJSON": "/{code}/pilot-actions/geojson/",
            "search results": "/{code}/search/?q=happened",
        }
        cls.urls = {
            code: {name: path.format(code=code) for name, path in paths.items()}
            for code in EXPECTED_TRANSLATED_QUERIES
        }
        client = Client()

        def grow(count):
            add_pilot_actions(pilots, count, v)
            add_publications(publications, count, v)
            add_news(news, count, v)
            translate_new_pages(home, italian, arabic)
            return {
                code: {name: measure(client, url) for name, url in urls.items()}
                for code, urls in cls.urls.items()
            }

        cls.with_few = grow(3)
        cls.with_many = grow(9)

    def counts(self, measurements, code):
        for name, url in self.urls[code].items():
            assert measurements[code][name][0] == 200, url
        return {name: len(measurements[code][name][1]) for name in self.urls[code]}

    def test_italian_listings_take_the_measured_number_of_queries(self):
        assert self.counts(self.with_many, "it") == EXPECTED_TRANSLATED_QUERIES["it"]

    def test_arabic_listings_take_the_measured_number_of_queries(self):
        assert self.counts(self.with_many, "ar") == EXPECTED_TRANSLATED_QUERIES["ar"]

    def test_italian_listings_queries_do_not_grow_with_translated_items(self):
        assert self.counts(self.with_few, "it") == self.counts(self.with_many, "it")

    def test_arabic_listings_queries_do_not_grow_with_aliased_items(self):
        assert self.counts(self.with_few, "ar") == self.counts(self.with_many, "ar")
