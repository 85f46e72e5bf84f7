"""Whose profile a reader may see: one rule for the directory, profiles, mentions, search and
the API alike."""

from community.members.models import ProfileVisibility

__all__ = ["can_see_profile", "visible_profiles"]


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
