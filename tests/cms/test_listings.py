"""Listings filter and paginate through their URLs: pilot actions, publications and news."""

import datetime
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

from django.test import TestCase

from cms import factories as f
from cms.models import PilotStatus
from tests.cms.trees import ids, vocabularies


class ListingTestCase(TestCase):
    def listed(self, url):
        """The pages a listing URL shows, in order (all of them fit on the first page here)."""
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return ids(response.context["results"])


class PilotActionListingTests(ListingTestCase):
    @classmethod
    def setUpTestData(cls):
        v = cls.v = vocabularies()
        home = f.make_site()
        cls.index = f.PilotActionIndexPageFactory(parent=home)
        cls.coop = f.PilotActionPageFactory(
            parent=cls.index,
            title="Cooperative tourism in Puglia",
            country=v.italy,
            topics=[v.social_economy],
            sectors=["green", "tourism"],
            status=PilotStatus.RUNNING,
            start_date=datetime.date(2020, 2, 1),
            end_date=datetime.date(2021, 12, 31),
        )
        cls.harbour = f.PilotActionPageFactory(
            parent=cls.index,
            title="Harbour data in Rijeka",
            country=v.croatia,
            topics=[v.open_data],
            sectors=["blue"],
            status=PilotStatus.COMPLETED,
            start_date=datetime.date(2018, 1, 1),
            end_date=datetime.date(2019, 6, 30),
        )
        cls.theatre = f.PilotActionPageFactory(
            parent=cls.index,
            title="Community theatre in Lecce",
            country=v.italy,
            sectors=["cultural-creative"],
            status=PilotStatus.PLANNED,
            start_date=datetime.date(2023, 1, 1),
            end_date=None,
        )
        cls.olive = f.PilotActionPageFactory(
            parent=cls.index,
            title="Olive oil cooperative in Crete",
            country=v.greece,
            topics=[v.social_economy, v.open_data],
            sectors=["green", "agrifood"],
            status=PilotStatus.RUNNING,
            start_date=datetime.date(2021, 3, 1),
            end_date=datetime.date(2022, 12, 31),
        )
        cls.draft = f.PilotActionPageFactory(
            parent=cls.index,
            live=False,
            country=v.italy,
            topics=[v.social_economy, v.open_data],
            sectors=["green"],
        )

    def test_pilot_action_list_shows_live_pages_newest_first(self):
        assert self.listed(self.index.url) == ids(
            [self.theatre, self.olive, self.coop, self.harbour]
        )

    def test_pilot_action_list_filters_by_country_code(self):
        assert self.listed(self.index.url + "?country=IT") == ids([self.theatre, self.coop])
        assert self.listed(self.index.url + "?country=it") == ids([self.theatre, self.coop])

    def test_pilot_action_list_filters_by_topic_slug(self):
        assert self.listed(self.index.url + "?topic=open-data") == ids([self.olive, self.harbour])

    def test_pilot_action_list_filters_by_sector_without_duplicates(self):
        assert self.listed(self.index.url + "?sector=green") == ids([self.olive, self.coop])

    def test_pilot_action_list_filters_by_status(self):
        assert self.listed(self.index.url + "?status=completed") == ids([self.harbour])
        assert self.listed(self.index.url + "?status=running") == ids([self.olive, self.coop])

    def test_pilot_action_list_filters_by_year_of_activity(self):
        assert self.listed(self.index.url + "?year=2021") == ids([self.olive, self.coop])
        assert self.listed(self.index.url + "?year=2019") == ids([self.harbour])
        # No end date: still running in any later year.
        assert self.listed(self.index.url + "?year=2030") == ids([self.theatre])

    def test_pilot_action_list_combines_filters(self):
        url = self.index.url + "?country=IT&sector=green&topic=social-economy&year=2020"
        assert self.listed(url) == ids([self.coop])

    def test_pilot_action_list_ignores_unknown_filter_values(self):
        url = self.index.url + "?country=ITA&sector=space&status=lost&year=nineteen&topic=a+b"
        assert self.listed(url) == ids([self.theatre, self.olive, self.coop, self.harbour])

    def test_pilot_action_filter_options_list_only_values_in_use(self):
        response = self.client.get(self.index.url)
        options = response.context["options"]
        assert options["countries"] == [("HR", "Croatia"), ("GR", "Greece"), ("IT", "Italy")]
        assert options["topics"] == [
            ("open-data", "Open data"),
            ("social-economy", "Social economy"),
        ]


