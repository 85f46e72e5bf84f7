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


# A pilot action's page with its full transfer kit and lineage is a public page: at most the
# public budget (tests/cms/test_query_budgets.py) on a warm request, whatever the number of
# its kit items, contact people, indicators and adaptations, in English and as an untranslated
# Arabic alias. Also the exact figure: a change that adds one query shows here.
PUBLIC_BUDGET = 12
PILOT_PAGE_QUERIES = 11


def grow_pilot(origin, index, count, v, publication_file):
    """Replace `origin`'s kit with `count` items of each kind (partner roles, steps, risks,
    documents, the first a publication's file in a known language); add `count` contacts,
    indicators, stakeholder groups and adaptations."""
    from cms.models import PilotActionIndicator, PilotActionStakeholder

    documents = [publication_file, *[f.DocumentFactory() for _ in range(count - 1)]]
    values = kit_values()
    origin.kit_partners = [
        {"type": "partner", "value": {"helix": "public", "role": f"Partner role {n}."}}
        for n in range(count)
    ]
    origin.kit_steps = values["kit_steps"] * count
    origin.kit_risks = values["kit_risks"] * count
    origin.kit_documents = [
        {"type": "document", "value": {"document": document.pk, "note": "To reuse."}}
        for document in documents
    ]
    origin.kit_contacts.add(*[f.PersonFactory(contactable=True) for _ in range(count)])
    for n in range(count):
        PilotActionIndicator.objects.create(page=origin, label=f"Jobs {n}", value=n)
        PilotActionStakeholder.objects.create(page=origin, helix="public", description="City")
        f.PilotActionPageFactory(parent=index, country=v.greece, transferred_from=origin)
    # Published last: the Arabic alias copies the page's rows when it is published.
    origin.save_revision().publish()


@pytest.mark.django_db
def test_a_pilot_page_with_its_kit_and_lineage_costs_the_same_queries_for_1_or_many_items(
    client,
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail_localize.synctree import synchronize_tree

    from cms.models import PublicationDocument

    v = vocabularies()
    home = f.make_site()
    arabic = Locale.objects.get(language_code="ar")
    index = f.PilotActionIndexPageFactory(parent=home)
    brief = f.PolicyBriefPageFactory(parent=home)
    publication_file = f.DocumentFactory()
    PublicationDocument.objects.create(page=brief, language="it", document=publication_file)
    grandparent = f.PilotActionPageFactory(parent=index, country=v.italy, title="The first one")
    origin = f.PilotActionPageFactory(
        parent=index, country=v.italy, transferred_from=grandparent, **kit_values()
    )
    urls = {"en": origin.url, "ar": "/ar/" + origin.url.split("/", 2)[2]}

    def measure():
        synchronize_tree(home.locale, arabic)
        counts = {}
        for language, url in urls.items():
            client.get(url)  # renditions made, caches filled
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200, url
            counts[language] = len(queries.captured_queries)
        return counts, response.content.decode()

    grow_pilot(origin, index, 1, v, publication_file)
    few, html = measure()
    assert html.count("To reuse.") == 1
    grow_pilot(origin, index, 12, v, publication_file)
    many, html = measure()

    assert html.count("To reuse.") == 12
    assert html.count("Partner role") == 12
    assert html.count("Jobs ") == 13
    assert html.count("The first one") == 1
    assert few == many, f"{few} -> {many} queries"
    assert max(many.values()) <= PUBLIC_BUDGET, many
    assert many == {"en": PILOT_PAGE_QUERIES, "ar": PILOT_PAGE_QUERIES}


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
