"""How listing pages scale with the number of items: time and queries at 10 and 200 items.

Run with `make benchmark`; prints figures and ratios, asserts nothing about speed (machines
differ). Query counts are asserted in tests/cms, where they are deterministic.
"""

import statistics
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.factories import (
    CountryFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PilotActionIndexPageFactory,
    PilotActionPageFactory,
    PublicationIndexPageFactory,
    WhitePaperPageFactory,
)

pytestmark = [pytest.mark.benchmark, pytest.mark.django_db]

SIZES = (10, 200)
ROUNDS = 5


def _measure(client, url):
    client.get(url)  # warm caches (site root paths, renditions)
    timings = []
    for _ in range(ROUNDS):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - start)
        assert response.status_code == 200
    return statistics.median(timings), len(queries)


def _grow(listing, home, target):
    image = ImageFactory()
    country = CountryFactory()
    parent = listing["index"]
    for _ in range(target - listing["count"]):
        listing["factory"](parent=parent, listing_image=image, **listing["extra"](country))
    listing["count"] = target


def test_listing_render_time_and_queries_as_items_grow(client, home):
    listings = {
        "pilot actions": {
            "index": PilotActionIndexPageFactory(parent=home),
            "factory": PilotActionPageFactory,
            "extra": lambda country: {"country": country},
        },
        "publications": {
            "index": PublicationIndexPageFactory(parent=home),
            "factory": WhitePaperPageFactory,
            "extra": lambda country: {},
        },
        "news": {
            "index": NewsIndexPageFactory(parent=home),
            "factory": NewsPageFactory,
            "extra": lambda country: {},
        },
    }
    print("\nlisting            items  median ms  queries")
    for name, listing in listings.items():
        listing["count"] = 0
        figures = []
        for size in SIZES:
            _grow(listing, home, size)
            seconds, queries = _measure(client, listing["index"].url)
            figures.append((seconds, queries))
            print(f"{name:<18}{size:>6}{seconds * 1000:>11.1f}{queries:>9}")
        ratio = figures[1][0] / figures[0][0]
        print(f"{name:<18} time ratio {SIZES[1]}/{SIZES[0]} items: {ratio:.2f}x")
    home_seconds, home_queries = _measure(client, home.url)
    ms = home_seconds * 1000
    print(f"home page with {SIZES[1]} items each: {ms:.1f} ms, {home_queries} queries")
