"""Demo: the pilots' kit contacts answer through a demo account, and the organisations that
opted in to partner suggestions have someone to receive a member's message."""

from django.contrib.auth import get_user_model

from cms.models import Organisation, Person
from community.organisations.models import (
    MembershipRole,
    MembershipStatus,
    OrganisationMembership,
)

# Who answers for the demo: the kit contacts (fictional people) write from Matej's account;
# the opted-in organisations' messages reach the reviewer's account.
CONTACT_ACCOUNT = "member2@example.org"
PARTNER_ACCOUNT = "reviewer@example.org"


def build_transfers_demo():
    User = get_user_model()
    contact = User.objects.filter(email=CONTACT_ACCOUNT).first()
    partner = User.objects.filter(email=PARTNER_ACCOUNT).first()
    if contact is not None:
        Person.objects.filter(contactable=True, member__isnull=True).update(member=contact)
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
