"""Events as open data: the listing's CSV and JSON exports (documented columns, filters applied,
round trip, no personal data, restricted events left out) and the map's GeoJSON layer of
upcoming events (valid RFC 7946, longitude first, only visible upcoming events with a place)."""

import csv
import datetime
import io
import json
import zoneinfo

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from cms.exports import LIST_SEPARATOR
from cms.factories import CountryFactory, OrganisationFactory, TopicFactory
from cms.opendata.factories import MapPageFactory
from events.listing.exports import EVENT_COLUMNS
from events.pages.factories import FocusGroupPageFactory, MeetingPageFactory, WebinarPageFactory
from events.pages.models import RegistrationStatus
from events.registrations.models import Registration
from tests.events.conftest import make_member

ROME = zoneinfo.ZoneInfo("Europe/Rome")
COLUMNS = [column.name for column in EVENT_COLUMNS]


def at(year, month, day, hour=10):
    return datetime.datetime(year, month, day, hour, 0, tzinfo=ROME)


@pytest.fixture
def events(index):
    italy = CountryFactory(name="Italy", code="IT")
    slovenia = CountryFactory(name="Slovenia", code="SI")
    organiser = make_member("giulia.organiser@example.org", first_name="Giulia", last_name="Ferro")
    webinar = WebinarPageFactory(
        parent=index,
        title="Open data, skills and jobs",
        start=at(2031, 3, 22),
        end=at(2031, 3, 22, 12),
        languages=["it", "en"],
        countries=[italy],
        topics=[TopicFactory(name="Open data", slug="open-data")],
        organisers=[organiser],
    )
    webinar.organisations.set([OrganisationFactory(name="Veneto Lavoro")])
    webinar.save()
    group = FocusGroupPageFactory(
        parent=index,
        title="Premises, Maribor",
        start=at(2031, 4, 5),
        end=at(2031, 4, 5, 12),
        venue_name="Glavni trg 14",
        venue_address="Glavni trg 14\n2000 Maribor",
        latitude="46.557600",
        longitude="15.645600",
        languages=["sl", "en"],
        countries=[slovenia],
        organisers=[organiser],
    )
    member = make_member("registrant@example.org", first_name="Rita", last_name="Registrant")
    Registration.objects.create(event=webinar, user=member, status=RegistrationStatus.CONFIRMED)
    Registration.objects.create(
        event=webinar,
        guest_name="Gustavo Guest",
        guest_email="gustavo.guest@example.org",
        status=RegistrationStatus.CONFIRMED,
    )
    return webinar, group


def get_csv(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    return list(csv.DictReader(io.StringIO(text))), text.splitlines()[0].split(",")


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return json.loads(response.content)


def test_event_csv_has_the_documented_columns_in_order(client, index, events):
    _rows, header = get_csv(client, index.url + "export/csv/")
    assert header == COLUMNS
    assert COLUMNS[:7] == ["id", "translation_key", "language", "type", "title", "url", "summary"]


def test_event_csv_and_json_parse_back_to_the_same_rows(client, index, events):
    rows, _header = get_csv(client, index.url + "export/csv/")
    data = get_json(client, index.url + "export/json/")
    assert data["columns"] == COLUMNS
    assert data["count"] == len(rows) == 2
    for row, item in zip(rows, data["items"], strict=True):
        assert list(item) == COLUMNS
        for name, value in item.items():
            expected = LIST_SEPARATOR.join(map(str, value)) if isinstance(value, list) else value
            assert row[name] == ("" if expected is None else str(expected)), name


def test_event_export_values_are_typed_and_listed_soonest_first(client, index, events):
    webinar, group = events
    items = get_json(client, index.url + "export/json/")["items"]
    assert [item["title"] for item in items] == ["Open data, skills and jobs", "Premises, Maribor"]
    first, second = items
    assert first["type"] == "webinar" and second["type"] == "focusgroup"
    assert first["start"] == "2031-03-22T09:00:00Z"
    assert first["time_zone"] == "Europe/Rome"
    assert first["languages"] == ["it", "en"]
    assert first["countries"] == ["IT"] and first["topics"] == ["open-data"]
    assert first["organisations"] == ["Veneto Lavoro"]
    assert first["registration"] == "registration" and second["registration"] == "application"
    assert first["seats_taken"] == 2 and first["capacity"] == 10
    assert first["latitude"] is None
    assert second["latitude"] == 46.5576 and second["longitude"] == 15.6456
    assert second["address"] == "Glavni trg 14 2000 Maribor"
    assert first["url"] == "http://testserver" + webinar.url


def test_event_export_applies_the_listing_filters(client, index, events):
    by_type = get_json(client, index.url + "export/json/?type=focusgroup")["items"]
    assert [item["title"] for item in by_type] == ["Premises, Maribor"]
    rows, _header = get_csv(client, index.url + "export/csv/?country=IT")
    assert [row["title"] for row in rows] == ["Open data, skills and jobs"]
    rows, _header = get_csv(client, index.url + "export/csv/?language=sl&mode=in-person")
    assert [row["title"] for row in rows] == ["Premises, Maribor"]
    assert get_json(client, index.url + "export/json/?month=2031-03")["count"] == 1
    # Pagination is ignored: the export holds every match.
    assert get_json(client, index.url + "export/json/?page=2")["count"] == 2


def test_event_export_holds_no_personal_data(client, index, events):
    body = client.get(index.url + "export/csv/").content.decode()
    body += client.get(index.url + "export/json/").content.decode()
    for personal in (
        "giulia.organiser@example.org",
        "Giulia",
        "Ferro",
        "registrant@example.org",
        "Rita",
        "Gustavo",
        "gustavo.guest@example.org",
        "secret-room-42",
    ):
        assert personal not in body, personal


def test_private_restricted_and_draft_events_never_reach_the_export_or_the_map(
    client, index, events
):
    hidden = {
        "Members only": PageViewRestriction.LOGIN,
        "With a password": PageViewRestriction.PASSWORD,
        "Staff only": PageViewRestriction.GROUPS,
    }
    for title, kind in hidden.items():
        page = MeetingPageFactory(
            parent=index, title=title, start=at(2031, 5, 1), latitude="45.4", longitude="12.3"
        )
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=kind, password="open-sesame"
        )
        if kind == PageViewRestriction.GROUPS:
            restriction.groups.set([Group.objects.create(name="Staff")])
    MeetingPageFactory(
        parent=index, title="Draft", live=False, start=at(2031, 5, 2), latitude="45", longitude="12"
    )
    titles = {item["title"] for item in get_json(client, index.url + "export/json/")["items"]}
    titles |= {row["title"] for row in get_csv(client, index.url + "export/csv/")[0]}
    assert titles == {"Open data, skills and jobs", "Premises, Maribor"}
    map_titles = {
        feature["properties"]["title"]
        for feature in get_json(client, reverse("events:upcoming_geojson"))["features"]
    }
    assert map_titles == {"Premises, Maribor"}


