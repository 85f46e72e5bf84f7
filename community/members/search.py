"""Members as a kind of result of the site search: only the profiles this reader may see
(community.members.permissions), found by the name they show, their role or bio."""

from django.contrib.auth import get_user_model
from django.db.models import Case, CharField, Q, Value, When
from django.db.models.functions import Concat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cms.search_sources import SearchHit, SearchSource, register_search_source, text_matches
from community.members.permissions import visible_profiles

__all__ = ["register"]


def search_members(query, request, locale):
    # The name a profile shows (the display name, else the full name): a first or last name
    # the member chose not to show is not searchable either.
    members = visible_profiles(get_user_model().objects.all(), request.user).annotate(
        shown_name=Case(
            When(~Q(display_name=""), then="display_name"),
            default=Concat("first_name", Value(" "), "last_name"),
            output_field=CharField(),
        )
    )
    # Names and bios are not stemmed: a name is no word of any language.
    return text_matches(
        members,
        query,
        ["shown_name", "role", "bio"],
        config=Value("simple"),
        then=("display_name", "pk"),
    )


def member_hits(members, request, locale):
    return [
        SearchHit(
            title=member.get_display_name(),
            url=reverse("community:profile", args=[member.pk]),
            summary=member.bio,
            detail=member.role,
        )
        for member in members
    ]


def register():
    register_search_source(
        SearchSource("members", _("Members"), search_members, member_hits, order=65)
    )