class PublicationListingTests(ListingTestCase):
    @classmethod
    def setUpTestData(cls):
        v = cls.v = vocabularies()
        home = f.make_site()
        cls.index = f.PublicationIndexPageFactory(parent=home)
        cls.white_paper_2021 = f.WhitePaperPageFactory(
            parent=cls.index,
            title="Mapping the social economy",
            publication_date=datetime.date(2021, 6, 1),
            countries=[v.italy],
            topics=[v.social_economy],
        )
        cls.white_paper_2022 = f.WhitePaperPageFactory(
            parent=cls.index,
            title="Open data for cooperatives",
            publication_date=datetime.date(2022, 3, 1),
            countries=[v.croatia],
            topics=[v.open_data],
        )
        cls.policy_brief = f.PolicyBriefPageFactory(
            parent=cls.index,
            title="Procurement that includes",
            publication_date=datetime.date(2022, 9, 1),
            countries=[v.italy, v.croatia],
            topics=[v.social_economy, v.open_data],
        )
        cls.draft = f.PolicyBriefPageFactory(
            parent=cls.index,
            live=False,
            publication_date=datetime.date(2022, 10, 1),
            countries=[v.croatia],
            topics=[v.open_data],
        )

    def test_publication_list_shows_live_white_papers_and_briefs_newest_first(self):
        assert self.listed(self.index.url) == ids(
            [self.policy_brief, self.white_paper_2022, self.white_paper_2021]
        )

    def test_publication_list_filters_by_type(self):
        assert self.listed(self.index.url + "?type=white-paper") == ids(
            [self.white_paper_2022, self.white_paper_2021]
        )
        assert self.listed(self.index.url + "?type=policy-brief") == ids([self.policy_brief])

    def test_publication_list_filters_by_country_without_duplicates(self):
        assert self.listed(self.index.url + "?country=HR") == ids(
            [self.policy_brief, self.white_paper_2022]
        )

    def test_publication_list_filters_by_topic(self):
        assert self.listed(self.index.url + "?topic=social-economy") == ids(
            [self.policy_brief, self.white_paper_2021]
        )

    def test_publication_list_filters_by_year(self):
        assert self.listed(self.index.url + "?year=2022") == ids(
            [self.policy_brief, self.white_paper_2022]
        )
        assert self.listed(self.index.url + "?year=2020") == []

    def test_publication_list_combines_type_country_topic_and_year(self):
        url = self.index.url + "?type=white-paper&country=IT&topic=social-economy&year=2021"
        assert self.listed(url) == ids([self.white_paper_2021])

    def test_publication_list_ignores_an_unknown_type(self):
        assert len(self.listed(self.index.url + "?type=novel")) == 3

    def test_publication_filter_years_come_from_live_publications(self):
        response = self.client.get(self.index.url)
        assert response.context["options"]["years"] == [2022, 2021]

    def test_publication_year_select_offers_every_year_with_a_live_publication(self):
        html = self.client.get(self.index.url + "?year=2021").content.decode()
        select = re.search(r'<select id="filter-year" name="year">.*?</select>', html, re.S)
        options = re.findall(r'<option value="(\d*)"( selected)?>', select.group(0))
        # "Any year", then each year once, newest first; the one in the URL is selected.
        assert options == [("", ""), ("2022", ""), ("2021", " selected")]

    def test_publication_list_filters_by_words_in_the_title(self):
        assert self.listed(self.index.url + "?q=COOPERATIVES") == ids([self.white_paper_2022])
        assert self.listed(self.index.url + "?q=social+economy") == ids([self.white_paper_2021])
        assert self.listed(self.index.url + "?q=nowhere+to+be+found") == []

    def test_publication_title_filter_combines_with_the_other_filters(self):
        url = self.index.url + "?q=open+data&type=policy-brief"
        assert self.listed(url) == []
        assert self.listed(self.index.url + "?q=open+data&year=2022") == ids(
            [self.white_paper_2022]
        )


