"""community/members/permissions.py rule by rule: whose profile a reader may see.

The views' tests walk the common paths; these pin the edges (an erased or inactive member), found
by mutation testing where a broken rule still passed the suite.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from community.members.factories import UserFactory
from community.members.models import ProfileVisibility
from community.members.permissions import can_see_profile, visible_profiles

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def test_an_erased_account_is_in_no_list_of_profiles_even_if_it_was_public():
    kept = UserFactory(profile_visibility=ProfileVisibility.PUBLIC)
    erased = UserFactory(profile_visibility=ProfileVisibility.PUBLIC, erased_at=NOW)
    everyone = type(kept).objects.filter(pk__in=[kept.pk, erased.pk])
    assert list(visible_profiles(everyone, AnonymousUser())) == [kept]


def test_an_erased_or_inactive_member_has_no_profile_for_others_but_sees_their_own():
    viewer = UserFactory()
    erased = UserFactory(profile_visibility=ProfileVisibility.PUBLIC, erased_at=NOW)
    inactive = UserFactory(profile_visibility=ProfileVisibility.PUBLIC, is_active=False)
    for member in (erased, inactive):
        assert not can_see_profile(member, viewer)
        assert not can_see_profile(member, AnonymousUser())
        assert can_see_profile(member, member)
