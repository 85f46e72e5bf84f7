"""Editors create every page type in the admin, under the parents the page tree allows."""

import datetime

from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms import factories as f
from cms.models import (
    ContentPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PilotActionIndexPage,
    PilotActionPage,
    PolicyBriefPage,
    PublicationIndexPage,
    PublicationPage,
    WhitePaperPage,
)
from community.members.factories import UserFactory
from tests.cms.trees import vocabularies

INDEXES = {PilotActionIndexPage, PublicationIndexPage, NewsIndexPage}


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_takes_content_pages_and_the_listing_indexes(self):
        for model in [ContentPage, *INDEXES]:
            self.assertCanCreateAt(HomePage, model)
        for model in [HomePage, PilotActionPage, WhitePaperPage, PolicyBriefPage, NewsPage]:
            self.assertCanNotCreateAt(HomePage, model)

    def test_content_pages_nest_and_can_hold_the_indexes(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage, *INDEXES})
        for index in INDEXES:
            self.assertAllowedParentPageTypes(index, {HomePage, ContentPage})

    def test_every_parent_a_page_type_names_accepts_it(self):
        for model in [HomePage, ContentPage, *INDEXES, PilotActionPage, PolicyBriefPage, NewsPage]:
            for parent in model.allowed_parent_page_models():
                assert model in parent.allowed_subpage_models(), (parent, model)

    def test_pilot_actions_live_only_under_their_index(self):
        self.assertAllowedSubpageTypes(PilotActionIndexPage, {PilotActionPage})
        self.assertAllowedParentPageTypes(PilotActionPage, {PilotActionIndexPage})
        self.assertAllowedSubpageTypes(PilotActionPage, set())

    def test_white_papers_and_policy_briefs_live_only_under_the_publication_index(self):
        self.assertAllowedSubpageTypes(PublicationIndexPage, {WhitePaperPage, PolicyBriefPage})
        for model in (WhitePaperPage, PolicyBriefPage):
            self.assertAllowedParentPageTypes(model, {PublicationIndexPage})
            self.assertAllowedSubpageTypes(model, set())

    def test_the_publication_base_type_cannot_be_created(self):
        self.assertCanNotCreateAt(PublicationIndexPage, PublicationPage)

    def test_news_articles_live_only_under_the_news_index(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_a_parent_holds_at_most_one_index_of_each_kind(self):
        home = f.make_site()
        f.PilotActionIndexPageFactory(parent=home)
        f.PublicationIndexPageFactory(parent=home)
        f.NewsIndexPageFactory(parent=home)
        for index in INDEXES:
            assert not index.can_create_at(home), index


class AdminCreationTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.v = vocabularies()
        cls.home = f.make_site()
        cls.pilot_index = f.PilotActionIndexPageFactory(parent=cls.home)
        cls.publication_index = f.PublicationIndexPageFactory(parent=cls.home)
        cls.news_index = f.NewsIndexPageFactory(parent=cls.home)
        cls.author = f.PersonFactory(name="Ana Kovač")
        cls.partner = f.OrganisationFactory(name="University of Rijeka")
        cls.document_en = f.DocumentFactory()
        cls.document_it = f.DocumentFactory()
        cls.editor = UserFactory(is_superuser=True, is_staff=True)

    def setUp(self):
        self.client.force_login(self.editor)

    def test_editor_can_create_a_home_page_at_the_root(self):
        data = form_data(
            {
                "title": "Home (staging)",
                "hero_heading": "Welcome",
                "hero_text": "",
                "body": streamfield([]),
                "sections": streamfield([]),
            }
        )
        self.assertCanCreate(Page.get_first_root_node(), HomePage, data)

    def test_editor_can_create_a_content_page_with_a_streamfield_body(self):
        data = form_data(
            {
                "title": "About the network",
                "summary": "Who we are.",
                "body": streamfield(
                    [
                        ("heading", "Our approach"),
                        ("paragraph", rich_text("<p>Quadruple-helix partnerships.</p>")),
                        (
                            "call_to_action",
                            {
                                "heading": "Join us",
                                "text": "",
                                "page": self.news_index.pk,
                                "external_url": "",
                                "button_text": "",
                            },
                        ),
                    ]
                ),
            }
        )
        self.assertCanCreate(self.home, ContentPage, data)
        page = ContentPage.objects.get(alias_of=None, slug="about-the-network")
        assert [block.block_type for block in page.body] == [
            "heading",
            "paragraph",
            "call_to_action",
        ]
        assert page.body[2].value["page"].specific == self.news_index

    def test_call_to_action_with_both_a_page_and_a_url_is_refused(self):
        data = form_data(
            {
                "title": "Bad link",
                "slug": "bad-link",
                "action-publish": "publish",
                "body": streamfield(
                    [
                        (
                            "call_to_action",
                            {
                                "heading": "Join us",
                                "text": "",
                                "page": self.news_index.pk,
                                "external_url": "https://example.org/",
                                "button_text": "",
                            },
                        )
                    ]
                ),
            }
        )
        response = self.client.post(add_url(ContentPage, self.home), data)
        assert response.status_code == 200
        assert response.context["form"].errors
        assert not ContentPage.objects.filter(slug="bad-link").exists()

    def test_editor_can_create_the_listing_indexes(self):
        home = f.ContentPageFactory(parent=self.home, title="Library")
        for model in INDEXES:
            data = form_data(
                {"title": f"A {model._meta.verbose_name}", "introduction": rich_text("<p>Hi</p>")}
            )
            self.assertCanCreate(home, model, data)

    def pilot_action_data(self, **overrides):
        return form_data(
            {
                "title": "Social farming near Bari",
                "summary": "Farms that employ people at risk of exclusion.",
                "country": self.v.italy.pk,
                "region": "Apulia",
                "place": "Bari",
                "latitude": "41.117100",
                "longitude": "16.871900",
                "status": "running",
                "macro_scenario": "social-inclusion",
                "start_date": "2022-01-10",
                "end_date": "2023-06-30",
                "topics": [self.v.social_economy.pk],
                "lead_partner": self.partner.pk,
                "partners": [self.partner.pk],
                "objectives": rich_text("<p>Jobs for vulnerable people.</p>"),
                "outcomes": rich_text("<p>Twelve jobs.</p>"),
                "sectors": inline_formset([{"sector": "green"}, {"sector": "agrifood"}]),
                "stakeholders": inline_formset(
                    [
                        {"helix": "civil-society", "description": "Farmers' associations"},
                        {"helix": "public", "description": "Bari municipality"},
                    ]
                ),
                "indicators": inline_formset(
                    [
                        {"label": "Jobs created", "value": "12", "unit": "jobs"},
                        {"label": "SROI ratio", "value": "3.40", "unit": ":1", "is_sroi": "on"},
                    ]
                ),
                "body": streamfield([("paragraph", rich_text("<p>How it works.</p>"))]),
                "timeline": streamfield(
                    [("step", {"date": "2022-01-10", "title": "Kick-off", "description": ""})]
                ),
                "related_pages": streamfield([]),
                "kit_partners": streamfield([]),
                "kit_steps": streamfield([]),
                "kit_documents": streamfield([]),
                "kit_risks": streamfield([]),
                **overrides,
            }
        )

    def test_editor_can_create_a_pilot_action_with_sectors_stakeholders_and_indicators(self):
        self.assertCanCreate(self.pilot_index, PilotActionPage, self.pilot_action_data())
        page = PilotActionPage.objects.get(alias_of=None, slug="social-farming-near-bari")
        assert page.live
        assert page.country == self.v.italy
        assert page.sector_values == ["green", "agrifood"]
        assert [row.helix for row in page.stakeholders.all()] == ["civil-society", "public"]
        assert [(row.label, row.is_sroi) for row in page.indicators.all()] == [
            ("Jobs created", False),
            ("SROI ratio", True),
        ]
        assert list(page.topics.all()) == [self.v.social_economy]
        assert page.timeline[0].value["title"] == "Kick-off"

    def test_pilot_action_ending_before_it_starts_is_refused_with_a_message_on_end_date(self):
        data = self.pilot_action_data(start_date="2023-01-01", end_date="2022-01-01")
        data["action-publish"] = "publish"
        response = self.client.post(add_url(PilotActionPage, self.pilot_index), data)
        assert response.status_code == 200
        assert "end_date" in response.context["form"].errors
        assert not PilotActionPage.objects.filter(slug="social-farming-near-bari").exists()

    def test_pilot_action_with_a_lone_latitude_is_refused(self):
        data = self.pilot_action_data(longitude="")
        data["action-publish"] = "publish"
        response = self.client.post(add_url(PilotActionPage, self.pilot_index), data)
        assert response.status_code == 200
        assert "longitude" in response.context["form"].errors

    def publication_data(self, documents, **overrides):
        return form_data(
            {
                "title": "Procurement that includes",
                "publication_date": "2023-01-15",
                "publisher": self.partner.pk,
                "author_links": inline_formset([{"person": self.author.pk}]),
                "abstract": rich_text("<p>Contracts that create jobs.</p>"),
                "documents": inline_formset(documents),
                "body": streamfield([]),
                "topics": [self.v.social_economy.pk],
                "countries": [self.v.italy.pk, self.v.croatia.pk],
                **overrides,
            }
        )

    def test_editor_can_create_a_policy_brief_with_recommendations_and_documents(self):
        data = self.publication_data(
            [
                {"language": "en", "document": self.document_en.pk},
                {"language": "it", "document": self.document_it.pk},
            ],
            policy_level="eu",
            key_recommendations=streamfield(
                [
                    ("recommendation", {"title": "Reserve contracts", "detail": "Up to 5%."}),
                    ("recommendation", {"title": "Open procurement data", "detail": ""}),
                ]
            ),
        )
        self.assertCanCreate(self.publication_index, PolicyBriefPage, data)
        page = PolicyBriefPage.objects.get(alias_of=None, slug="procurement-that-includes")
        assert page.policy_level == "eu"
        assert [b.value["title"] for b in page.key_recommendations] == [
            "Reserve contracts",
            "Open procurement data",
        ]
        assert [code for code, _name, _doc in page.documents_by_language()] == ["en", "it"]
        assert set(page.countries.all()) == {self.v.italy, self.v.croatia}
        assert page.citation.startswith(
            "Kovač, A. (2023). Procurement that includes. Policy brief."
        )

    def test_editor_can_create_a_white_paper(self):
        data = self.publication_data(
            [{"language": "en", "document": self.document_en.pk}], title="Mapping the sector"
        )
        self.assertCanCreate(self.publication_index, WhitePaperPage, data)
        assert (
            WhitePaperPage.objects.get(alias_of=None, slug="mapping-the-sector").documents.count()
            == 1
        )

    def test_publication_with_two_documents_in_one_language_is_refused_next_to_the_row(self):
        data = self.publication_data(
            [
                {"language": "en", "document": self.document_en.pk},
                {"language": "en", "document": self.document_it.pk},
            ],
            policy_level="eu",
            key_recommendations=streamfield([]),
            slug="procurement-that-includes",
        )
        data["action-publish"] = "publish"
        response = self.client.post(add_url(PolicyBriefPage, self.publication_index), data)
        assert response.status_code == 200
        self.assertContains(response, "There is already a document in this language.")
        documents = response.context["form"].formsets["documents"]
        assert documents.forms[0].errors == {}
        assert documents.forms[1].errors == {
            "language": ["There is already a document in this language."]
        }
        assert not PolicyBriefPage.objects.filter(slug="procurement-that-includes").exists()

    def test_editor_can_create_a_news_article(self):
        data = form_data(
            {
                "title": "Focus group met in Thessaloniki",
                "date": datetime.date(2023, 5, 2).isoformat(),
                "introduction": "Twenty stakeholders.",
                "body": streamfield([("paragraph", rich_text("<p>Next: online.</p>"))]),
                "topics": [self.v.open_data.pk],
                "countries": [self.v.greece.pk],
            }
        )
        self.assertCanCreate(self.news_index, NewsPage, data)
        page = NewsPage.objects.get(alias_of=None, slug="focus-group-met-in-thessaloniki")
        assert page.date == datetime.date(2023, 5, 2)
        assert list(page.countries.all()) == [self.v.greece]


def form_data(fields):
    """POST data for the page editor: nested values flattened, multiple choices kept as lists."""
    lists = {name: value for name, value in fields.items() if isinstance(value, list)}
    data = nested_form_data({name: v for name, v in fields.items() if name not in lists})
    return {**data, **lists}


def add_url(model, parent):
    return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"


class SynchronisedTreeTests(WagtailPageTestCase):
    """A page an editor creates in English takes its place in every other language tree."""

    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_site()
        cls.news_index = f.NewsIndexPageFactory(parent=cls.home)
        for locale in Locale.objects.exclude(language_code="en"):
            cls.home.copy_for_translation(locale).save_revision().publish()
            cls.news_index.copy_for_translation(locale).save_revision().publish()
        cls.editor = UserFactory(email="editor@example.org", is_staff=True, is_superuser=True)

    def test_new_english_page_is_aliased_into_every_other_language(self):
        self.client.force_login(self.editor)
        self.client.post(
            reverse("wagtailadmin_pages:add", args=("cms", "newspage", self.news_index.pk)),
            nested_form_data(
                {
                    "title": "Synchronised everywhere",
                    "slug": "synchronised-everywhere",
                    "date": "2022-03-10",
                    "body": streamfield([]),
                    "action-publish": "publish",
                }
            ),
        )
        copies = NewsPage.objects.filter(slug="synchronised-everywhere")
        assert copies.count() == 9
        assert {page.locale.language_code for page in copies.filter(alias_of__isnull=False)} == {
            "it",
            "fr",
            "es",
            "pt",
            "el",
            "hr",
            "sl",
            "ar",
        }