class NewsListingTests(ListingTestCase):
    @classmethod
    def setUpTestData(cls):
        v = cls.v = vocabularies()
        home = f.make_site()
        cls.index = f.NewsIndexPageFactory(parent=home)
        cls.launch = f.NewsPageFactory(
            parent=cls.index, date=datetime.date(2022, 3, 10), topics=[v.open_data]
        )
        cls.fair = f.NewsPageFactory(
            parent=cls.index, date=datetime.date(2023, 5, 1), topics=[v.social_economy]
        )
        cls.award = f.NewsPageFactory(
            parent=cls.index, date=datetime.date(2023, 7, 1), topics=[v.social_economy, v.open_data]
        )
        cls.draft = f.NewsPageFactory(
            parent=cls.index, live=False, date=datetime.date(2023, 8, 1), topics=[v.open_data]
        )

    def test_news_list_shows_live_articles_newest_first(self):
        assert self.listed(self.index.url) == ids([self.award, self.fair, self.launch])

    def test_news_list_filters_by_topic(self):
        assert self.listed(self.index.url + "?topic=open-data") == ids([self.award, self.launch])

    def test_news_list_filters_by_year(self):
        assert self.listed(self.index.url + "?year=2023") == ids([self.award, self.fair])

    def test_news_list_combines_topic_and_year(self):
        url = self.index.url + "?topic=open-data&year=2023"
        assert self.listed(url) == ids([self.award])


class PaginationTests(TestCase):
    """Fifteen matching news articles: twelve on the first page, three on the second."""

    @classmethod
    def setUpTestData(cls):
        v = vocabularies()
        home = f.make_site()
        cls.index = f.NewsIndexPageFactory(parent=home)
        cls.articles = [
            f.NewsPageFactory(
                parent=cls.index,
                date=datetime.date(2023, 1, 1) + datetime.timedelta(days=n),
                topics=[v.open_data],
            )
            for n in range(15)
        ]
        cls.newest_first = ids(reversed(cls.articles))
        # Not matching the filter: never counted.
        f.NewsPageFactory(parent=cls.index, topics=[v.social_economy])

    def get(self, query):
        response = self.client.get(self.index.url + query)
        self.assertEqual(response.status_code, 200)
        return response

    def test_first_page_shows_twelve_items(self):
        results = self.get("?topic=open-data").context["results"]
        assert ids(results) == self.newest_first[:12]
        assert results.paginator.count == 15
        assert results.paginator.num_pages == 2

    def test_second_page_shows_the_rest(self):
        results = self.get("?topic=open-data&page=2").context["results"]
        assert ids(results) == self.newest_first[12:]

    def test_out_of_range_page_falls_back_to_the_last_page(self):
        results = self.get("?topic=open-data&page=99").context["results"]
        assert results.number == 2
        assert ids(results) == self.newest_first[12:]

    def test_malformed_page_number_shows_the_first_page(self):
        results = self.get("?topic=open-data&page=last").context["results"]
        assert results.number == 1

    def test_pagination_links_keep_the_filters(self):
        response = self.get("?topic=open-data")
        links = [
            parse_qs(urlsplit(unescape(href)).query)
            for href in re.findall(r'href="([^"]*page=[^"]*)"', response.content.decode())
        ]
        assert {"topic": ["open-data"], "page": ["2"]} in links, links
        assert all(link.get("topic") == ["open-data"] for link in links), links

    def test_link_back_to_the_first_page_keeps_the_filters(self):
        response = self.get("?topic=open-data&page=2")
        hrefs = [unescape(h) for h in re.findall(r'href="([^"]*)"', response.content.decode())]
        assert any(
            parse_qs(urlsplit(href).query) == {"topic": ["open-data"]}
            and urlsplit(href).path in ("", self.index.url)
            for href in hrefs
        ), hrefs
