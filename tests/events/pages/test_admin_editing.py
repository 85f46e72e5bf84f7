"""Editors create events in the Wagtail admin; times typed are the event's own zone's."""

import datetime
import zoneinfo

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from cms import factories as f
from community.members.factories import UserFactory
from events.listing.factories import EventIndexPageFactory
from events.listing.models import EventIndexPage
from events.pages.models import EventPage, FocusGroupPage, MeetingPage, WebinarPage
from tests.cms.test_admin import form_data


def event_data(**overrides):
    return form_data(
        {
            "title": "Open data clinic",
            "slug": "open-data-clinic",
            "summary": "",
            "introduction": rich_text("<p>Bring your data.</p>"),
            "start": "2030-07-01 09:00",
            "end": "2030-07-01 11:00",
            "time_zone": "America/New_York",
            "attendance": "online",
            "venue_name": "",
            "venue_address": "",
            "registration_enabled": "on",
            "capacity": "20",
            "caps": streamfield(
                [
                    (
                        "cap",
                        {
                            "dimension": "stakeholder_type",
                            "value": "business",
                            "label": "",
                            "max_seats": "",
                            "max_percent": "40",
                        },
                    )
                ]
            ),
            "languages": ["en", "it"],
            "programme": streamfield([]),
            "related_publications": streamfield([]),
            **overrides,
        }
    )


class EventAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_site()
        cls.index = EventIndexPageFactory(parent=cls.home)
        cls.editor = UserFactory(is_superuser=True, is_staff=True)

    def setUp(self):
        self.client.force_login(self.editor)

    def test_the_events_index_goes_under_the_home_page_and_holds_every_kind_of_event(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {type(self.home)})
        # Every kind of event, including those of apps above events (co-design workshops).
        allowed = set(EventIndexPage.clean_subpage_models())
        assert {WebinarPage, FocusGroupPage, MeetingPage} <= allowed
        assert all(issubclass(model, EventPage) for model in allowed)

    def test_times_typed_by_the_editor_are_in_the_events_time_zone(self):
        data = event_data(
            join_url="https://meet.example.org/x",
            recording_url="",
            slides=streamfield([]),
            transcripts=inline_formset([]),
        )
        self.assertCanCreate(self.index, WebinarPage, data)
        webinar = WebinarPage.objects.get(slug="open-data-clinic", alias_of__isnull=True)
        new_york = zoneinfo.ZoneInfo("America/New_York")
        assert webinar.start == datetime.datetime(2030, 7, 1, 9, 0, tzinfo=new_york)
        assert webinar.languages == ["en", "it"]
        assert webinar.cap_rules()[0].limit == 8
        # The edit form shows them back as typed, in the event's zone.
        edit = self.client.get(f"/admin/pages/{webinar.pk}/edit/")
        assert "2030-07-01 09:00" in edit.content.decode()

    def test_an_end_before_the_start_is_refused_beside_the_field(self):
        data = event_data(
            end="2030-07-01 08:00",
            question="",
            target_helixes=["academia"],
            application_guidance="",
            outcomes=rich_text(""),
        )
        response = self.client.post(
            f"/admin/pages/add/events/focusgrouppage/{self.index.pk}/", data
        )
        assert response.status_code == 200
        assert "The end cannot be before the start." in response.content.decode()
        assert not FocusGroupPage.objects.exists()
