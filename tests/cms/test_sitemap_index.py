"""The sitemap index, its numbered files, and the cache in front of them."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms import factories as f
from cms.content_cache import SITEMAP, generation, invalidate
from cms.sitemaps import MultilingualSitemap

pytestmark = pytest.mark.django_db


def locations(client, url="/sitemap-pages.xml"):
    response = client.get(url)
    assert response.status_code == 200, url
    return re.findall(r"<url><loc>([^<]+)</loc>", response.content.decode())


def sitemap_files(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    body = response.content.decode()
    assert "<sitemapindex" in body
    return re.findall(r"<sitemap>\s*<loc>([^<]+)</loc>", body)


def test_the_sitemap_is_an_index_of_numbered_files_of_at_most_the_limit(client, home, monkeypatch):
    monkeypatch.setattr(MultilingualSitemap, "limit", 2)
    for number in range(4):
        f.ContentPageFactory(parent=home, slug=f"page-{number}")
    files = sitemap_files(client)
    # The home page and four pages, two per file.
    assert files == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-pages.xml?p=2",
        "http://testserver/sitemap-pages.xml?p=3",
    ]
    listed = []
    for url in files:
        page = locations(client, url.removeprefix("http://testserver"))
        assert 1 <= len(page) <= 2
        listed += page
    assert len(listed) == len(set(listed)) == 5
    assert client.get("/sitemap-pages.xml?p=4").status_code == 404


def test_a_sitemap_file_holds_at_most_the_protocols_fifty_thousand_urls():
    assert MultilingualSitemap.limit <= 50_000
    # About 1.3 kB per page with nine language alternates: well under 50 MB a file.
    assert MultilingualSitemap.limit * 1_300 < 50 * 1024 * 1024


def test_a_sitemap_file_costs_the_same_queries_for_few_or_many_pages(client, home):
    f.ContentPageFactory(parent=home, slug="first")
    locations(client)  # Wagtail's site and locale caches
    invalidate()
    with CaptureQueriesContext(connection) as few:
        assert len(locations(client)) == 2
    for number in range(30):
        f.ContentPageFactory(parent=home, slug=f"more-{number}")
    locations(client)  # the new pages start a new generation of the cached chrome: warm it
    invalidate()
    with CaptureQueriesContext(connection) as many:
        assert len(locations(client)) == 32
    assert len(many) == len(few) <= 12


def test_a_cached_sitemap_costs_no_query(client, home, django_assert_num_queries):
    f.ContentPageFactory(parent=home, slug="about")
    first = client.get("/sitemap-pages.xml").content
    index = client.get("/sitemap.xml").content
    with django_assert_num_queries(0):
        assert client.get("/sitemap-pages.xml").content == first
        assert client.get("/sitemap.xml").content == index


def test_publishing_a_page_refreshes_the_cached_sitemap(client, home):
    draft = f.ContentPageFactory(parent=home, slug="coming-soon", live=False)
    assert "http://localhost/en/coming-soon/" not in locations(client)
    draft.save_revision().publish()
    assert "http://localhost/en/coming-soon/" in locations(client)


def test_unpublishing_a_page_refreshes_the_cached_sitemap(client, home):
    page = f.ContentPageFactory(parent=home, slug="about")
    assert "http://localhost/en/about/" in locations(client)
    page.unpublish()
    assert "http://localhost/en/about/" not in locations(client)


def test_moving_a_page_refreshes_the_cached_sitemap(client, home):
    section = f.ContentPageFactory(parent=home, slug="section")
    page = f.ContentPageFactory(parent=home, slug="about")
    assert "http://localhost/en/about/" in locations(client)
    page.move(section, pos="last-child")
    found = locations(client)
    assert "http://localhost/en/about/" not in found
    assert "http://localhost/en/section/about/" in found


def test_deleting_a_page_refreshes_the_cached_sitemap(client, home):
    page = f.ContentPageFactory(parent=home, slug="about")
    assert "http://localhost/en/about/" in locations(client)
    page.delete()
    assert "http://localhost/en/about/" not in locations(client)


def test_restricting_a_page_refreshes_the_cached_sitemap(client, home):
    page = f.ContentPageFactory(parent=home, slug="members")
    assert "http://localhost/en/members/" in locations(client)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert "http://localhost/en/members/" not in locations(client)


def test_a_change_forgets_the_sitemap_again_when_it_commits(client, home, commit):
    # A reader may store the sitemap between a change and its commit, from the old rows: the
    # commit forgets it once more.
    page = f.ContentPageFactory(parent=home, slug="about")

    def unpublish_while_a_reader_caches():
        page.unpublish()
        stored_meanwhile.append(generation(SITEMAP))

    stored_meanwhile = []
    commit(unpublish_while_a_reader_caches)
    assert generation(SITEMAP) != stored_meanwhile[0]