def test_event_listing_links_its_exports_with_the_current_filters(client, index, events):
    html = client.get(index.url + "?type=webinar").content.decode()
    assert f'href="{index.url}export/csv/?type=webinar"' in html
    assert f'href="{index.url}export/json/?type=webinar"' in html


def test_event_export_query_count_does_not_grow_with_the_number_of_events(client, index, events):
    def measure():
        client.get(index.url + "export/csv/")
        with CaptureQueriesContext(connection) as context:
            client.get(index.url + "export/csv/")
        return len(context.captured_queries)

    before = measure()
    for n in range(8):
        MeetingPageFactory(
            parent=index, start=at(2031, 6, n + 1), topics=[TopicFactory(slug=f"topic-{n}")]
        )
    assert measure() == before


# -- The map's "upcoming events" layer ----------------------------------------------------


def features(client, query=""):
    response = client.get(reverse("events:upcoming_geojson") + query)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    collection = json.loads(response.content)
    assert collection["type"] == "FeatureCollection"
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    return collection["features"]


def test_events_geojson_is_a_feature_collection_in_longitude_latitude_order(client, events):
    (feature,) = features(client)
    assert feature["geometry"]["coordinates"] == [15.6456, 46.5576]
    properties = feature["properties"]
    assert properties["title"] == "Premises, Maribor"
    assert properties["kind"] == "focusgroup"
    assert properties["start"] == "2031-04-05T08:00:00Z"
    assert properties["place"] == "Glavni trg 14, Glavni trg 14 2000 Maribor"
    assert properties["url"] == events[1].url


def test_events_geojson_holds_only_upcoming_events_with_a_place(client, index, events):
    MeetingPageFactory(
        parent=index, title="Last year", start=at(2020, 1, 1), latitude="45", longitude="12"
    )
    MeetingPageFactory(parent=index, title="Somewhere", start=at(2031, 1, 1))
    assert [f["properties"]["title"] for f in features(client)] == ["Premises, Maribor"]


def test_events_geojson_takes_the_listing_and_map_filters(client, index, events):
    assert features(client, "?country=IT") == []
    assert len(features(client, "?country=SI&type=focusgroup")) == 1
    assert len(features(client, "?q=maribor")) == 1
    assert features(client, "?q=athens") == []
    # Events have no region, kind of entity, sector or CPV code: those filters leave none.
    for query in ("?region=Podravje", "?kind=cooperative", "?sector=green", "?cpv=9091"):
        assert features(client, query) == [], query


def test_events_geojson_serves_the_language_of_the_address(client, events):
    # Inside override: the request activates Italian, and override restores the language after.
    with translation.override("it"):
        url = reverse("events:upcoming_geojson")
        assert url.startswith("/it/")
        # No Italian events tree in this site: nothing from the English tree leaks in.
        assert json.loads(client.get(url).content)["features"] == []


def test_map_page_offers_the_upcoming_events_layer_with_its_filters(client, index, events):
    map_page = MapPageFactory(parent=index.get_parent())
    html = client.get(map_page.url + "?country=SI").content.decode()
    assert 'value="events" checked' in html
    assert f'data-geojson-url="{reverse("events:upcoming_geojson")}?country=SI"' in html
    map_page.show_events = False
    map_page.save_revision().publish()
    assert 'value="events"' not in client.get(map_page.url).content.decode()


def test_map_list_shows_the_same_upcoming_events_as_the_layer(client, index, events):
    members_only = MeetingPageFactory(
        parent=index,
        title="Members-only meeting",
        start=at(2031, 5, 1),
        latitude="45",
        longitude="12",
    )
    PageViewRestriction.objects.create(
        page=members_only, restriction_type=PageViewRestriction.LOGIN
    )
    map_page = MapPageFactory(parent=index.get_parent())
    html = client.get(map_page.url).content.decode()
    section = html[html.index('data-layer-list="events"') :]
    section = section[: section.index("</section>")]
    assert "Premises, Maribor" in section
    assert "Open data, skills and jobs" not in section  # online: no place on the map
    assert "Members-only meeting" not in section
    assert "<time datetime=" in section and "(Europe/Rome)" in section
    # The map's filters apply to the list as to the layer.
    html = client.get(map_page.url + "?country=IT").content.decode()
    section = html[html.index('data-layer-list="events"') :]
    assert "Premises, Maribor" not in section[: section.index("</section>")]
