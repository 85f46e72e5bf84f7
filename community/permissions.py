"""Who may see or do what in the community: each rule in one function, used by views,
exports, the admin and tests alike."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from .models import (
    CoAuthorStatus,
    ConflictOfInterest,
    Idea,
    IdeaStatus,
    MembershipRole,
    MembershipStatus,
    OrganisationMembership,
    ProfileVisibility,
)
from .models.choices import EVALUATED_STATUSES, SUBMITTED_STATUSES

__all__ = [
    "can_edit_idea",
    "can_manage_organisation",
    "can_review_proposals",
    "can_review_idea",
    "can_see_profile",
    "can_view_idea",
    "is_call_organiser",
    "is_idea_author",
    "is_public_idea",
    "member_organisation_ids",
    "public_ideas",
    "reviewable_ideas",
    "visible_organisation_people",
    "visible_profiles",
]


# --- profiles ---


def visible_profiles(queryset, viewer):
    """Members whose profile this viewer may see: public ones for everyone, members-only ones
    for signed-in members, hidden ones for nobody (their owner sees theirs on its own page)."""
    allowed = [ProfileVisibility.PUBLIC]
    if viewer is not None and viewer.is_authenticated:
        allowed.append(ProfileVisibility.MEMBERS)
    return queryset.filter(is_active=True, erased_at__isnull=True, profile_visibility__in=allowed)


def can_see_profile(member, viewer):
    if viewer is not None and viewer.is_authenticated and viewer.pk == member.pk:
        return True
    if not member.is_active or member.erased_at:
        return False
    if member.profile_visibility == ProfileVisibility.PUBLIC:
        return True
    return (
        member.profile_visibility == ProfileVisibility.MEMBERS
        and viewer is not None
        and viewer.is_authenticated
    )


# --- organisations ---


def member_organisation_ids(user):
    """Organisations (source-language records) this member belongs to."""
    if not user.is_authenticated:
        return set()
    return set(
        OrganisationMembership.objects.filter(
            user=user, status=MembershipStatus.ACCEPTED
        ).values_list("organisation_id", flat=True)
    )


# --- ideas ---


def public_ideas_q(now=None):
    """Ideas anyone may read: submitted ideas of calls that publish them, and selected ideas
    once the call's results are out. The call page's own visibility is checked by callers."""
    now = now or timezone.now()
    return Q(call__ideas_public=True, status__in=SUBMITTED_STATUSES) | Q(
        status=IdeaStatus.SELECTED, call__results_published_at__lte=now
    )


def public_ideas(queryset=None, now=None):
    return (queryset if queryset is not None else Idea.objects.all()).filter(public_ideas_q(now))


def is_public_idea(idea, now=None):
    """The same rule as `public_ideas_q`, for one idea already loaded."""
    now = now or timezone.now()
    call = idea.call
    if call.ideas_public and idea.status in SUBMITTED_STATUSES:
        return True
    published = call.results_published_at is not None and call.results_published_at <= now
    return idea.status == IdeaStatus.SELECTED and published


def is_idea_author(idea, user):
    """The author or an accepted co-author."""
    if not user.is_authenticated:
        return False
    if idea.author_id == user.pk:
        return True
    return idea.coauthors.filter(user=user, status=CoAuthorStatus.ACCEPTED).exists()


def is_call_organiser(call, user):
    """Editors who may edit the call page run it: review results, statuses, exports."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return call.permissions_for_user(user).can_edit()


def is_assigned_reviewer(call, user):
    return user.is_authenticated and user.pk in call.reviewer_ids()


def can_view_idea(idea, user):
    """Authors always; organisers and assigned, unconflicted reviewers once it is submitted;
    everyone when it is public. Drafts are their authors' alone."""
    if is_idea_author(idea, user):
        return True
    if idea.status == IdeaStatus.DRAFT:
        return False
    if idea.status in SUBMITTED_STATUSES and is_call_organiser(idea.call, user):
        return True
    if idea.status in SUBMITTED_STATUSES and can_review_idea(idea, user):
        return True
    return is_public_idea(idea)


def can_edit_idea(idea, user, now=None):
    """Authors edit drafts and submitted ideas while the call is open."""
    return (
        idea.status in (IdeaStatus.DRAFT, IdeaStatus.SUBMITTED)
        and idea.call.is_open(now)
        and is_idea_author(idea, user)
    )


# --- review ---

REVIEWABLE_STATUSES = (IdeaStatus.SUBMITTED, *EVALUATED_STATUSES)


def reviewer_organisation_ids(reviewer):
    ids = member_organisation_ids(reviewer)
    if reviewer.organisation_id:
        ids.add(reviewer.organisation_id)
    return ids


def reviewable_ideas(call, reviewer):
    """The ideas of `call` this reviewer may see and score: none unless assigned; never an idea
    they (co-)wrote or were invited to, one of their organisations' ideas, or one they
    declared a conflict with (the idea or its organisation)."""
    source = call.source_page()
    if not is_assigned_reviewer(source, reviewer):
        return Idea.objects.none()
    organisations = reviewer_organisation_ids(reviewer)
    declared = ConflictOfInterest.objects.filter(reviewer=reviewer)
    return (
        Idea.objects.filter(call=source, status__in=REVIEWABLE_STATUSES)
        .exclude(author=reviewer)
        .exclude(coauthors__user=reviewer)
        .exclude(organisation_id__in=organisations)
        .exclude(pk__in=declared.filter(idea__isnull=False).values("idea_id"))
        .exclude(
            organisation_id__in=declared.filter(organisation__isnull=False).values(
                "organisation_id"
            )
        )
    )


def can_review_idea(idea, user):
    """An assigned reviewer, without a conflict of interest with this idea."""
    return (
        user.is_authenticated
        and idea.status in REVIEWABLE_STATUSES
        and reviewable_ideas(idea.call, user).filter(pk=idea.pk).exists()
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
