"""Organisations as actors: joining, admins' decisions, and proposals of new organisations."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.i18n import with_localized_labels
from cms.mail import send_templated_mail
from cms.models import Organisation, OrganisationKind
from community.organisations.models import (
    MembershipRole,
    MembershipStatus,
    OrganisationMembership,
    OrganisationProposal,
    ProposalStatus,
)
from community.organisations.permissions import can_manage_organisation, can_review_proposals

__all__ = [
    "Refused",
    "approve_proposal",
    "decide_membership",
    "leave",
    "member_organisations",
    "propose_organisation",
    "reject_proposal",
    "request_to_join",
    "set_role",
]


class Refused(Exception):
    """A refused change to an organisation or its membership; `message` is shown to the member."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def source_organisation(organisation):
    """Memberships hang on the source-language record of the snippet."""
    default = Locale.get_default()
    if organisation.locale_id == default.pk:
        return organisation
    return organisation.get_translation_or_none(default) or organisation


def request_to_join(organisation, user):
    organisation = source_organisation(organisation)
    try:
        with transaction.atomic():
            return OrganisationMembership.objects.create(organisation=organisation, user=user)
    except IntegrityError:
        membership = OrganisationMembership.objects.get(organisation=organisation, user=user)
        if membership.status == MembershipStatus.DECLINED:
            raise Refused(_("An administrator already declined your request.")) from None
        raise Refused(_("You already asked to join or are a member.")) from None


def decide_membership(membership, by, accept):
    if not can_manage_organisation(membership.organisation, by):
        raise Refused(_("Only the organisation's administrators can decide."))
    if membership.status != MembershipStatus.PENDING:
        raise Refused(_("This request has already been decided."))
    membership.status = MembershipStatus.ACCEPTED if accept else MembershipStatus.DECLINED
    membership.decided_at = timezone.now()
    membership.decided_by = by
    membership.save(update_fields=["status", "decided_at", "decided_by"])
    transaction.on_commit(
        lambda: send_templated_mail(
            "community_membership_decided", membership.user, {"membership": membership}
        )
    )
    return membership


def set_role(membership, by, role):
    """Admins appoint other admins (or make them members again); an organisation keeps at
    least one admin."""
    if not can_manage_organisation(membership.organisation, by):
        raise Refused(_("Only the organisation's administrators can change roles."))
    if membership.status != MembershipStatus.ACCEPTED:
        raise Refused(_("Only members can become administrators."))
    with transaction.atomic():
        admins = OrganisationMembership.objects.select_for_update().filter(
            organisation=membership.organisation,
            status=MembershipStatus.ACCEPTED,
            role=MembershipRole.ADMIN,
        )
        if role == MembershipRole.MEMBER and list(admins.values_list("pk", flat=True)) == [
            membership.pk
        ]:
            raise Refused(_("An organisation needs at least one administrator."))
        membership.role = role
        membership.save(update_fields=["role"])
    return membership


def leave(membership, user):
    if membership.user_id != user.pk:
        raise Refused(_("You can only leave for yourself."))
    membership.delete()


def propose_organisation(form, user):
    proposal = form.save(commit=False)
    proposal.proposed_by = user
    proposal.save()
    return proposal


def approve_proposal(proposal, by):
    """Create the Organisation (source language) and make the proposer its first admin."""
    if not can_review_proposals(by):
        raise Refused(_("Only editors can check proposals."))
    with transaction.atomic():
        proposal = OrganisationProposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.status != ProposalStatus.PENDING:
            raise Refused(_("This proposal has already been checked."))
        organisation = Organisation.objects.create(
            name=proposal.name,
            website=proposal.website,
            country=proposal.country,
            helix=proposal.helix,
            description=proposal.description,
            kind=OrganisationKind.STAKEHOLDER,
            locale=Locale.get_default(),
        )
        OrganisationMembership.objects.create(
            organisation=organisation,
            user=proposal.proposed_by,
            role=MembershipRole.ADMIN,
            status=MembershipStatus.ACCEPTED,
            decided_by=by,
            decided_at=timezone.now(),
        )
        proposal.status = ProposalStatus.APPROVED
        proposal.organisation = organisation
        proposal.reviewed_by = by
        proposal.reviewed_at = timezone.now()
        proposal.save()
    return organisation


def reject_proposal(proposal, by):
    if not can_review_proposals(by):
        raise Refused(_("Only editors can check proposals."))
    proposal.status = ProposalStatus.REJECTED
    proposal.reviewed_by = by
    proposal.reviewed_at = timezone.now()
    proposal.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    return proposal


def member_organisations(user):
    """(memberships, proposals): the member's requests to join and memberships, pending first,
    each organisation knowing its name in the reader's language; and the organisations they
    proposed, latest first. Three queries whatever their number ("My participation")."""
    memberships = list(
        OrganisationMembership.objects.filter(user=user)
        .select_related("organisation")
        .order_by("-requested_at", "-pk")
    )
    # Pending requests first: they are what the member waits for.
    memberships.sort(key=lambda membership: membership.status != MembershipStatus.PENDING)
    with_localized_labels(membership.organisation for membership in memberships)
    proposals = list(
        OrganisationProposal.objects.filter(proposed_by=user).order_by("-proposed_at", "-pk")
    )
    return memberships, proposals
