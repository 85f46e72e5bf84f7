"""Asking to adapt a pilot: the request reaches the pilot's contacts and the editors, both
follow it, the contacts answer in its conversation, partners who opted in are suggested and
contacted through messages, and an editor turns it into a linked pilot action."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from cms import factories as f
from cms.models import Person
from community.conversations.models import Conversation, Message
from community.members.factories import UserFactory
from community.notifications.models import Notification, NotificationKind
from community.organisations.models import MembershipStatus, OrganisationMembership
from community.participation.views import participation_context
from community.partnering import services as partnering
from community.transfers import permissions, services
from community.transfers.models import TransferRequest, TransferStatus


@pytest.fixture
def world(home):
    italy = f.CountryFactory(name="Italy", code="IT")
    spain = f.CountryFactory(name="Spain", code="ES")
    index = f.PilotActionIndexPageFactory(parent=home)
    contact_member = UserFactory(display_name="Carla Contact")
    pilot = f.PilotActionPageFactory(
        parent=index,
        title="Premises for social enterprises",
        country=italy,
        region="Veneto",
        kit_partners=[
            {"type": "partner", "value": {"helix": "public", "role": "Lends the premises."}},
            {"type": "partner", "value": {"helix": "business", "role": "Runs the shop."}},
        ],
        sectors=["green"],
    )
    pilot.kit_contacts.set([f.PersonFactory(name="Carla", contactable=True, member=contact_member)])
    pilot.save_revision().publish()
    editor = UserFactory(display_name="Eddie Editor")
    editor.groups.add(Group.objects.get_or_create(name="Editors")[0])
    requester = UserFactory(display_name="Rosa Requester")
    outsider = UserFactory(display_name="Otto Outsider")
    return locals()


def ask(world, commit, **overrides):
    values = {
        "country": world["spain"],
        "region": "Aragon",
        "organisation": "Zaragoza social co-op",
        "helix": "business",
        "already_have": "A shop front and three volunteers.",
        **overrides,
    }
    return commit(services.ask_to_adapt, world["requester"], world["pilot"], **values)


def partner(name, helix, country, *, opted_in=True, city="", member=None):
    org = f.OrganisationFactory(
        name=name, helix=helix, country=country, city=city, open_to_partnering=opted_in
    )
    if member is not None:
        OrganisationMembership.objects.create(
            organisation=org, user=member, status=MembershipStatus.ACCEPTED, role="admin"
        )
    return org


def test_request_notifies_the_pilots_contacts_and_the_editors_not_others(world, commit):
    transfer = ask(world, commit)
    notified = set(
        Notification.objects.filter(kind=NotificationKind.TRANSFER_REQUESTED).values_list(
            "recipient_id", flat=True
        )
    )
    assert notified == {world["contact_member"].pk, world["editor"].pk}
    assert transfer.status == TransferStatus.OPEN


def test_request_opens_a_conversation_with_the_contact_even_outside_shared_groups(world, commit):
    transfer = ask(world, commit)
    assert transfer.conversation is not None
    people = set(transfer.conversation.participants.values_list("user_id", flat=True))
    assert people == {world["requester"].pk, world["contact_member"].pk}
    assert transfer.conversation.messages.get().body == "A shop front and three volunteers."


def test_a_contact_who_accepts_no_messages_is_left_out_of_the_conversation(world, commit):
    world["contact_member"].message_policy = "nobody"
    world["contact_member"].save()
    transfer = ask(world, commit)
    assert transfer.conversation is None
    assert Notification.objects.filter(recipient=world["contact_member"]).exists()


def test_a_person_who_did_not_agree_to_be_contacted_is_not_told(world, commit):
    Person.objects.update(contactable=False)
    ask(world, commit)
    assert not Notification.objects.filter(recipient=world["contact_member"]).exists()


def test_requester_and_contact_follow_the_request_in_my_participation(world, commit):
    transfer = ask(world, commit)
    assert participation_context(world["requester"])["transfers_asked"] == [transfer]
    assert participation_context(world["contact_member"])["transfers_to_answer"] == [transfer]
    assert participation_context(world["outsider"])["transfers_to_answer"] == []


def test_only_the_requester_contacts_and_editors_may_open_the_request(world, commit, client):
    transfer = ask(world, commit)
    url = reverse("community:transfer", kwargs={"pk": transfer.pk})
    for member, status in (
        (world["requester"], 200),
        (world["contact_member"], 200),
        (world["editor"], 200),
        (world["outsider"], 403),
    ):
        client.force_login(member)
        assert client.get(url).status_code == status, member


def test_the_ask_form_keeps_what_was_typed_and_says_what_is_missing(world, client):
    client.force_login(world["requester"])
    url = reverse("community:transfer_new", kwargs={"page_id": world["pilot"].pk})
    response = client.post(url, {"region": "Aragon", "already_have": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Aragon"' in html
    assert response.context["form"].errors.keys() >= {"country", "helix", "already_have"}
    assert not TransferRequest.objects.exists()


def test_pilot_page_offers_to_adapt_it(world, client):
    html = client.get(world["pilot"].url).content.decode()
    assert "Adapt this pilot here" in html
    assert reverse("community:transfer_new", kwargs={"page_id": world["pilot"].pk}) in html


def test_suggestions_cover_missing_helixes_and_only_opted_in_partners(world, commit):
    aragon = partner("Aragon Council", "public", world["spain"], city="Aragon")
    partner("Hidden Council", "public", world["spain"], opted_in=False)
    partner("Other business", "business", world["italy"])
    transfer = ask(world, commit)
    suggestions = services.suggestions_for(transfer)
    names = [s.candidate.name for s in suggestions]
    assert names[0] == aragon.name
    assert "Hidden Council" not in names
    # The requester is a business: another business is no missing helix, nor in Spain.
    assert "Other business" not in names


def test_each_suggestion_says_why_in_the_readers_language(world, commit):
    from django.utils import translation

    partner("Aragon Council", "public", world["spain"], city="Aragon")
    transfer = ask(world, commit)
    (suggestion,) = services.suggestions_for(transfer)
    assert partnering.reason_texts(suggestion) == ["Public administration", "in Aragon"]
    with translation.override("it"):
        texts = partnering.reason_texts(suggestion)
    assert texts[0] != "Public administration"


def test_a_member_contacts_a_suggested_partner_without_seeing_an_email(world, commit, client):
    admin = UserFactory(display_name="Ana Admin", email="ana.secret@example.org")
    org = partner("Aragon Council", "public", world["spain"], city="Aragon", member=admin)
    transfer = ask(world, commit)
    client.force_login(world["requester"])
    url = reverse("community:transfer", kwargs={"pk": transfer.pk})
    page = client.get(url).content.decode()
    assert "Aragon Council" in page
    assert "ana.secret@example.org" not in page
    response = client.post(url, {"key": f"organisation:{org.pk}", "body": "Shall we team up?"})
    assert response.status_code == 302
    conversation = Conversation.objects.exclude(pk=transfer.conversation_id).get()
    assert set(conversation.participants.values_list("user_id", flat=True)) == {
        world["requester"].pk,
        admin.pk,
    }


def test_contacting_a_partner_not_suggested_is_refused_beside_the_message(world, commit, client):
    hidden = partner("Hidden", "public", world["spain"], opted_in=False, member=UserFactory())
    transfer = ask(world, commit)
    client.force_login(world["requester"])
    url = reverse("community:transfer", kwargs={"pk": transfer.pk})
    response = client.post(url, {"key": f"organisation:{hidden.pk}", "body": "Hello"})
    assert response.status_code == 200
    assert response.context["contact_form"].errors["body"]
    assert Message.objects.count() == 1  # only the request's own first message


def test_an_editor_turns_a_request_into_a_linked_pilot_on_the_map(world, commit, client):
    transfer = ask(world, commit)
    client.force_login(world["editor"])
    url = reverse("community:transfer_adapt", kwargs={"pk": transfer.pk})
    with_commit = client.post(
        url, {"title": "Premises in Zaragoza", "latitude": "41.6488", "longitude": "-0.8891"}
    )
    assert with_commit.status_code == 302
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.ADAPTED
    page = transfer.adapted_page
    assert page.live and page.transferred_from_id == world["pilot"].pk
    assert page.get_parent().pk == world["pilot"].get_parent().pk
    assert page in world["pilot"].lineage()["adaptations"]
    import json

    features = json.loads(client.get(world["index"].url + "geojson/").content)["features"]
    adapted = next(x for x in features if x["properties"]["title"] == "Premises in Zaragoza")
    assert adapted["properties"]["origin"]["title"] == "Premises for social enterprises"


def test_only_editors_may_turn_a_request_into_a_pilot_and_only_once(world, commit, client):
    transfer = ask(world, commit)
    data = {"title": "X", "latitude": "41", "longitude": "0"}
    url = reverse("community:transfer_adapt", kwargs={"pk": transfer.pk})
    for member in (world["requester"], world["contact_member"]):
        client.force_login(member)
        assert client.post(url, data).status_code == 403
    client.force_login(world["editor"])
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 403
    assert not permissions.can_adapt(world["editor"], TransferRequest.objects.get())


def test_the_requester_is_notified_when_the_request_becomes_a_pilot(world, commit):
    transfer = ask(world, commit)
    commit(
        services.adapt_into_pilot,
        world["editor"],
        transfer,
        title="Zaragoza premises",
        latitude="41.6",
        longitude="-0.9",
    )
    assert Notification.objects.filter(
        recipient=world["requester"], kind=NotificationKind.TRANSFER_ADAPTED
    ).exists()


def test_members_who_opted_in_are_suggested_to_the_requester_the_others_never(world, commit):
    from community.members.models import ProfileVisibility

    keen = UserFactory(display_name="Keen Public", stakeholder_type="public")
    keen.open_to_partnering = True
    keen.save()
    UserFactory(display_name="Quiet Public", stakeholder_type="public")
    UserFactory(
        display_name="Hidden Public",
        stakeholder_type="public",
        open_to_partnering=True,
        profile_visibility=ProfileVisibility.HIDDEN,
    )
    world["requester"].stakeholder_type = "public"
    world["requester"].open_to_partnering = True
    world["requester"].save()
    transfer = ask(world, commit)
    suggestions = services.suggestions_for(transfer)
    assert [s.candidate.key for s in suggestions] == [f"member:{keen.pk}"]
    assert partnering.reason_texts(suggestions[0]) == ["Public administration"]


def test_an_organisation_shares_the_topics_and_sectors_of_the_pilots_it_ran(world, commit):
    """Organisations have no topics or sectors of their own: those of the live pilots they led
    or partnered in count, once each, whatever the number of copies of those pilots."""
    topic = f.TopicFactory(name="Premises", slug="premises")
    world["pilot"].topics.add(topic)
    world["pilot"].save_revision().publish()
    lyon = partner("Lyon Tiers-Lieux", "public", world["italy"])
    idle = partner("Idle Partner", "public", world["italy"])
    other = f.PilotActionPageFactory(
        parent=world["index"], lead_partner=lyon, sectors=["green"], country=world["italy"]
    )
    other.topics.add(topic)
    other.save_revision().publish()
    f.PilotActionPageFactory(parent=world["index"], partners=[lyon], live=False)
    transfer = ask(world, commit)
    suggestions = {s.candidate.name: s for s in services.suggestions_for(transfer, limit=10)}
    ran = suggestions["Lyon Tiers-Lieux"].candidate
    assert ran.topics == {"premises"}
    assert ran.sectors == {"green"}
    assert ran.pilots_run == 1  # the unpublished pilot does not count
    assert [r.code for r in suggestions["Lyon Tiers-Lieux"].reasons] == [
        "helix",
        "topic",
        "sector",
        "pilot",
    ]
    assert suggestions["Idle Partner"].candidate.topics == frozenset()
    assert idle.name in suggestions


def test_an_italian_reader_sees_the_pilot_and_the_country_in_italian(world, commit, client):
    """The request page and My participation name the pilot's Italian copy and the country's
    Italian name, with the reader's list separator."""
    from django.utils import translation
    from wagtail.models import Locale

    italian = Locale.objects.get_or_create(language_code="it")[0]
    home = world["index"].get_parent()
    home.copy_for_translation(italian)
    world["index"].copy_for_translation(italian)
    pilot_it = world["pilot"].copy_for_translation(italian)
    pilot_it.title = "Locali per imprese sociali"
    pilot_it.save_revision().publish()
    spain_it = world["spain"].copy_for_translation(italian)
    spain_it.name = "Spagna"
    spain_it.save()
    transfer = ask(world, commit)
    client.force_login(world["requester"])
    with translation.override("it"):
        url = reverse("community:transfer", kwargs={"pk": transfer.pk})
        html = client.get(url).content.decode()
        mine = client.get(reverse("community:participation")).content.decode()
    assert f'<a href="{pilot_it.url}">Locali per imprese sociali</a>' in html
    assert "Aragon, Spagna" in html
    assert "Premises for social enterprises" not in html
    assert "<bdi>Locali per imprese sociali</bdi> → <bdi>Aragon</bdi>" in mine


@pytest.mark.parametrize("language, arrow", [("en", "→"), ("ar", "←")])
def test_my_participation_points_from_the_pilot_to_the_region_in_the_reading_direction(
    world, commit, client, language, arrow
):
    """In Arabic the pilot is read first from the right, so the arrow to the region points left."""
    from django.utils import translation

    ask(world, commit)
    client.force_login(world["requester"])
    with translation.override(language):
        url = reverse("community:participation")
    html = client.get(url).content.decode()
    assert f"<bdi>Premises for social enterprises</bdi> {arrow} <bdi>Aragon</bdi>" in html
