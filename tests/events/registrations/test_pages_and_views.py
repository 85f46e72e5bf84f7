"""What members, guests and visitors do on the pages: list, filter, register, cancel, confirm."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.models import PageViewRestriction

from cms.factories import CountryFactory
from events.listing.filters import EventFilters, parse_month
from events.pages.factories import (
    FocusGroupPageFactory,
    MeetingPageFactory,
    WebinarPageFactory,
    in_days,
)
from events.pages.models import RegistrationStatus, WebinarTranscript
from events.pages.vtt import WebVTTError, parse_webvtt
from events.registrations import services
from events.registrations.models import Registration
from tests.events.conftest import make_member

S = RegistrationStatus
VTT = """WEBVTT

NOTE exported by the meeting tool

1
00:00:01.000 --> 00:00:04.500 align:start
<v Anna>Benvenuti al webinar sulla <i>cooperazione</i> di comunità.

00:01:02.250 --> 00:01:09.000
Le cooperative di comunità rianimano i borghi.
"""


def full_profile(email):
    return make_member(email, stakeholder_type="academia", country_code="IT", languages=["it"])


# -- pure parts ---------------------------------------------------------------------------------


def test_filters_read_known_values_and_ignore_the_rest():
    filters = EventFilters.from_query(
        {
            "type": "webinar",
            "language": "IT",
            "country": "hr",
            "mode": "online",
            "month": "2022-03",
            "topic": "Open-Data",
            "page": "2",
        },
        types=["webinar"],
        languages=["it"],
    )
    assert filters == EventFilters(
        "webinar", "it", "HR", "online", "open-data", datetime.date(2022, 3, 1), 2
    )
    assert filters.as_query() == (
        "type=webinar&language=it&country=HR&mode=online&topic=open-data&month=2022-03"
    )
    junk = EventFilters.from_query({"type": "party", "mode": "x", "month": "2022-13"}, types=[])
    assert not junk.is_active
    assert parse_month("2022-3") is None


def test_webvtt_cues_keep_times_speakers_and_plain_text():
    cues = parse_webvtt(VTT)
    assert [(c.start_label, c.speaker, c.text) for c in cues] == [
        ("00:01", "Anna", "Benvenuti al webinar sulla cooperazione di comunità."),
        ("01:02", "", "Le cooperative di comunità rianimano i borghi."),
    ]
    with pytest.raises(WebVTTError):
        parse_webvtt("1\n00:00:01.000 --> 00:00:02.000\nno header")


# -- listing ------------------------------------------------------------------------------------


def test_index_lists_upcoming_events_soonest_first_then_past_ones_most_recent_first(client, index):
    WebinarPageFactory(parent=index, title="Old", start=in_days(-60), end=in_days(-60, 12))
    WebinarPageFactory(parent=index, title="Recent", start=in_days(-5), end=in_days(-5, 12))
    MeetingPageFactory(parent=index, title="Later", start=in_days(30), end=in_days(30, 12))
    FocusGroupPageFactory(parent=index, title="Soon", start=in_days(3), end=in_days(3, 12))
    response = client.get(index.url)
    assert [p.title for p in response.context["upcoming"]] == ["Soon", "Later"]
    assert [p.title for p in response.context["past"]] == ["Recent", "Old"]
    html = response.content.decode()
    assert html.index("Upcoming events") < html.index("Soon") < html.index("Past events")


def test_index_filters_by_kind_language_and_online_or_in_person(client, index):
    WebinarPageFactory(parent=index, title="Online talk", languages=["en"])
    MeetingPageFactory(parent=index, title="Assembly", languages=["it"])
    titles = lambda query: [p.title for p in client.get(index.url + query).context["results"]]  # noqa: E731
    assert titles("?type=meeting") == ["Assembly"]
    assert titles("?language=it") == ["Assembly"]
    assert titles("?mode=online") == ["Online talk"]
    assert titles("?mode=in-person") == ["Assembly"]


def test_a_restricted_event_is_hidden_from_the_listing_feeds_and_registration(client, index):
    hidden = WebinarPageFactory(parent=index, title="Members only")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    assert "Members only" not in client.get(index.url).content.decode()
    assert b"Members only" not in client.get(index.url + "ics/").content
    assert b"Members only" not in client.get(index.url + "rss/").content
    response = client.post(f"/en/events/register/{hidden.pk}/", {"guest_email": "a@example.org"})
    assert response.status_code == 404


# -- registering on the page ---------------------------------------------------------------------


def test_a_member_with_a_profile_registers_in_one_click_and_sees_the_seat_count_change(
    client, index
):
    webinar = WebinarPageFactory(parent=index, capacity=5)
    client.force_login(full_profile("ana@example.org"))
    assert "5 seats left of 5" in client.get(webinar.url).content.decode()
    response = client.post(f"/en/events/register/{webinar.pk}/")
    assert response.status_code == 302 and response["Location"].endswith("#registration")
    page = client.get(webinar.url).content.decode()
    assert "4 seats left of 5" in page and "Confirmed" in page
    assert Registration.objects.get().snapshot() == {
        "stakeholder_type": "academia",
        "country_code": "IT",
        "language": "it",
    }


@pytest.mark.parametrize(
    ("language", "confirmed"),
    [
        ("it", "Iscrizione completata. Ti arriverà una conferma via email."),
        ("en", "You are registered. A confirmation is on its way by email."),
    ],
)
def test_the_registration_message_is_in_the_language_of_the_page_registered_from(
    client, index, language, confirmed
):
    webinar = WebinarPageFactory(parent=index, capacity=5)
    client.force_login(full_profile("ana@example.org"))
    client.post(f"/{language}/events/register/{webinar.pk}/")
    shown = [str(message) for message in get_messages(client.get(webinar.url).wsgi_request)]
    assert shown == [confirmed]


def test_missing_profile_details_are_asked_and_bad_input_keeps_what_was_typed(client, index):
    group = FocusGroupPageFactory(parent=index)
    client.force_login(make_member("new@example.org"))
    page = client.get(group.url).content.decode()
    for name in ("stakeholder_type", "country_code", "language", "motivation"):
        assert f'name="{name}"' in page
    response = client.post(
        f"/en/events/register/{group.pk}/",
        {"stakeholder_type": "business", "language": "en", "motivation": "I teach."},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "This field is required." in html and "I teach." in html
    assert 'value="business" selected' in html
    assert not Registration.objects.exists()


def test_a_guest_registers_with_an_email_and_confirms_by_the_link(
    client, index, mailoutbox, django_capture_on_commit_callbacks
):
    CountryFactory(code="SI", name="Slovenia")
    webinar = WebinarPageFactory(parent=index, allow_guests=True)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/en/events/register/{webinar.pk}/",
            {
                "guest_name": "Guest",
                "guest_email": "guest@example.org",
                "stakeholder_type": "public",
                "country_code": "SI",
                "language": "en",
            },
        )
    registration = Registration.objects.get(guest_email="guest@example.org")
    assert registration.status == S.PENDING
    link = f"/en/events/guest/{registration.token}/confirm/"
    assert link in mailoutbox[-1].body
    assert client.get(link).status_code == 200
    registration.refresh_from_db()
    assert registration.status == S.PENDING  # a GET (a mail scanner) confirms nothing
    client.post(link)
    registration.refresh_from_db()
    assert registration.status == S.CONFIRMED


def test_my_events_lists_registrations_with_status_cancel_and_calendar_links(client, index):
    member = full_profile("ana@example.org")
    webinar = WebinarPageFactory(parent=index, title="Coming soon", capacity=1)
    services.register(webinar, user=make_member("first@example.org"))
    waiting = services.register(webinar, user=member).registration
    client.force_login(member)
    html = client.get("/en/events/mine/").content.decode()
    assert "Coming soon" in html and "On the waiting list" in html
    assert webinar.url + "ics/" in html
    assert f"/en/events/registrations/{waiting.pk}/cancel/" in html
    client.post(f"/en/events/registrations/{waiting.pk}/cancel/")
    waiting.refresh_from_db()
    assert waiting.status == S.CANCELLED


def test_nobody_cancels_someone_elses_registration(client, index):
    webinar = WebinarPageFactory(parent=index)
    registration = services.register(webinar, user=make_member("a@example.org")).registration
    client.force_login(make_member("intruder@example.org"))
    assert client.post(f"/en/events/registrations/{registration.pk}/cancel/").status_code == 403
    registration.refresh_from_db()
    assert registration.status == S.CONFIRMED
    assert client.get("/en/events/mine/").status_code == 200


def test_times_show_in_the_events_zone_and_the_members_own(client, index):
    webinar = WebinarPageFactory(
        parent=index,
        time_zone="Europe/Rome",
        start=datetime.datetime(2031, 6, 10, 15, 0, tzinfo=datetime.UTC),
        end=datetime.datetime(2031, 6, 10, 16, 0, tzinfo=datetime.UTC),
    )
    html = client.get(webinar.url).content.decode()
    assert 'datetime="2031-06-10T17:00:00+02:00"' in html and "Your time" not in html
    member = make_member("ny@example.org", time_zone="America/New_York")
    client.force_login(member)
    html = client.get(webinar.url).content.decode()
    assert "Your time (America/New_York)" in html
    assert 'datetime="2031-06-10T11:00:00-04:00"' in html


# -- transcripts ----------------------------------------------------------------------------------


def test_a_phrase_spoken_in_a_webinar_finds_it_in_the_readers_language(client, index):
    webinar = WebinarPageFactory(
        parent=index, title="Community co-ops", start=in_days(-3), end=in_days(-3, 12)
    )
    transcript = WebinarTranscript(page=webinar, language="en")
    transcript.file.save(
        "talk.vtt",
        ContentFile(
            b"WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nCommunity cooperatives revive villages.\n"
        ),
        save=False,
    )
    webinar.transcripts.add(transcript)
    webinar.save_revision().publish()
    html = client.get(webinar.url).content.decode()
    assert "Community cooperatives revive villages." in html and "00:01" in html
    results = client.get("/en/search/", {"q": "revive villages"}).content.decode()
    assert "Community co-ops" in results


def test_an_upload_that_is_not_webvtt_is_refused_beside_the_field(index):
    webinar = WebinarPageFactory(parent=index)
    transcript = WebinarTranscript(page=webinar, language="en")
    transcript.file.save("notes.vtt", ContentFile(b"just some notes"), save=False)
    with pytest.raises(ValidationError) as error:
        transcript.clean()
    assert "file" in error.value.message_dict
