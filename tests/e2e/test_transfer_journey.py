"""On a phone (390 px), in English and in Italian: a member in Spain asks to adapt an Italian
pilot, sees three suggested partners with their reasons and writes to one; the pilot's contact
answers in the request's conversation; an editor turns the request into a linked pilot action
that the map draws from its origin. Selectors use ids and test ids, not words."""

import json

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page

from cms import factories as f
from cms.roles import ensure_roles
from community.conversations.models import Conversation, Message
from community.organisations.models import MembershipStatus, OrganisationMembership
from community.transfers.models import TransferRequest, TransferStatus
from tests.e2e.sessions import sign_in
from tests.events.conftest import make_member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}}


@pytest.fixture
def world():
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    home = f.make_site()
    ensure_roles()  # the flush took the Editors' page permissions away
    italy = f.CountryFactory(name="Italy", code="IT")
    spain = f.CountryFactory(name="Spain", code="ES")
    index = f.PilotActionIndexPageFactory(parent=home)
    # Countries exist in every site language; the form offers those of the reader's.
    italian = Locale.objects.get(language_code="it")
    for country in (italy, spain):
        country.copy_for_translation(italian).save()
    contact = make_member("carla@example.org", display_name="Carla Contact")
    pilot = f.PilotActionPageFactory(
        parent=index,
        title="Premises for social enterprises",
        country=italy,
        region="Veneto",
        latitude="45.4408",
        longitude="12.3155",
        kit_problem="<p>Empty shops in the old town.</p>",
        kit_partners=[
            {"type": "partner", "value": {"helix": "public", "role": "Lends the premises."}},
            {"type": "partner", "value": {"helix": "academia", "role": "Measures results."}},
            {"type": "partner", "value": {"helix": "civil-society", "role": "Runs it."}},
        ],
        sectors=["green"],
    )
    pilot.kit_contacts.set([f.PersonFactory(name="Carla", contactable=True, member=contact)])
    pilot.save_revision().publish()
    partners = []
    for name, helix in (
        ("Aragon Council", "public"),
        ("Zaragoza University", "academia"),
        ("Huesca Neighbours", "civil-society"),
    ):
        org = f.OrganisationFactory(
            name=name, helix=helix, country=spain, city="Aragon", open_to_partnering=True
        )
        admin = make_member(f"{helix}@example.org", display_name=f"{name} admin")
        OrganisationMembership.objects.create(
            organisation=org, user=admin, status=MembershipStatus.ACCEPTED, role="admin"
        )
        partners.append((org, admin))
    f.OrganisationFactory(name="Not asked", helix="public", country=spain)
    rosa = make_member("rosa@example.org", display_name="Rosa Requester")
    editor = make_member("editor@example.org", display_name="Eddie Editor")
    editor.groups.add(Group.objects.get_or_create(name="Editors")[0])
    return locals()


def no_sideways_scroll(page):
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("language", ["en", "it"])
def test_a_member_abroad_adapts_a_pilot_with_suggested_partners_on_a_phone(
    open_page, live_server, world, language
):
    pilot = world["pilot"]
    spain = world["spain"].get_translation(Locale.objects.get(language_code=language))
    # Rosa, in Spain, opens the pilot's page and asks to adapt it.
    rosa = open_page(**PHONE)
    sign_in(rosa, live_server, world["rosa"])
    rosa.goto(f"{live_server.url}/{language}/community/pilots/{pilot.pk}/adapt/")
    assert rosa.locator("html").get_attribute("lang") == language
    rosa.locator("#id_country").select_option(str(spain.pk))
    rosa.locator("#id_region").fill("Aragon")
    rosa.locator("#id_organisation").fill("Zaragoza social co-op")
    rosa.locator("#id_helix").select_option("business")
    rosa.locator("#id_already_have").fill("A shop front and three volunteers.")
    rosa.locator("form.form button[type=submit]").click()
    suggestions = rosa.locator('[data-testid="suggestions"] > li')
    suggestions.first.wait_for()
    assert suggestions.count() == 3
    assert "Not asked" not in rosa.locator('[data-testid="suggestions"]').inner_text()
    for item in suggestions.all():
        assert item.locator(".suggestion__why").inner_text().strip()
    assert no_sideways_scroll(rosa)
    transfer = TransferRequest.objects.get()

    # She writes to the first suggested partner, without seeing any address.
    first = suggestions.first
    first.locator("summary").click()
    first.locator("textarea").fill("Shall we team up for the premises?")
    first.locator("button[type=submit]").click()
    rosa.locator('[data-testid="message-list"]').wait_for()
    assert "@example.org" not in rosa.content()
    assert Conversation.objects.exclude(pk=transfer.conversation_id).count() == 1

    # The pilot's contact answers in the request's conversation.
    carla = open_page(**PHONE)
    sign_in(carla, live_server, world["contact"])
    carla.goto(f"{live_server.url}/{language}/community/participation/")
    carla.locator('[data-testid="my-transfers"] a').first.click()
    carla.locator('[data-testid="request-thread"]').click()
    carla.locator("#id_body").fill("Welcome! Our lending agreement is in the kit.")
    carla.locator("form.reply-form button[type=submit]").click()
    carla.locator(".conversation-message--mine", has_text="lending agreement").wait_for()
    assert Message.objects.filter(
        conversation=transfer.conversation, author=world["contact"]
    ).exists()

    # An editor turns the request into a pilot action linked to its origin, on the map.
    eddie = open_page(**PHONE)
    sign_in(eddie, live_server, world["editor"])
    eddie.goto(f"{live_server.url}/{language}/community/transfers/{transfer.pk}/")
    eddie.locator("#id_title").fill("Premises in Zaragoza")
    eddie.locator("#id_latitude").fill("41.6488")
    eddie.locator("#id_longitude").fill("-0.8891")
    eddie.locator("#id_longitude").press("Enter")
    eddie.wait_for_url("**/premises-in-zaragoza/")
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.ADAPTED
    geojson = eddie.request.get(f"{live_server.url}{world['index'].url}geojson/")
    features = {
        feature["properties"]["title"]: feature["properties"]
        for feature in json.loads(geojson.text())["features"]
    }
    assert features["Premises in Zaragoza"]["origin"]["title"] == pilot.title
