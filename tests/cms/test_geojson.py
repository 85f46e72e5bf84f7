"""The pilot-action map is fed by `<index url>geojson/`, a GeoJSON FeatureCollection."""

import json

from django.test import TestCase

from cms import factories as f
from cms.models import PilotStatus
from tests.cms.trees import vocabularies


def geojson_url(index):
    return index.url + "geojson/"


class GeoJSONTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        v = vocabularies()
        home = f.make_site()
        cls.index = f.PilotActionIndexPageFactory(parent=home)
        cls.pula = f.PilotActionPageFactory(
            parent=cls.index,
            title="Youth research lab in Pula",
            region="Istria",
            country=v.croatia,
            latitude="44.866600",
            longitude="13.849600",
            status=PilotStatus.COMPLETED,
            summary="Young people doing research.",
            sectors=["cultural-creative"],
        )
        cls.bari = f.PilotActionPageFactory(
            parent=cls.index,
            title="Social farming near Bari",
            region="Apulia",
            country=v.italy,
            latitude="41.117100",
            longitude="16.871900",
            status=PilotStatus.RUNNING,
            sectors=["green", "agrifood"],
        )
        cls.nowhere = f.PilotActionPageFactory(
            parent=cls.index, country=v.italy, latitude=None, longitude=None
        )
        cls.draft = f.PilotActionPageFactory(parent=cls.index, country=v.italy, live=False)

    def get_collection(self, query=""):
        response = self.client.get(geojson_url(self.index) + query)
        self.assertEqual(response.status_code, 200)
        return response, json.loads(response.content)

    def features_by_title(self, collection):
        return {feature["properties"]["title"]: feature for feature in collection["features"]}

    def test_geojson_route_is_the_one_pages_link_to(self):
        assert self.index.url + self.index.reverse_subpage("geojson") == geojson_url(self.index)

    def test_geojson_is_a_feature_collection_served_as_geo_json(self):
        response, collection = self.get_collection()
        assert response["Content-Type"].startswith("application/geo+json")
        assert collection["type"] == "FeatureCollection"
        assert all(feature["type"] == "Feature" for feature in collection["features"])

    def test_geojson_coordinates_are_longitude_then_latitude(self):
        _response, collection = self.get_collection()
        geometry = self.features_by_title(collection)["Youth research lab in Pula"]["geometry"]
        assert geometry == {"type": "Point", "coordinates": [13.8496, 44.8666]}

    def test_geojson_properties_describe_the_pilot_action(self):
        _response, collection = self.get_collection()
        properties = self.features_by_title(collection)["Youth research lab in Pula"]["properties"]
        assert properties == {
            "title": "Youth research lab in Pula",
            "url": self.pula.url,
            "region": "Istria",
            "country": "Croatia",
            "status": "completed",
            "status_label": "Completed",
            "summary": "Young people doing research.",
            "origin": None,
        }

    def test_geojson_omits_pages_without_coordinates_and_unpublished_pages(self):
        _response, collection = self.get_collection()
        assert set(self.features_by_title(collection)) == {
            "Youth research lab in Pula",
            "Social farming near Bari",
        }

    def test_geojson_applies_the_listing_filters(self):
        _response, collection = self.get_collection("?country=IT")
        assert set(self.features_by_title(collection)) == {"Social farming near Bari"}
        _response, collection = self.get_collection("?sector=cultural-creative")
        assert set(self.features_by_title(collection)) == {"Youth research lab in Pula"}
        _response, collection = self.get_collection("?status=planned")
        assert collection["features"] == []

    def test_geojson_lists_every_match_not_only_the_first_page(self):
        for _n in range(12):
            f.PilotActionPageFactory(parent=self.index)
        _response, collection = self.get_collection()
        assert len(collection["features"]) == 14
