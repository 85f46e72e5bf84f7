"""Every page type renders in its language tree, showing the fields editors filled in."""

import datetime
import re
from decimal import Decimal

from django.test import TestCase
from django.utils.html import escape
from wagtail.models import Locale

from cms import factories as f
from cms.models import Helix, PilotActionIndicator, PilotActionStakeholder, PilotStatus, PolicyLevel
from tests.cms.trees import recommendation, timeline_step, vocabularies


class PageRenderingTests(TestCase):
    """One tree with every editorial page type, built once for the class."""

    @classmethod
    def setUpTestData(cls):
        cls.v = vocabularies()
        cls.home = f.make_site()
        cls.home.hero_heading = "Social innovation across the Mediterranean"
        cls.home.hero_text = "Regions, universities and cooperatives learning together."
        cls.home.save()

        cls.about = f.ContentPageFactory(parent=cls.home, title="About the network", slug="about")
        cls.content = f.ContentPageFactory(
            parent=cls.home,
            title="Our approach",
            slug="approach",
            body=[
                ("heading", "How we work together"),
                ("paragraph", "<p>Quadruple-helix partnerships in every region.</p>"),
                (
                    "key_figures",
                    {
                        "heading": "In numbers",
                        "figures": [
                            {"value": "8", "label": "partner countries"},
                            {"value": "37", "label": "social enterprises supported"},
                        ],
                    },
                ),
                (
                    "accordion",
                    {
                        "heading": "Questions",
                        "items": [
                            {
                                "question": "Who can join the network?",
                                "answer": "<p>Any organisation active in social innovation.</p>",
                            }
                        ],
                    },
                ),
                (
                    "quote",
                    {
                        "quote": "Open data made our cooperative visible to the region.",
                        "attribution": "Marta Rossi",
                        "role": "cooperative founder",
                    },
                ),
                (
                    "call_to_action",
                    {
                        "heading": "Read about the network",
                        "text": "Who we are and where we work.",
                        "page": cls.about,
                        "button_text": "Discover the partners",
                    },
                ),
            ],
        )

        cls.pilot_index = f.PilotActionIndexPageFactory(
            parent=cls.home, introduction="<p>Experiments across eight regions.</p>"
        )
        cls.pilot = f.PilotActionPageFactory(
            parent=cls.pilot_index,
            title="Youth research lab in Pula",
            region="Istria",
            country=cls.v.croatia,
            status=PilotStatus.COMPLETED,
            sectors=["green", "cultural-creative"],
            timeline=[
                timeline_step("Kick-off meeting", datetime.date(2020, 2, 1)),
                timeline_step("Final showcase", datetime.date(2021, 11, 20), "Results shown."),
            ],
        )
        PilotActionStakeholder.objects.create(
            page=cls.pilot, helix=Helix.CIVIL_SOCIETY, description="Youth associations of Pula"
        )
        PilotActionIndicator.objects.create(
            page=cls.pilot, label="Young researchers trained", value=Decimal("42"), unit="people"
        )

        cls.publication_index = f.PublicationIndexPageFactory(
            parent=cls.home, introduction="<p>Our white papers and policy briefs.</p>"
        )
        cls.author = f.PersonFactory(name="Ana Kovač")
        cls.publisher = f.OrganisationFactory(name="University of Rijeka")
        cls.white_paper = f.WhitePaperPageFactory(
            parent=cls.publication_index,
            title="Social economy in the Adriatic",
            abstract="<p>What the network learned in five years.</p>",
            publication_date=datetime.date(2022, 5, 4),
            authors=[cls.author],
            publisher=cls.publisher,
        )
        cls.document_en = f.DocumentFactory(title="Policy brief (English)")
        cls.document_it = f.DocumentFactory(title="Policy brief (Italiano)")
        cls.policy_brief = f.PolicyBriefPageFactory(
            parent=cls.publication_index,
            title="Public procurement for inclusion",
            abstract="<p>Contracts that create jobs for vulnerable people.</p>",
            publication_date=datetime.date(2023, 1, 15),
            policy_level=PolicyLevel.NATIONAL,
            authors=[cls.author],
            publisher=cls.publisher,
            key_recommendations=[
                recommendation(
                    "Reserve public contracts for inclusion enterprises",
                    "Up to 5% of regional contract value.",
                ),
                recommendation("Publish procurement data openly"),
            ],
            documents={"it": cls.document_it, "en": cls.document_en},
        )

        cls.news_index = f.NewsIndexPageFactory(
            parent=cls.home, introduction="<p>What is new in the network.</p>"
        )
        cls.news = f.NewsPageFactory(
            parent=cls.news_index,
            title="Focus group met in Thessaloniki",
            introduction="Twenty stakeholders discussed the blue economy.",
            body=[("paragraph", "<p>The next meeting will be online.</p>")],
        )

    def get_ok(self, page):
        url = page.url
        self.assertTrue(url.startswith("/en/"), f"{url} has no language prefix")
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return response

    def test_home_page_shows_hero_and_latest_publications_and_news(self):
        response = self.get_ok(self.home)
        self.assertEqual(self.home.url, "/en/")
        self.assertContains(response, "Social innovation across the Mediterranean")
        self.assertContains(response, "Regions, universities and cooperatives learning together.")
        self.assertContains(response, "Public procurement for inclusion")
        self.assertContains(response, "Social economy in the Adriatic")
        self.assertContains(response, "Focus group met in Thessaloniki")

    def test_home_page_title_leads_with_its_heading_not_the_site_name_twice(self):
        html = self.get_ok(self.home).content.decode()
        title = re.search(r"<title>(.*?)</title>", html).group(1)
        # The heading is an editor's text, isolated with FSI…PDI (no <bdi> can go in a title).
        self.assertTrue(
            title.startswith("\u2068Social innovation across the Mediterranean\u2069 | "), title
        )
        name = title.split(" | ")[1]
        self.assertNotEqual(name, "Social innovation across the Mediterranean")

    def test_content_page_renders_every_body_block_type(self):
        response = self.get_ok(self.content)
        self.assertContains(response, "Our approach")
        self.assertContains(response, "How we work together")
        self.assertContains(response, "Quadruple-helix partnerships in every region.")
        self.assertContains(response, "In numbers")
        self.assertContains(response, "37")
        self.assertContains(response, "social enterprises supported")
        self.assertContains(response, "Who can join the network?")
        self.assertContains(response, "Any organisation active in social innovation.")
        self.assertContains(response, "Open data made our cooperative visible to the region.")
        self.assertContains(response, "Marta Rossi")

    def test_call_to_action_links_to_the_chosen_page_in_the_readers_language(self):
        response = self.get_ok(self.content)
        self.assertContains(response, "Read about the network")
        self.assertContains(response, "Discover the partners")
        self.assertContains(response, 'href="/en/about/"')

    def test_pilot_action_index_lists_its_pilot_actions(self):
        response = self.get_ok(self.pilot_index)
        self.assertContains(response, "Experiments across eight regions.")
        self.assertContains(response, "Youth research lab in Pula")
        self.assertContains(response, self.pilot.url)

    def test_pilot_action_page_shows_place_status_sectors_people_and_results(self):
        response = self.get_ok(self.pilot)
        self.assertContains(response, "Youth research lab in Pula")
        self.assertContains(response, "Istria")
        self.assertContains(response, "Croatia")
        self.assertContains(response, "Completed")  # status label, not the stored value
        self.assertContains(response, "Green economy")
        self.assertContains(response, "Cultural and creative industries")
        self.assertContains(response, "Civil society")
        self.assertContains(response, "Youth associations of Pula")
        self.assertContains(response, "Young researchers trained")
        self.assertContains(response, "42")
        self.assertContains(response, "Kick-off meeting")
        self.assertContains(response, "Final showcase")
        self.assertContains(response, "Boost research potential of young people.")

    def test_publication_index_lists_white_papers_and_policy_briefs(self):
        response = self.get_ok(self.publication_index)
        self.assertContains(response, "Our white papers and policy briefs.")
        self.assertContains(response, "Social economy in the Adriatic")
        self.assertContains(response, "Public procurement for inclusion")

    def test_white_paper_page_shows_abstract_authors_and_citation(self):
        response = self.get_ok(self.white_paper)
        self.assertContains(response, "Social economy in the Adriatic")
        self.assertContains(response, "What the network learned in five years.")
        self.assertContains(response, "Ana Kovač")
        self.assertContains(response, escape(self.white_paper.citation))

    def test_policy_brief_page_shows_level_recommendations_documents_and_citation(self):
        response = self.get_ok(self.policy_brief)
        self.assertContains(response, "Public procurement for inclusion")
        self.assertContains(response, "Contracts that create jobs for vulnerable people.")
        self.assertContains(response, "National")  # policy level label
        self.assertContains(response, "Reserve public contracts for inclusion enterprises")
        self.assertContains(response, "Up to 5% of regional contract value.")
        self.assertContains(response, "Publish procurement data openly")
        self.assertContains(response, escape(self.policy_brief.citation))

    def test_policy_brief_lists_one_download_per_language_named_in_that_language(self):
        html = self.get_ok(self.policy_brief).content.decode()
        # The document list's own items: "English"/"Italiano" also appear in the language
        # switcher on every page, so only the list itself can show the documents are named.
        document_list = re.search(r'<ul class="document-list">.*?</ul>', html, re.S).group(0)
        items = re.findall(
            r'<a href="([^"]+)" hreflang="(\w+)"[^>]*><span lang="(\w+)">([^<]+)</span></a>',
            document_list,
        )
        assert items == [
            (self.document_en.url, "en", "en", "English"),
            (self.document_it.url, "it", "it", "Italiano"),
        ]

    def test_news_index_lists_its_articles(self):
        response = self.get_ok(self.news_index)
        self.assertContains(response, "What is new in the network.")
        self.assertContains(response, "Focus group met in Thessaloniki")
        self.assertContains(response, self.news.url)

    def test_news_page_shows_introduction_and_body(self):
        response = self.get_ok(self.news)
        self.assertContains(response, "Focus group met in Thessaloniki")
        self.assertContains(response, "Twenty stakeholders discussed the blue economy.")
        self.assertContains(response, "The next meeting will be online.")

    def test_pages_render_in_the_language_of_the_url_prefix(self):
        response = self.get_ok(self.pilot)
        self.assertContains(response, '<html lang="en" dir="ltr"')

    def test_arabic_translation_renders_right_to_left(self):
        arabic = self.content.copy_for_translation(
            Locale.objects.get(language_code="ar"), copy_parents=True
        )
        arabic.save_revision().publish()
        response = self.client.get("/ar/approach/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<html lang="ar" dir="rtl"')
        self.assertContains(response, "How we work together")
