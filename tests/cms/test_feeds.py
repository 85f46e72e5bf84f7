"""News and publications have RSS and Atom feeds, one per language tree."""

import datetime

from defusedxml import ElementTree as ET
from django.test import TestCase
from wagtail.models import Locale, PageViewRestriction

from cms import factories as f
from cms.locales import ensure_locales

ATOM = "{http://www.w3.org/2005/Atom}"


def translate_page(page, code, **fields):
    copy = page.copy_for_translation(Locale.objects.get(language_code=code), copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


class FeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        ensure_locales()
        home = f.make_site()
        cls.news = f.NewsIndexPageFactory(parent=home)
        cls.older = f.NewsPageFactory(
            parent=cls.news, title="Lab opens", date=datetime.date(2024, 1, 10)
        )
        cls.newer = f.NewsPageFactory(
            parent=cls.news, title="Lab results", date=datetime.date(2024, 6, 1)
        )
        cls.private = f.NewsPageFactory(parent=cls.news, title="Partners only")
        PageViewRestriction.objects.create(
            page=cls.private, restriction_type=PageViewRestriction.LOGIN
        )
        cls.publications = f.PublicationIndexPageFactory(parent=home)
        cls.brief = f.PolicyBriefPageFactory(
            parent=cls.publications,
            title="Reserved contracts brief",
            publication_date=datetime.date(2024, 5, 2),
        )
        cls.italian_news = translate_page(cls.news, "it", title="Notizie")
        cls.italian_item = translate_page(cls.newer, "it", title="Risultati del laboratorio")

    def rss_titles(self, index):
        response = self.client.get(index.url + "feed/rss/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/rss+xml")
        channel = ET.fromstring(response.content).find("channel")
        return channel, [item.findtext("title") for item in channel.findall("item")]

    def test_news_rss_lists_visible_items_newest_first(self):
        channel, titles = self.rss_titles(self.news)
        assert titles == ["Lab results", "Lab opens"]
        assert channel.findtext("language") == "en"

    def test_news_atom_parses_with_entries_links_and_dates(self):
        response = self.client.get(self.news.url + "feed/atom/")
        assert response["Content-Type"].startswith("application/atom+xml")
        feed = ET.fromstring(response.content)
        entries = feed.findall(f"{ATOM}entry")
        assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
            "Lab results",
            "Lab opens",
        ]
        link = entries[0].find(f"{ATOM}link").get("href")
        assert link == "http://testserver" + self.newer.url
        assert entries[0].findtext(f"{ATOM}published").startswith("2024-06-01")

    def test_each_language_has_its_own_feed(self):
        channel, titles = self.rss_titles(self.italian_news)
        assert channel.findtext("language") == "it"
        assert channel.findtext("title") == "Notizie"
        assert titles == ["Risultati del laboratorio"]

    def test_publications_have_feeds_dated_by_publication(self):
        _channel, titles = self.rss_titles(self.publications)
        assert titles == ["Reserved contracts brief"]
        response = self.client.get(self.publications.url + "feed/atom/")
        entry = ET.fromstring(response.content).find(f"{ATOM}entry")
        assert entry.findtext(f"{ATOM}published").startswith("2024-05-02")

    def test_listing_pages_announce_their_feeds(self):
        for index in (self.news, self.publications):
            html = self.client.get(index.url).content.decode()
            assert (
                f'<link rel="alternate" type="application/rss+xml" href="{index.url}feed/rss/"'
                in html
            )
            assert (
                f'<link rel="alternate" type="application/atom+xml" href="{index.url}feed/atom/"'
                in html
            )
