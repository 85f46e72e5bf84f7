"""A pilot action's transfer kit and its lineage (where the pilot travelled), on the page and
on the map."""

import json

import pytest
from django.test import TestCase
from django.utils import translation
from wagtail.models import Locale

from cms import factories as f
from tests.cms.trees import vocabularies


def kit_values():
    return {
        "kit_problem": "<p>Empty shops in the old town.</p>",
        "kit_legal_framework": "<p>A municipal lending agreement.</p>",
        "kit_partners": [
            {"type": "partner", "value": {"helix": "public", "role": "Lends the premises."}},
            {"type": "partner", "value": {"helix": "civil-society", "role": "Runs the space."}},
        ],
        "kit_budget": "40,000 to 60,000 euros",
        "kit_duration": "12 to 18 months",
        "kit_steps": [
            {
                "type": "step",
                "value": {"title": "Map the premises", "description": "With the city."},
            },
            {"type": "step", "value": {"title": "Open a call", "description": ""}},
        ],
        "kit_risks": [
            {"type": "risk", "value": {"risk": "Partners leave", "mitigation": "Sign early."}}
        ],
    }


class TransferKitPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.v = vocabularies()
        home = f.make_site()
        cls.index = f.PilotActionIndexPageFactory(parent=home)
        cls.origin = f.PilotActionPageFactory(
            parent=cls.index,
            title="Premises for social enterprises",
            country=cls.v.italy,
            region="Veneto",
            **kit_values(),
        )
        cls.contact = f.PersonFactory(name="Marta Contact", contactable=True)
        cls.silent = f.PersonFactory(name="Nora Silent", contactable=False)
        cls.origin.kit_contacts.set([cls.contact, cls.silent])
        cls.origin.save_revision().publish()
        cls.adaptation = f.PilotActionPageFactory(
            parent=cls.index,
            title="Premises in Crete",
            country=cls.v.greece,
            region="Crete",
            latitude="35.3387",
            longitude="25.1442",
            transferred_from=cls.origin,
        )

    def get_page(self, page):
        response = self.client.get(page.url)
        assert response.status_code == 200
        return response.content.decode()

    def test_page_shows_every_part_of_the_kit(self):
        html = self.get_page(self.origin)
        for text in (
            "Transfer kit",
            "Empty shops in the old town.",
            "A municipal lending agreement.",
            "Lends the premises.",
            "Public administration",
            "40,000 to 60,000 euros",
            "12 to 18 months",
            "Map the premises",
            "Partners leave",
            "Sign early.",
        ):
            assert text in html, text

    def test_only_contact_people_who_agreed_are_shown_and_never_an_email(self):
        html = self.get_page(self.origin)
        assert "Marta Contact" in html
        assert "Nora Silent" not in html
        assert "mailto:" not in html

    def test_a_page_without_kit_shows_no_kit_section(self):
        html = self.get_page(self.adaptation)
        assert "Transfer kit" not in html

    def test_origin_page_lists_its_adaptations(self):
        html = self.get_page(self.origin)
        assert "Where this pilot travelled" in html
        assert "Premises in Crete" in html

    def test_adaptation_page_names_its_origin(self):
        html = self.get_page(self.adaptation)
        assert "Adapted from" in html
        assert "Premises for social enterprises" in html

    def test_lineage_hides_an_unpublished_adaptation(self):
        draft = f.PilotActionPageFactory(
            parent=self.index, title="Secret draft", transferred_from=self.origin, live=False
        )
        assert draft not in self.origin.lineage()["adaptations"]
        assert "Secret draft" not in self.get_page(self.origin)

    def test_map_feature_of_an_adaptation_carries_its_origin(self):
        response = self.client.get(self.index.url + "geojson/")
        features = {
            feature["properties"]["title"]: feature["properties"]
            for feature in json.loads(response.content)["features"]
        }
        origin = features["Premises in Crete"]["origin"]
        assert origin["title"] == "Premises for social enterprises"
        assert origin["url"] == self.origin.url
        assert origin["coordinates"] == [13.8496, 44.8666]
        assert features["Premises for social enterprises"]["origin"] is None

    def test_lineage_names_the_origin_in_the_readers_language(self):
        italian = Locale.objects.get_or_create(language_code="it")[0]
        self.index.get_parent().copy_for_translation(italian)
        self.index.copy_for_translation(italian)
        italian_origin = self.origin.copy_for_translation(italian)
        italian_origin.title = "Locali per imprese sociali"
        italian_origin.save_revision().publish()
        with translation.override("it"):
            lineage = self.adaptation.lineage()
        assert lineage["origin"].title == "Locali per imprese sociali"


