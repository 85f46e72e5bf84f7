"""Listing pages export their items as CSV and JSON: filters applied, stable documented
columns, values that round-trip, and no personal data."""

import csv
import datetime
import io
import json

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cms import factories as f
from cms.exports import (
    DATASET_COLUMNS,
    LIST_SEPARATOR,
    PILOT_ACTION_COLUMNS,
    PUBLICATION_COLUMNS,
)
from cms.opendata import factories as od
from cms.opendata.vocabularies import FileFormat
from tests.cms.trees import vocabularies


def get_csv(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    return rows, response.content.decode("utf-8").splitlines()[0].split(",")


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


class DatasetExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        v = vocabularies()
        home = f.make_site()
        cls.index = od.DatasetIndexPageFactory(parent=home)
        cls.register = od.DatasetPageFactory(
            parent=cls.index,
            title="Aragon suppliers, 2024",
            themes=["ECON", "SOCI"],
            countries=[v.italy],
            keywords="reserved contracts, suppliers",
            temporal_start=datetime.date(2024, 1, 1),
            contact_name="Ana Pérez",
            contact_email="ana.perez@example.org",
        )
        cls.premises = od.DatasetPageFactory(
            parent=cls.index,
            title="Maribor premises",
            themes=["REGI"],
            distributions=[{"url": "https://example.org/p.json", "format": FileFormat.JSON}],
        )
        cls.members_only = od.DatasetPageFactory(parent=cls.index, title="Members only")
        PageViewRestriction.objects.create(
            page=cls.members_only, restriction_type=PageViewRestriction.LOGIN
        )
        od.DatasetPageFactory(parent=cls.index, title="Draft", live=False)

    def url(self, kind, query=""):
        return self.index.url + f"export/{kind}/" + query

    def test_csv_has_the_documented_columns_in_order(self):
        _rows, header = get_csv(self.client, self.url("csv"))
        assert header == [column.name for column in DATASET_COLUMNS]

    def test_csv_and_json_hold_the_same_records(self):
        rows, _header = get_csv(self.client, self.url("csv"))
        data = get_json(self.client, self.url("json"))
        assert data["columns"] == [column.name for column in DATASET_COLUMNS]
        assert data["count"] == len(rows) == 2
        for row, item in zip(rows, data["items"], strict=True):
            assert list(item) == data["columns"]
            for name, value in item.items():
                expected = LIST_SEPARATOR.join(value) if isinstance(value, list) else value
                assert row[name] == ("" if expected is None else str(expected)), name

    def test_values_round_trip_including_commas_lists_and_dates(self):
        data = get_json(self.client, self.url("json"))
        register = next(i for i in data["items"] if i["id"] == self.register.pk)
        assert register["title"] == "Aragon suppliers, 2024"
        assert register["themes"] == ["ECON", "SOCI"]
        assert register["keywords"] == ["reserved contracts", "suppliers"]
        assert register["temporal_start"] == "2024-01-01"
        assert register["url"] == "http://testserver" + self.register.url
        assert register["distribution_urls"][0].startswith("http://testserver/documents/")
        rows, _header = get_csv(self.client, self.url("csv"))
        row = next(r for r in rows if r["id"] == str(self.register.pk))
        assert row["title"] == "Aragon suppliers, 2024"
        assert row["themes"].split(LIST_SEPARATOR) == ["ECON", "SOCI"]

    def test_export_applies_the_listing_filters(self):
        data = get_json(self.client, self.url("json", "?theme=REGI"))
        assert [item["title"] for item in data["items"]] == ["Maribor premises"]
        rows, _header = get_csv(self.client, self.url("csv", "?format=JSON"))
        assert [row["title"] for row in rows] == ["Maribor premises"]

    def test_export_leaves_out_restricted_and_draft_pages(self):
        titles = {item["title"] for item in get_json(self.client, self.url("json"))["items"]}
        assert titles == {"Aragon suppliers, 2024", "Maribor premises"}

    def test_export_holds_no_personal_data(self):
        body = self.client.get(self.url("csv")).content.decode() + json.dumps(
            get_json(self.client, self.url("json"))
        )
        assert "Ana Pérez" not in body
        assert "ana.perez@example.org" not in body

    def test_listing_links_to_its_exports_with_the_current_filters(self):
        html = self.client.get(self.index.url + "?theme=ECON").content.decode()
        assert f'href="{self.url("csv", "?theme=ECON")}"' in html
        assert f'href="{self.url("json", "?theme=ECON")}"' in html

    def test_export_query_count_does_not_grow_with_the_number_of_items(self):
        def measure():
            self.client.get(self.url("csv"))
            with CaptureQueriesContext(connection) as context:
                self.client.get(self.url("csv"))
            return len(context.captured_queries)

        before = measure()
        for _n in range(10):
            od.DatasetPageFactory(parent=self.index, themes=["ECON"])
        assert measure() == before


class PublicationExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        v = vocabularies()
        home = f.make_site()
        cls.index = f.PublicationIndexPageFactory(parent=home)
        private = Collection.get_first_root_node().add_child(name="Drafts")
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.LOGIN
        )
        cls.brief = f.PolicyBriefPageFactory(
            parent=cls.index,
            title="Reserved contracts brief",
            publication_date=datetime.date(2024, 5, 2),
            authors=[f.PersonFactory(name="Marta Rossi")],
            publisher=f.OrganisationFactory(name="Region of Veneto"),
            topics=[v.social_economy],
            countries=[v.italy],
            documents={
                "en": f.DocumentFactory(),
                "it": f.DocumentFactory(collection=private),
            },
        )
        cls.paper = f.WhitePaperPageFactory(
            parent=cls.index, publication_date=datetime.date(2023, 1, 1), title="White paper"
        )

    def test_publication_export_has_documented_columns_types_and_public_documents_only(self):
        rows, header = get_csv(self.client, self.index.url + "export/csv/")
        assert header == [column.name for column in PUBLICATION_COLUMNS]
        brief = next(row for row in rows if row["title"] == "Reserved contracts brief")
        assert brief["type"] == "policy-brief"
        assert brief["publication_date"] == "2024-05-02"
        assert brief["publisher"] == "Region of Veneto"
        assert brief["countries"] == "IT"
        documents = brief["documents"].split(LIST_SEPARATOR)
        assert len(documents) == 1 and documents[0].startswith("en:http://testserver/documents/")

    def test_publication_export_names_no_authors(self):
        body = self.client.get(self.index.url + "export/json/").content.decode()
        assert "Marta Rossi" not in body
        assert "Rossi" not in body

    def test_publication_export_applies_the_type_filter(self):
        data = get_json(self.client, self.index.url + "export/json/?type=white-paper")
        assert [item["title"] for item in data["items"]] == ["White paper"]


class PilotActionExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        v = vocabularies()
        home = f.make_site()
        cls.index = f.PilotActionIndexPageFactory(parent=home)
        cls.pula = f.PilotActionPageFactory(
            parent=cls.index,
            title="Youth research lab in Pula",
            country=v.croatia,
            latitude="44.866600",
            longitude="13.849600",
            sectors=["cultural-creative", "education"],
            topics=[v.open_data],
            lead_partner=f.OrganisationFactory(name="Istrian Development Agency"),
        )
        cls.bari = f.PilotActionPageFactory(
            parent=cls.index, title="Social farming near Bari", country=v.italy, sectors=["green"]
        )

    def test_pilot_action_export_has_documented_columns_and_round_trips(self):
        rows, header = get_csv(self.client, self.index.url + "export/csv/")
        assert header == [column.name for column in PILOT_ACTION_COLUMNS]
        data = get_json(self.client, self.index.url + "export/json/")
        pula = next(item for item in data["items"] if item["id"] == self.pula.pk)
        assert pula["country_code"] == "HR"
        assert pula["latitude"] == 44.8666 and pula["longitude"] == 13.8496
        assert pula["sectors"] == ["cultural-creative", "education"]
        assert pula["topics"] == ["open-data"]
        assert pula["lead_partner"] == "Istrian Development Agency"
        row = next(row for row in rows if row["id"] == str(self.pula.pk))
        assert row["sectors"] == "cultural-creative|education"
        assert float(row["latitude"]) == 44.8666

    def test_pilot_action_export_applies_country_and_sector_filters(self):
        data = get_json(self.client, self.index.url + "export/json/?country=IT")
        assert [item["title"] for item in data["items"]] == ["Social farming near Bari"]
        rows, _header = get_csv(self.client, self.index.url + "export/csv/?sector=education")
        assert [row["title"] for row in rows] == ["Youth research lab in Pula"]
