"""cms.sitemaps' rules one at a time, on a few pages in two languages.

test_sitemap_and_search.py and test_languages.py prove the sitemap over whole trees; these pin
what each entry carries (alternates only when a page has another language), the Last-Modified
answer, and the sitemap's fixed query count, quickly enough for mutation testing.
"""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.http import http_date

from cms import factories as f
from cms.content_cache import invalidate
from tests.cms.test_sitemap_and_search import publish_translation

pytestmark = pytest.mark.django_db


def entries(client):
    """{location: [(hreflang, href), ...]} for every <url> of /sitemap.xml."""
    body = client.get("/sitemap-pages.xml").content.decode()
    found = {}
    for entry in re.findall(r"<url>(.*?)</url>", body, re.S):
        location = re.search(r"<loc>([^<]+)</loc>", entry).group(1)
        found[location] = re.findall(r'hreflang="([^"]+)" href="([^"]+)"', entry)
    return found


def published_at(page, moment):
    type(page).objects.filter(pk=page.pk).update(last_published_at=moment)


def test_a_page_in_one_language_has_no_alternates_and_a_translated_one_lists_each(client, home):
    f.ContentPageFactory(parent=home, title="Only English", slug="only")
    about = f.ContentPageFactory(parent=home, title="About", slug="about")
    publish_translation(about, "it")
    found = entries(client)
    assert found["http://localhost/en/only/"] == []
    assert sorted(found["http://localhost/en/about/"]) == [
        ("en", "http://localhost/en/about/"),
        ("it", "http://localhost/it/about/"),
    ]
    assert sorted(found["http://localhost/it/about/"]) == sorted(
        found["http://localhost/en/about/"]
    )


def test_the_sitemap_is_last_modified_when_its_latest_page_was_published(client, home):
    about = f.ContentPageFactory(parent=home, slug="about")
    news = f.ContentPageFactory(parent=home, slug="news")
    latest = timezone.make_aware(datetime.datetime(2026, 3, 4, 5, 6, 7))
    for page, moment in [
        (home, latest - datetime.timedelta(days=30)),
        (about, latest),
        (news, latest - datetime.timedelta(days=1)),
    ]:
        published_at(page, moment)
    response = client.get("/sitemap-pages.xml")
    assert response["Last-Modified"] == http_date(latest.timestamp())


def test_a_page_without_a_publication_date_leaves_the_sitemap_without_last_modified(client, home):
    published_at(home, timezone.now())
    about = f.ContentPageFactory(parent=home, slug="about")
    published_at(about, None)
    type(about).objects.filter(pk=about.pk).update(latest_revision_created_at=None)
    response = client.get("/sitemap-pages.xml")
    assert response.status_code == 200
    assert "http://localhost/en/about/" in entries(client)
    assert not response.has_header("Last-Modified")


def test_the_sitemap_costs_the_same_queries_for_few_or_many_translated_pages(client, home):
    def add(count):
        for number in range(count):
            page = f.ContentPageFactory(parent=home, slug=f"page-{number}-{count}")
            publish_translation(page, "it")

    add(1)
    client.get("/sitemap-pages.xml")  # Wagtail's site and locale caches
    invalidate()  # measured uncached: a hit costs no query at all
    with CaptureQueriesContext(connection) as few:
        assert len(entries(client)) == 3  # the Italian home is an unpublished copy
    add(5)
    client.get("/sitemap.xml")  # the chrome cache, forgotten by the new pages (warm again)
    invalidate()
    with CaptureQueriesContext(connection) as many:
        assert len(entries(client)) == 13
    assert len(many) == len(few)
