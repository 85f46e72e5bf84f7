"""Finding pages: sitemap.xml over every language tree, robots.txt, and locale-aware search."""

import re

from django.test import TestCase
from wagtail.models import Locale

from cms import factories as f
from tests.cms.trees import ids, searched_pages


def publish_translation(page, language_code):
    """Copy a page into a language tree (parents too, as wagtail-localize does) and publish it."""
    translation = page.copy_for_translation(
        Locale.objects.get(language_code=language_code), copy_parents=True
    )
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


class SitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_site()
        cls.about = f.ContentPageFactory(parent=cls.home, title="About", slug="about")
        cls.news_index = f.NewsIndexPageFactory(parent=cls.home)
        cls.news = f.NewsPageFactory(parent=cls.news_index, slug="pilot-launched")
        cls.draft = f.ContentPageFactory(parent=cls.home, slug="coming-soon", live=False)
        cls.about_it = publish_translation(cls.about, "it")
        cls.news_it = publish_translation(cls.news, "it")
        # Copied into French but not published: a draft translation.
        cls.news_fr = cls.news.copy_for_translation(
            Locale.objects.get(language_code="fr"), copy_parents=True
        )

    def locations(self):
        response = self.client.get("/sitemap-pages.xml")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/xml")
        return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())

    def test_sitemap_lists_live_pages_of_the_source_language(self):
        locations = self.locations()
        assert "http://localhost/en/" in locations
        assert "http://localhost/en/about/" in locations
        assert "http://localhost/en/news/pilot-launched/" in locations

    def test_sitemap_lists_published_translations_in_their_language_tree(self):
        locations = self.locations()
        assert self.about_it.full_url == "http://localhost/it/about/"
        assert "http://localhost/it/about/" in locations
        assert "http://localhost/it/news/pilot-launched/" in locations

    def test_sitemap_leaves_out_drafts_and_unpublished_translations(self):
        locations = self.locations()
        assert not any("coming-soon" in url for url in locations)
        assert not any(url.startswith("http://localhost/fr/news/pilot") for url in locations)

    def test_sitemap_lists_each_page_once(self):
        locations = self.locations()
        assert len(locations) == len(set(locations))

    def test_sitemap_links_the_language_versions_of_a_page(self):
        body = self.client.get("/sitemap-pages.xml").content.decode()
        entry = re.search(r"<url><loc>http://localhost/en/about/</loc>.*?</url>", body, re.S)
        assert entry, body
        assert 'hreflang="it" href="http://localhost/it/about/"' in entry.group(0)
        assert 'hreflang="en" href="http://localhost/en/about/"' in entry.group(0)

    def test_robots_txt_points_to_the_sitemap(self):
        response = self.client.get("/robots.txt")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        lines = response.content.decode().splitlines()
        assert "Sitemap: http://testserver/sitemap.xml" in lines
        assert "Disallow: /admin/" in lines


class SearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = f.make_site()
        cls.garden = f.ContentPageFactory(
            parent=home,
            title="Community gardens",
            summary="A lighthouse project for urban food.",
            body=[("paragraph", "<p>Neighbours practise permaculture together.</p>")],
        )
        cls.garden_it = publish_translation(cls.garden, "it")
        cls.other = f.ContentPageFactory(parent=home, title="Open calls", summary="Ideas wanted.")
        cls.draft = f.ContentPageFactory(
            parent=home,
            live=False,
            title="Draft about permaculture",
            body=[("paragraph", "<p>permaculture</p>")],
        )

    def search(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return response

    def test_search_without_language_prefix_redirects_to_the_readers_language(self):
        response = self.client.get("/search/?q=garden")
        assert response.status_code == 302
        assert response["Location"] == "/en/search/?q=garden"
        response = self.client.get("/search/", headers={"accept-language": "it"})
        assert response["Location"] == "/it/search/"

    def test_search_finds_a_page_by_a_word_in_its_body(self):
        response = self.search("/en/search/?q=permaculture")
        assert ids(searched_pages(response)) == [self.garden.pk]
        self.assertContains(response, "Community gardens")
        self.assertContains(response, f'href="{self.garden.url}"')

    def test_search_finds_a_page_by_a_word_in_its_summary(self):
        response = self.search("/en/search/?q=lighthouse")
        assert ids(searched_pages(response)) == [self.garden.pk]

    def test_search_lists_a_translated_page_once_in_the_active_language(self):
        response = self.search("/it/search/?q=permaculture")
        assert ids(searched_pages(response)) == [self.garden_it.pk]
        self.assertContains(response, 'href="/it/')

    def test_search_skips_drafts(self):
        response = self.search("/en/search/?q=permaculture")
        assert self.draft.pk not in ids(searched_pages(response))

    def test_search_with_no_match_says_so(self):
        response = self.search("/en/search/?q=zeppelin")
        assert ids(searched_pages(response)) == []

    def test_search_page_without_a_query_runs_no_search(self):
        response = self.search("/en/search/")
        assert response.context["found"] is None
