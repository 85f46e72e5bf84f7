"""The map page: each layer is a valid GeoJSON endpoint with the page's filters; the list view
shows the same results; layers switch on and off; events come only from a configured URL."""

import json

from django.test import TestCase, override_settings

from cms import factories as f
from cms.opendata import factories as od
from tests.cms.trees import vocabularies


def assert_valid_feature_collection(collection):
    """RFC 7946 essentials: a FeatureCollection of Point features, [lon, lat] in range."""
    assert collection["type"] == "FeatureCollection"
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


class MapPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        v = vocabularies()
        home = f.make_site()
        cls.map = od.MapPageFactory(parent=home)
        pilots = f.PilotActionIndexPageFactory(parent=home)
        cls.pilot = f.PilotActionPageFactory(
            parent=pilots,
            title="Reserved contracts in Aragon",
            region="Aragon",
            country=v.italy,
            latitude="41.650000",
            longitude="-0.880000",
            sectors=["public-procurement"],
        )
        cls.cleaning = od.SocialEconomyEntityFactory(
            name="Limpiezas Solidarias",
            region="Aragon",
            sectors=["social-services"],
            cpv_codes=["90910000"],
        )
        cls.hidden = od.SocialEconomyEntityFactory(name="Unchecked", status="proposed")
        cls.no_location = od.SocialEconomyEntityFactory(
            name="Nowhere", region="Aragon", latitude=None, longitude=None
        )
        cls.space = od.PremisesFactory(name="Glavni trg room", region="Podravje")

    def layer(self, key, query=""):
        response = self.client.get(self.map.url + f"layers/{key}/" + query)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/geo+json")
        collection = json.loads(response.content)
        assert_valid_feature_collection(collection)
        return [feature["properties"]["title"] for feature in collection["features"]]

    def test_each_layer_is_a_valid_geojson_endpoint(self):
        assert self.layer("pilot-actions") == ["Reserved contracts in Aragon"]
        assert self.layer("entities") == ["Limpiezas Solidarias"]
        assert self.layer("premises") == ["Glavni trg room"]

    def test_entity_feature_carries_coordinates_lon_lat_and_cpv_codes(self):
        response = self.client.get(self.map.url + "layers/entities/")
        feature = json.loads(response.content)["features"][0]
        assert feature["geometry"]["coordinates"] == [-0.8891, 41.6488]
        assert feature["properties"]["cpv_codes"] == ["90910000"]

    def test_unknown_layer_is_not_found(self):
        assert self.client.get(self.map.url + "layers/secrets/").status_code == 404

    def test_layers_apply_the_filters(self):
        assert self.layer("entities", "?cpv=5552") == []
        assert self.layer("entities", "?region=Aragon") == ["Limpiezas Solidarias"]
        assert self.layer("premises", "?region=Aragon") == []
        assert self.layer("pilot-actions", "?sector=public-procurement") == [
            "Reserved contracts in Aragon"
        ]
        # Premises and pilot actions have no CPV codes: a CPV search leaves only suppliers.
        assert self.layer("premises", "?cpv=9091") == []

    def test_list_view_shows_the_same_results_as_the_map(self):
        html = self.client.get(self.map.url + "?region=Aragon").content.decode()
        assert "Limpiezas Solidarias" in html and "Nowhere" in html
        assert "Reserved contracts in Aragon" in html
        assert "Glavni trg room" not in html
        assert "Unchecked" not in html
        # The map's data URLs carry the same filters.
        assert f'data-geojson-url="{self.map.url}layers/entities/?region=Aragon"' in html

    def test_a_layer_switched_off_leaves_the_list_and_the_map(self):
        html = self.client.get(
            self.map.url + "?layers-set=1&layer=entities&layer=premises"
        ).content.decode()
        assert 'data-layer-list="pilot-actions" hidden' in html
        assert 'id="layer-pilot-actions" name="layer" value="pilot-actions" data-layer' in html
        assert 'id="layer-entities" name="layer" value="entities" checked' in html
        assert "Reserved contracts in Aragon" not in html

    def test_first_visit_shows_every_layer(self):
        html = self.client.get(self.map.url).content.decode()
        for key in ("pilot-actions", "entities", "premises"):
            assert f'value="{key}" checked' in html

    def test_events_layer_appears_only_with_the_events_apps_url(self):
        with override_settings(MAP_EVENTS_GEOJSON_URL_NAME=""):
            html = self.client.get(self.map.url).content.decode()
        assert 'value="events"' not in html
        with override_settings(MAP_EVENTS_GEOJSON_URL_NAME="robots_txt"):
            html = self.client.get(self.map.url).content.decode()
        assert 'value="events" checked' in html
        assert 'data-geojson-url="/robots.txt"' in html

    def test_events_layer_comes_from_the_events_app_by_default(self):
        html = self.client.get(self.map.url).content.decode()
        assert 'value="events" checked' in html
        assert 'data-geojson-url="/en/events/upcoming.geojson"' in html
