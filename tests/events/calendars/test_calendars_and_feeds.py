"""The .ics downloads and feeds parse back: right zones, stable UIDs; RSS and Atom are valid."""

import datetime
import json
import re
import xml.etree.ElementTree as ET
import zoneinfo

import pytest
from icalendar import Calendar

from events.calendars.ical import event_uid
from events.pages.factories import FocusGroupPageFactory, WebinarPageFactory

ROME = zoneinfo.ZoneInfo("Europe/Rome")
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


@pytest.fixture
def events(index):
    webinar = WebinarPageFactory(
        parent=index,
        title="Transfer webinar",
        start=datetime.datetime(2030, 3, 22, 10, 0, tzinfo=ROME),
        end=datetime.datetime(2030, 3, 22, 12, 0, tzinfo=ROME),
        time_zone="Europe/Rome",
        languages=["it", "en"],
    )
    group = FocusGroupPageFactory(
        parent=index,
        title="Skills focus group",
        start=datetime.datetime(2030, 4, 5, 9, 30, tzinfo=NEW_YORK),
        end=datetime.datetime(2030, 4, 5, 11, 0, tzinfo=NEW_YORK),
        time_zone="America/New_York",
        latitude="45.4408",
        longitude="12.3155",
        languages=["en"],
    )
    return webinar, group


def vevents(response):
    assert response["Content-Type"].startswith("text/calendar")
    return {str(e["summary"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")}


def test_event_ics_download_carries_the_events_own_time_zone(client, events):
    webinar, group = events
    parsed = vevents(client.get(group.url + "ics/"))
    event = parsed["Skills focus group"]
    start = event.decoded("dtstart")
    assert start == datetime.datetime(2030, 4, 5, 9, 30, tzinfo=NEW_YORK)
    assert str(start.tzinfo) == "America/New_York"
    assert event["dtstart"].params["TZID"] == "America/New_York"
    assert event.decoded("geo") is not None
    calendar = Calendar.from_ical(client.get(group.url + "ics/").content)
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["America/New_York"]


def test_uids_are_stable_across_downloads_feeds_and_languages(client, events):
    webinar, _group = events
    single = vevents(client.get(webinar.url + "ics/"))["Transfer webinar"]
    feed = vevents(client.get(webinar.get_parent().url + "ics/"))["Transfer webinar"]
    again = vevents(client.get(webinar.url + "ics/"))["Transfer webinar"]
    assert str(single["uid"]) == str(feed["uid"]) == str(again["uid"]) == event_uid(webinar)
    assert str(webinar.translation_key) in str(single["uid"])


def test_the_feed_of_a_filtered_list_holds_only_matching_events(client, events):
    webinar, group = events
    index_url = webinar.get_parent().url
    assert set(vevents(client.get(index_url + "ics/"))) == {
        "Transfer webinar",
        "Skills focus group",
    }
    assert set(vevents(client.get(index_url + "ics/?language=it"))) == {"Transfer webinar"}
    assert set(vevents(client.get(index_url + "ics/?type=focusgroup"))) == {"Skills focus group"}
    assert set(vevents(client.get(index_url + "ics/?month=2030-04"))) == {"Skills focus group"}


def test_no_join_link_in_public_calendars(client, events):
    webinar, _group = events
    assert webinar.join_url.encode() not in client.get(webinar.url + "ics/").content
    assert webinar.join_url.encode() not in client.get(webinar.get_parent().url + "ics/").content


def test_rss_and_atom_feeds_parse_and_list_events_with_stable_guids(client, events):
    webinar, _group = events
    index_url = webinar.get_parent().url
    rss = ET.fromstring(client.get(index_url + "rss/").content)  # noqa: S314 - our own feed
    items = rss.findall("./channel/item")
    assert {i.findtext("title") for i in items} == {"Transfer webinar", "Skills focus group"}
    guids = {i.findtext("title"): i.findtext("guid") for i in items}
    assert guids["Transfer webinar"] == event_uid(webinar)
    atom = ET.fromstring(client.get(index_url + "atom/?mode=online").content)  # noqa: S314
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert [e.findtext("a:title", namespaces=ns) for e in atom.findall("a:entry", ns)] == [
        "Transfer webinar"
    ]
    assert b"secret-room" not in client.get(index_url + "rss/").content


def test_month_calendar_is_a_table_with_a_caption_and_day_headers(client, events):
    webinar, _group = events
    response = client.get(webinar.get_parent().url + "calendar/?month=2030-03")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<table" in html and "<caption" in html and html.count('<th scope="col">') == 7
    assert "Transfer webinar" in html and "Skills focus group" not in html
    assert 'datetime="2030-03-22"' in html


def test_event_page_carries_schema_org_event_json_ld_without_the_join_link(client, events):
    webinar, _group = events
    html = client.get(webinar.url).content.decode()
    [raw] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(raw)
    assert data["@type"] == "Event" and data["name"] == "Transfer webinar"
    assert data["startDate"] == "2030-03-22T10:00:00+01:00"
    assert data["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")
    assert webinar.join_url not in raw
