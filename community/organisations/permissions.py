"""Who may do what with organisations: their admins, editors, and who sees their people."""

from django.contrib.auth import get_user_model

from community.members.permissions import visible_profiles
from community.organisations.models import MembershipRole, MembershipStatus, OrganisationMembership

__all__ = [
    "can_manage_organisation",
    "can_review_proposals",
    "member_organisation_ids",
    "visible_organisation_people",
]


def member_organisation_ids(user):
    """Organisations (source-language records) this member belongs to."""
    if not user.is_authenticated:
        return set()
    return set(
        OrganisationMembership.objects.filter(
            user=user, status=MembershipStatus.ACCEPTED
        ).values_list("organisation_id", flat=True)
    )


def can_manage_organisation(organisation, user):
    """The organisation's accepted admins, and editors who manage organisations."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or user.has_perm("cms.change_organisation"):
        return True
    return OrganisationMembership.objects.filter(
        organisation=organisation,
        user=user,
        status=MembershipStatus.ACCEPTED,
        role=MembershipRole.ADMIN,
    ).exists()


def can_review_proposals(user):
    return user.is_authenticated and (user.is_superuser or user.has_perm("cms.add_organisation"))


def visible_organisation_people(organisation, viewer):
    """Accepted members of `organisation` whose profile this viewer may see."""
    members = get_user_model().objects.filter(
        organisation_memberships__organisation=organisation,
        organisation_memberships__status=MembershipStatus.ACCEPTED,
    )
    return visible_profiles(members, viewer).select_related("country").order_by("display_name")
