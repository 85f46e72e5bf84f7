"""Demo: the pilots' kit contacts answer through a demo account, the organisations that opted
in to partner suggestions have someone to receive a member's message, and one member has asked
to adapt a pilot, so both sides see a request in "My participation"."""

from django.contrib.auth import get_user_model

from cms.models import Country, Organisation, Person, PilotActionPage
from community.organisations.models import (
    MembershipRole,
    MembershipStatus,
    OrganisationMembership,
)
from community.transfers import services
from community.transfers.models import TransferRequest

# Who answers for the demo: the kit contacts (fictional people) write from Matej's account;
# the opted-in organisations' messages reach the reviewer's account.
CONTACT_ACCOUNT = "member2@example.org"
PARTNER_ACCOUNT = "reviewer@example.org"
# The Istrian foundation's coordinator asks to adapt the Brindisi urban lab in Pula.
REQUEST = {
    "requester": "member@example.org",
    "pilot": "brindisi-palazzo-guerrieri-urban-lab",
    "country": "HR",
    "region": "Istria",
    "organisation": "Foundation for Partnership and Civil Society Development",
    "helix": "civil-society",
    "already_have": (
        "The city of Pula is ready to lend a former school, and ten associations want to run "
        "it together. We need to learn how Brindisi chose its users and shared the running costs."
    ),
}


def build_transfers_demo():
    User = get_user_model()
    contact = User.objects.filter(email=CONTACT_ACCOUNT).first()
    partner = User.objects.filter(email=PARTNER_ACCOUNT).first()
    if contact is not None:
        Person.objects.filter(contactable=True, member__isnull=True).update(member=contact)
    _request()
    if partner is None:
        return
    opted_in = Organisation.objects.filter(open_to_partnering=True, locale__language_code="en")
    for organisation in opted_in:
        has_someone = OrganisationMembership.objects.filter(
            organisation=organisation, status=MembershipStatus.ACCEPTED
        ).exists()
        if not has_someone:
            OrganisationMembership.objects.get_or_create(
                organisation=organisation,
                user=partner,
                defaults={"status": MembershipStatus.ACCEPTED, "role": MembershipRole.ADMIN},
            )


def _request():
    """The demo's one adaptation request, made once, through the service members use."""
    requester = get_user_model().objects.filter(email=REQUEST["requester"]).first()
    pilot = PilotActionPage.objects.filter(slug=REQUEST["pilot"], locale__language_code="en")
    pilot = pilot.first()
    if requester is None or pilot is None:
        return
    if TransferRequest.objects.filter(pilot=pilot, requester=requester).exists():
        return
    services.ask_to_adapt(
        requester,
        pilot,
        country=Country.objects.filter(code=REQUEST["country"], locale=pilot.locale).first(),
        region=REQUEST["region"],
        organisation=REQUEST["organisation"],
        helix=REQUEST["helix"],
        already_have=REQUEST["already_have"],
    )
