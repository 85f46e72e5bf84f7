"""Event listings, calendars, feeds, pages and "My events" render in a constant number of
queries whether there are 5 events and registrations or 100 of each.

Measured on a warm second request (the first creates image renditions and fills caches), as
in tests/cms/test_query_counts.py.
"""

import datetime
import re

from django.db import connection
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext

from cms import factories as f
from events.listing.factories import EventIndexPageFactory
from events.pages.factories import FocusGroupPageFactory, WebinarPageFactory
from events.registrations import services
from tests.events.conftest import make_member

# Measured with 5 and with 100 events and registrations (SQLite and PostgreSQL alike). The
# member is logged in: HTML pages include the header's unread-notification count (one query)
# and their permissions (one query, community.members.backends).
EXPECTED_QUERIES = {
    # Measured with the chrome (breadcrumbs included) from cms.chrome_cache.
    "event index": 10,
    "filtered event index": 10,
    "month calendar": 9,
    "ics feed": 6,
    "rss feed": 6,
    "atom feed": 6,
    "event page": 15,
    "my events": 6,
}


def measure(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    sql = [re.sub(r"\b\d+\b|'[^']*'", "?", q["sql"]) for q in context.captured_queries]
    return response.status_code, sql


class EventQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        italy = f.CountryFactory(name="Italy", code="IT")
        topic = f.TopicFactory(name="Skills", slug="skills")
        home = f.make_site()
        index = EventIndexPageFactory(parent=home)
        cls.member = make_member("me@example.org")
        cls.busy = WebinarPageFactory(parent=index, title="Busy", capacity=50)
        start = datetime.datetime(2030, 3, 1, 9, tzinfo=datetime.UTC)
        created = {"events": 0, "people": 0}

        def grow(count):
            for n in range(count):
                n += created["events"]
                factory = WebinarPageFactory if n % 2 else FocusGroupPageFactory
                event = factory(
                    parent=index,
                    start=start + datetime.timedelta(hours=7 * n),
                    end=start + datetime.timedelta(hours=7 * n + 2),
                    topics=[topic],
                    countries=[italy],
                    listing_image=f.ImageFactory(),
                    languages=["en", "it"],
                )
                services.register(event, user=cls.member)
                person = make_member(f"p{created['people']}@example.org")
                created["people"] += 1
                services.register(cls.busy, user=person)
            created["events"] += count

        client = Client()
        client.force_login(cls.member)
        cls.urls = {
            "event index": index.url,
            "filtered event index": index.url + "?topic=skills&language=it&country=IT&page=2",
            "month calendar": index.url + "calendar/?month=2030-03",
            "ics feed": index.url + "ics/",
            "rss feed": index.url + "rss/",
            "atom feed": index.url + "atom/",
            "event page": cls.busy.url,
            "my events": "/en/events/mine/",
        }
        grow(5)
        cls.with_5 = {name: measure(client, url) for name, url in cls.urls.items()}
        grow(95)
        cls.with_100 = {name: measure(client, url) for name, url in cls.urls.items()}

    def assert_constant(self, name):
        (status_5, few), (status_100, many) = self.with_5[name], self.with_100[name]
        assert (status_5, status_100) == (200, 200), self.urls[name]
        extra = list(many)
        for query in few:
            if query in extra:
                extra.remove(query)
        assert len(many) == len(few), f"{len(few)} -> {len(many)} queries; extra: {extra}"
        assert len(few) == EXPECTED_QUERIES[name], (
            f"{name}: {len(few)} queries instead of {EXPECTED_QUERIES[name]}:\n" + "\n".join(few)
        )

    def test_event_index_queries_do_not_grow_with_events(self):
        self.assert_constant("event index")

    def test_filtered_event_index_queries_do_not_grow_with_events(self):
        self.assert_constant("filtered event index")

    def test_month_calendar_queries_do_not_grow_with_events(self):
        self.assert_constant("month calendar")

    def test_ics_feed_queries_do_not_grow_with_events(self):
        self.assert_constant("ics feed")

    def test_rss_feed_queries_do_not_grow_with_events(self):
        self.assert_constant("rss feed")

    def test_atom_feed_queries_do_not_grow_with_events(self):
        self.assert_constant("atom feed")

    def test_event_page_queries_do_not_grow_with_registrations(self):
        self.assert_constant("event page")

    def test_my_events_queries_do_not_grow_with_registrations(self):
        self.assert_constant("my events")
