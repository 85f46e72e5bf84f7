"""A workshop is an event like any other (listing, calendar, .ics, feeds, registration), and its
contributions reach nobody outside it through any channel: only the published synthesis is
public (page, search, API)."""

import pytest
from django.utils import timezone
from icalendar import Calendar

from community.workshops import services as service
from community.workshops.factories import ContributionFactory
from community.workshops.permissions import access_for
from events.pages.factories import in_days
from events.pages.models import RegistrationStatus
from events.registrations.models import Registration
from tests.cms.trees import searched_pages
from tests.events.conftest import make_member

from .helpers import workshop_with_people

SECRET = "Zanzibarquokka"  # a word only a contribution holds
SYNTHESIS_WORD = "Marjolaineville"


@pytest.fixture
def setting(db):
    workshop, people = workshop_with_people(title="Opération Désert Alimentaire")
    ContributionFactory(
        workshop=workshop, author=people["participant"], text=f"<p>{SECRET} stall</p>"
    )
    return workshop, people


def test_the_workshop_is_listed_and_filtered_by_its_kind_on_the_events_index(client, setting):
    workshop, _people = setting
    index = workshop.get_parent()
    assert "Opération Désert Alimentaire" in client.get(index.url).content.decode()
    filtered = client.get(index.url + "?type=codesignworkshop").content.decode()
    assert "Opération Désert Alimentaire" in filtered
    assert (
        "Opération Désert Alimentaire"
        not in client.get(index.url + "?type=webinar").content.decode()
    )


def test_the_workshop_is_in_the_month_calendar(client, setting):
    workshop, _people = setting
    month = timezone.localtime(workshop.start).strftime("%Y-%m")
    body = client.get(workshop.get_parent().url + f"calendar/?month={month}").content.decode()
    assert "Opération Désert Alimentaire" in body


def test_the_workshop_is_in_the_index_ics_and_has_its_own_ics(client, setting):
    workshop, _people = setting
    for url in (workshop.get_parent().url + "ics/", workshop.url + "ics/"):
        response = client.get(url)
        titles = {str(e["summary"]) for e in Calendar.from_ical(response.content).walk("VEVENT")}
        assert "Opération Désert Alimentaire" in titles
        assert SECRET not in response.content.decode()


@pytest.mark.parametrize("feed", ["rss/", "atom/"])
def test_feeds_list_the_workshop_without_its_contributions(client, setting, feed):
    workshop, _people = setting
    body = client.get(workshop.get_parent().url + feed).content.decode()
    assert "Opération Désert Alimentaire" in body and SECRET not in body


def test_a_member_registers_for_a_workshop_like_any_event_and_becomes_a_participant(
    client, setting
):
    workshop, _people = setting
    upcoming = type(workshop).objects.get(pk=workshop.pk)
    upcoming.start, upcoming.end = in_days(10), in_days(10, hour=16)
    upcoming.save_revision().publish()
    member = make_member(
        "newcomer@example.org",
        stakeholder_type="civil-society",
        country_code="FR",
        languages=["fr"],
    )
    client.force_login(member)
    response = client.post(f"/en/events/register/{upcoming.pk}/")
    assert response.status_code == 302
    assert Registration.objects.get(user=member).status == RegistrationStatus.CONFIRMED
    access = access_for(member, upcoming)
    assert access.read and not access.contribute  # writing opens when the workshop starts


def test_contribution_text_is_on_the_page_for_a_participant_only(client, setting):
    workshop, people = setting
    client.force_login(people["participant"])
    assert SECRET in client.get(workshop.url).content.decode()
    for role in ("member", "visitor"):
        client.logout()
        if people[role]:
            client.force_login(people[role])
        assert SECRET not in client.get(workshop.url).content.decode()


def test_site_search_never_finds_a_contribution_but_finds_the_published_synthesis(client, setting):
    workshop, people = setting
    client.force_login(people["participant"])
    assert searched_pages(client.get(f"/en/search/?q={SECRET}")) or [] == []
    service.publish_synthesis(
        workshop, people["facilitator"], f"<p>{SYNTHESIS_WORD} became the pilot.</p>"
    )
    found = searched_pages(client.get(f"/en/search/?q={SYNTHESIS_WORD}"))
    assert [page.pk for page in found] == [workshop.pk]


def test_the_api_shows_phases_and_synthesis_but_no_contribution(client, setting):
    workshop, people = setting
    service.publish_synthesis(workshop, people["facilitator"], "<p>Three answers.</p>")
    listing = client.get("/api/v2/pages/?type=community.CoDesignWorkshopPage").json()
    assert [item["id"] for item in listing["items"]] == [workshop.pk]
    detail = client.get(f"/api/v2/pages/{workshop.pk}/").json()
    assert detail["published_synthesis"] == "<p>Three answers.</p>"
    assert [phase["code"] for phase in detail["phases"]] == ["discover", "define"]
    assert SECRET not in str(detail)
    assert SECRET not in client.get(f"/api/v2/pages/?search={SECRET}").content.decode()


def test_the_sitemap_lists_the_workshop_page_and_nothing_of_its_space(client, setting):
    workshop, _people = setting
    body = client.get("/sitemap-pages.xml").content.decode()
    assert workshop.url in body or workshop.full_url in body
    assert "/workshops/contributions/" not in body and SECRET not in body


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_the_events_open_data_export_lists_the_workshop_without_its_contributions(
    client, setting, fmt
):
    workshop, people = setting
    client.force_login(people["participant"])  # even a participant's export holds no contribution
    body = client.get(workshop.get_parent().url + f"export/{fmt}/").content.decode()
    assert "Opération Désert Alimentaire" in body and SECRET not in body