# Queries of a pilot action's page with its full kit and lineage, whatever the number of its
# adaptations and contact people. Exact: a change that adds one shows here.
PILOT_PAGE_QUERIES = 13


@pytest.mark.django_db
def test_the_pilot_page_with_its_kit_costs_the_same_queries_for_1_and_6_adaptations(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cms.models import PublicationDocument

    v = vocabularies()
    home = f.make_site()
    index = f.PilotActionIndexPageFactory(parent=home)
    brief = f.PolicyBriefPageFactory(parent=home)
    documents = [f.DocumentFactory(), f.DocumentFactory()]
    for language, document in zip(("en", "it"), documents, strict=True):
        PublicationDocument.objects.create(page=brief, language=language, document=document)
    origin = f.PilotActionPageFactory(
        parent=index,
        country=v.italy,
        kit_documents=[
            {"type": "document", "value": {"document": document.pk, "note": "To reuse."}}
            for document in documents
        ],
        **kit_values(),
    )
    origin.kit_contacts.set([f.PersonFactory(contactable=True) for _ in range(2)])
    origin.save_revision().publish()
    f.PilotActionPageFactory(parent=index, country=v.greece, transferred_from=origin)

    def measure():
        client.get(origin.url)  # warm the site and locale caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(origin.url)
        assert response.status_code == 200
        return len(queries), response

    one, _response = measure()
    for _ in range(5):
        f.PilotActionPageFactory(parent=index, country=v.greece, transferred_from=origin)
    origin.kit_contacts.add(*[f.PersonFactory(contactable=True) for _ in range(3)])
    six, response = measure()

    assert len(response.context["lineage"]["adaptations"]) == 6
    assert response.content.decode().count("To reuse.") == 2
    assert (one, six) == (PILOT_PAGE_QUERIES, PILOT_PAGE_QUERIES)


@pytest.mark.django_db
def test_a_kit_document_in_another_language_is_marked_and_labelled_with_it(client):
    """A translated pilot keeps its source's documents: on the Italian page the English
    brief carries lang="en" and the label "in inglese"; the Italian brief carries neither."""
    from cms.models import PublicationDocument

    v = vocabularies()
    home = f.make_site()
    index = f.PilotActionIndexPageFactory(parent=home)
    brief = f.PolicyBriefPageFactory(parent=home)
    english = f.DocumentFactory(title="Premises brief")
    italian_file = f.DocumentFactory(title="Nota sui locali")
    PublicationDocument.objects.create(page=brief, language="en", document=english)
    PublicationDocument.objects.create(page=brief, language="it", document=italian_file)
    pilot = f.PilotActionPageFactory(
        parent=index,
        country=v.italy,
        kit_documents=[
            {"type": "document", "value": {"document": english.pk, "note": "The brief."}},
            {"type": "document", "value": {"document": italian_file.pk, "note": "La nota."}},
        ],
    )
    italian = Locale.objects.get_or_create(language_code="it")[0]
    home.copy_for_translation(italian)
    index.copy_for_translation(italian)
    italian_pilot = pilot.copy_for_translation(italian)
    italian_pilot.save_revision().publish()

    html = client.get(italian_pilot.url).content.decode()
    assert f'<a href="{english.url}" hreflang="en" lang="en" dir="ltr">' in html
    assert '<span class="content-language" lang="it" dir="ltr">in inglese</span>' in html
    assert f'<a href="{italian_file.url}" hreflang="it">' in html
    assert html.count('class="content-language"') == 1
