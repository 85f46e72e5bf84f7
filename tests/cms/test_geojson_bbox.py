"""The map's GeoJSON takes a bounding box and a bounded limit, filters in the database, and is
cached until what it shows changes."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms import factories as f
from cms.geojson import DEFAULT_LIMIT, MAX_LIMIT
from cms.opendata import factories as od

pytestmark = pytest.mark.django_db

# (title, latitude, longitude)
PLACES = [
    ("Pula", "44.866600", "13.849600"),
    ("Bari", "41.117100", "16.871900"),
    ("Zaragoza", "41.650000", "-0.880000"),
    ("Athens", "37.983800", "23.727500"),
]


@pytest.fixture
def index(home):
    index = f.PilotActionIndexPageFactory(parent=home)
    for title, latitude, longitude in PLACES:
        f.PilotActionPageFactory(parent=index, title=title, latitude=latitude, longitude=longitude)
    return index


def get(client, index, query=""):
    return client.get(index.url + "geojson/" + query)


def titles(client, index, query=""):
    response = get(client, index, query)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/geo+json"
    return sorted(
        feature["properties"]["title"] for feature in json.loads(response.content)["features"]
    )


def test_a_bounding_box_keeps_only_the_points_inside_it(client, index):
    # The Adriatic: Pula and Bari, not Zaragoza or Athens.
    assert titles(client, index, "?bbox=12,40,18,46") == ["Bari", "Pula"]
    assert titles(client, index, "?bbox=-10,35,30,50") == ["Athens", "Bari", "Pula", "Zaragoza"]
    assert titles(client, index, "?bbox=-10,50,30,60") == []


def test_a_bounding_box_across_the_antimeridian_keeps_both_sides(client, index):
    # From 20° E eastwards around the world to 0.5° W: Athens and Zaragoza, not the Adriatic.
    assert titles(client, index, "?bbox=20,30,-0.5,50") == ["Athens", "Zaragoza"]


def test_the_limit_caps_the_features_and_says_when_it_cut(client, index):
    collection = json.loads(get(client, index, "?limit=2").content)
    assert len(collection["features"]) == 2
    assert collection["limit"] == 2
    assert collection["truncated"] is True
    everything = json.loads(get(client, index).content)
    assert len(everything["features"]) == 4
    assert everything["limit"] == DEFAULT_LIMIT
    assert everything["truncated"] is False


def test_the_limit_is_applied_in_the_database(client, index):
    with CaptureQueriesContext(connection) as context:
        assert len(json.loads(get(client, index, "?limit=3").content)["features"]) == 3
    selects = [q["sql"] for q in context.captured_queries if "pilotactionpage" in q["sql"].lower()]
    assert any("LIMIT 4" in sql for sql in selects), selects


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("?bbox=1,2,3", "four numbers"),
        ("?bbox=a,b,c,d", "four numbers"),
        ("?bbox=0,0,200,10", "longitudes -180 to 180"),
        ("?bbox=0,95,10,96", "latitudes -90 to 90"),
        ("?bbox=0,50,10,40", "minimum latitude"),
        ("?bbox=nan,0,1,1", "four numbers"),
        ("?limit=0", "limit must be a whole number from 1 to"),
        (f"?limit={MAX_LIMIT + 1}", "limit must be a whole number from 1 to"),
        ("?limit=ten", "limit must be a whole number from 1 to"),
    ],
)
def test_bad_bounding_boxes_and_limits_answer_400_saying_what_to_send(client, index, query, words):
    response = get(client, index, query)
    assert response.status_code == 400
    assert words in json.loads(response.content)["error"]


def point_queries(context):
    return [q["sql"] for q in context.captured_queries if "latitude" in q["sql"]]


def test_a_cached_answer_reads_no_point_from_the_database(client, index):
    # Only Wagtail's routing to the index page is left: its site and page lookups.
    with CaptureQueriesContext(connection) as miss:
        get(client, index, "?bbox=12,40,18,46")
    assert point_queries(miss)
    with CaptureQueriesContext(connection) as hit:
        assert titles(client, index, "?bbox=12,40,18,46") == ["Bari", "Pula"]
    assert point_queries(hit) == []
    assert len(hit) < len(miss)


def test_nearby_boxes_share_one_cache_entry(client, index):
    titles(client, index, "?bbox=12.001,40.001,17.999,45.999")
    with CaptureQueriesContext(connection) as context:
        titles(client, index, "?bbox=12.002,40.002,17.998,45.998")
    assert point_queries(context) == []


def test_the_queries_do_not_grow_with_the_points(client, index):
    get(client, index)
    from cms.content_cache import invalidate

    invalidate()
    with CaptureQueriesContext(connection) as few:
        get(client, index)
    for number in range(20):
        f.PilotActionPageFactory(parent=index, latitude="40.0", longitude=f"{number}.5")
    get(client, index)  # the new pages start a new generation of the cached chrome: warm it
    invalidate()
    with CaptureQueriesContext(connection) as many:
        assert len(json.loads(get(client, index).content)["features"]) == 24
    assert len(many) == len(few)


def test_publishing_a_pilot_action_refreshes_the_cached_geojson(client, index):
    draft = f.PilotActionPageFactory(
        parent=index, title="Split", latitude="43.5", longitude="16.44", live=False
    )
    assert titles(client, index, "?bbox=12,40,18,46") == ["Bari", "Pula"]
    draft.save_revision().publish()
    assert titles(client, index, "?bbox=12,40,18,46") == ["Bari", "Pula", "Split"]


def test_publishing_a_directory_entry_refreshes_the_map_layer(client, home):
    map_page = od.MapPageFactory(parent=home)
    entry = od.SocialEconomyEntityFactory(name="Later", status="proposed")
    url = map_page.url + "layers/entities/"
    assert json.loads(client.get(url).content)["features"] == []
    entry.status = "published"
    entry.save()
    features = json.loads(client.get(url).content)["features"]
    assert [feature["properties"]["title"] for feature in features] == ["Later"]


# -- each pilot's lineage: the origin it was adapted from -------------------------------------


@pytest.fixture
def lineage(index):
    """Split, adapted from Athens: inside the Adriatic box, its origin outside it."""
    athens = index.get_children().get(title="Athens").specific
    split = f.PilotActionPageFactory(
        parent=index, title="Split", latitude="43.5", longitude="16.44", transferred_from=athens
    )
    return athens, split


def origins(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return {
        feature["properties"]["title"]: feature["properties"]["origin"]
        for feature in json.loads(response.content)["features"]
    }


def test_a_feature_in_the_bounding_box_carries_its_origin_from_outside_the_box(
    client, index, lineage
):
    athens, _split = lineage
    found = origins(client, index.url + "geojson/?bbox=12,40,18,46&limit=3")
    assert sorted(found) == ["Bari", "Pula", "Split"]
    assert found["Split"]["title"] == "Athens"
    assert found["Split"]["url"] == athens.url
    assert found["Split"]["coordinates"] == [23.7275, 37.9838]
    assert found["Bari"] is None and found["Pula"] is None


def test_the_map_pages_pilot_layer_keeps_the_box_the_limit_and_the_origin(client, home, lineage):
    map_page = od.MapPageFactory(parent=home)
    url = map_page.url + "layers/pilot-actions/?bbox=12,40,18,46"
    found = origins(client, url)
    assert sorted(found) == ["Bari", "Pula", "Split"]
    assert found["Split"]["title"] == "Athens"
    collection = json.loads(client.get(url + "&limit=1").content)
    assert len(collection["features"]) == 1 and collection["truncated"] is True


def test_the_origins_cost_one_query_whatever_the_number_of_adaptations(client, index, lineage):
    athens, _split = lineage
    from cms.content_cache import invalidate

    get(client, index)
    invalidate()
    with CaptureQueriesContext(connection) as few:
        get(client, index)
    for number in range(10):
        f.PilotActionPageFactory(
            parent=index, latitude="40.0", longitude=f"{number}.5", transferred_from=athens
        )
    get(client, index)  # the new pages start a new generation of the cached chrome: warm it
    invalidate()
    with CaptureQueriesContext(connection) as many:
        found = origins(client, index.url + "geojson/")
    assert len(found) == 15
    assert len(many) == len(few)


def test_unpublishing_an_origin_refreshes_the_cached_geojson(client, index, lineage):
    athens, _split = lineage
    url = index.url + "geojson/?bbox=12,40,18,46"
    assert origins(client, url)["Split"]["title"] == "Athens"
    athens.unpublish()
    assert origins(client, url)["Split"] is None


def test_republishing_an_origin_refreshes_the_cached_geojson(client, index, lineage):
    athens, _split = lineage
    url = index.url + "geojson/?bbox=12,40,18,46"
    assert origins(client, url)["Split"]["title"] == "Athens"
    athens.title = "Athens, Kypseli"
    athens.save_revision().publish()
    assert origins(client, url)["Split"]["title"] == "Athens, Kypseli"


def test_moving_an_origin_refreshes_the_cached_geojson(client, home, index, lineage):
    athens, _split = lineage
    url = index.url + "geojson/?bbox=12,40,18,46"
    assert origins(client, url)["Split"]["url"] == athens.url
    elsewhere = f.PilotActionIndexPageFactory(parent=home, slug="archive")
    athens.move(elsewhere, pos="last-child")
    athens.refresh_from_db()
    assert athens.url.startswith(elsewhere.url)
    assert origins(client, url)["Split"]["url"] == athens.url


def test_restricting_an_origin_refreshes_the_cached_geojson(client, index, lineage):
    athens, _split = lineage
    url = index.url + "geojson/?bbox=12,40,18,46"
    assert origins(client, url)["Split"]["title"] == "Athens"
    PageViewRestriction.objects.create(page=athens, restriction_type=PageViewRestriction.LOGIN)
    assert origins(client, url)["Split"] is None


def test_unpublishing_a_pilot_refreshes_the_cached_geojson(client, index, lineage):
    _athens, split = lineage
    url = index.url + "geojson/?bbox=12,40,18,46"
    assert "Split" in origins(client, url)
    split.unpublish()
    assert "Split" not in origins(client, url)


def test_a_member_or_a_visitor_past_a_page_password_never_fills_the_shared_cache(client, index):
    from django.test import Client

    from community.members.factories import UserFactory

    secret = f.PilotActionPageFactory(
        parent=index, title="Secret", latitude="43.5", longitude="16.44"
    )
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    past_password = Client()
    session = past_password.session
    session[PageViewRestriction.passed_view_restrictions_session_key] = [restriction.pk]
    session.save()
    assert "Secret" in titles(past_password, index, "?bbox=12,40,18,46")
    member = Client()
    member.force_login(UserFactory(is_superuser=True))
    titles(member, index, "?bbox=12,40,18,46")
    assert titles(client, index, "?bbox=12,40,18,46") == ["Bari", "Pula"]
