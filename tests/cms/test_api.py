"""Content as JSON through the Wagtail API v2 at /api/v2/: live public pages, images, documents."""

import datetime

from django.test import TestCase

from cms import factories as f
from tests.cms.trees import vocabularies


class APITests(TestCase):
    @classmethod
    def setUpTestData(cls):
        v = vocabularies()
        home = f.make_site()
        pilots = f.PilotActionIndexPageFactory(parent=home)
        cls.pula = f.PilotActionPageFactory(
            parent=pilots,
            title="Youth research lab in Pula",
            region="Istria",
            country=v.croatia,
            latitude="44.866600",
            longitude="13.849600",
            sectors=["green", "blue"],
            listing_image=f.ImageFactory(),
        )
        cls.bari = f.PilotActionPageFactory(
            parent=pilots, region="Apulia", country=v.italy, latitude=None, longitude=None
        )
        cls.draft_pilot = f.PilotActionPageFactory(parent=pilots, live=False)

        publications = f.PublicationIndexPageFactory(parent=home)
        cls.document_en = f.DocumentFactory(title="Brief (English)")
        cls.document_it = f.DocumentFactory(title="Brief (Italiano)")
        cls.brief = f.PolicyBriefPageFactory(
            parent=publications,
            title="Procurement that includes",
            publication_date=datetime.date(2023, 1, 15),
            authors=[f.PersonFactory(name="Ana Kovač")],
            documents={"en": cls.document_en, "it": cls.document_it},
        )
        cls.draft_brief = f.WhitePaperPageFactory(parent=publications, live=False)

    def get_json(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, response.content[:500])
        return response.json()

    def test_pages_endpoint_lists_pilot_actions_with_the_requested_fields(self):
        data = self.get_json(
            "/api/v2/pages/?type=cms.PilotActionPage&fields=region,latitude,longitude,country"
        )
        items = {item["id"]: item for item in data["items"]}
        assert set(items) == {self.pula.pk, self.bari.pk}
        pula = items[self.pula.pk]
        assert pula["meta"]["type"] == "cms.PilotActionPage"
        assert pula["meta"]["locale"] == "en"
        assert pula["region"] == "Istria"
        assert (pula["latitude"], pula["longitude"]) == ("44.866600", "13.849600")
        assert pula["country"]["id"] == self.pula.country_id
        assert items[self.bari.pk]["latitude"] is None

    def test_pages_endpoint_expands_the_country_name_and_code_on_request(self):
        data = self.get_json(
            f"/api/v2/pages/?type=cms.PilotActionPage&id={self.pula.pk}&fields=country(name,code)"
        )
        assert data["items"][0]["country"]["name"] == "Croatia"
        assert data["items"][0]["country"]["code"] == "HR"

    def test_pilot_action_detail_lists_sectors_and_a_listing_thumbnail(self):
        data = self.get_json(f"/api/v2/pages/{self.pula.pk}/")
        assert data["sector_values"] == ["green", "blue"]
        assert data["listing_image_thumbnail"]["width"] == 640
        assert data["listing_image_thumbnail"]["height"] == 360

    def test_publication_detail_includes_citation_and_documents_per_language(self):
        data = self.get_json(f"/api/v2/pages/{self.brief.pk}/")
        assert data["meta"]["type"] == "cms.PolicyBriefPage"
        assert data["citation"] == self.brief.citation
        assert data["citation"].startswith("Kovač, A. (2023). Procurement that includes.")
        documents = {row["language"]: row["document"] for row in data["documents"]}
        assert set(documents) == {"en", "it"}
        assert documents["en"]["id"] == self.document_en.pk
        assert documents["it"]["meta"]["download_url"].endswith(self.document_it.url)

    def test_publications_can_be_listed_with_their_citation(self):
        data = self.get_json("/api/v2/pages/?type=cms.PublicationPage&fields=citation")
        assert [item["citation"] for item in data["items"]] == [self.brief.citation]

    def test_unpublished_pages_are_absent_from_the_api(self):
        data = self.get_json("/api/v2/pages/?limit=100")
        listed = {item["id"] for item in data["items"]}
        assert self.draft_pilot.pk not in listed
        assert self.draft_brief.pk not in listed

    def test_unpublished_page_detail_answers_a_json_404_not_a_redirect(self):
        response = self.client.get(f"/api/v2/pages/{self.draft_pilot.pk}/")
        assert response.status_code == 404
        assert "message" in response.json()

    def test_images_endpoint_answers(self):
        data = self.get_json("/api/v2/images/")
        assert data["meta"]["total_count"] == 1

    def test_documents_endpoint_answers(self):
        data = self.get_json("/api/v2/documents/")
        assert data["meta"]["total_count"] == 2
