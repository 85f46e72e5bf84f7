"""A member's permissions, their own and their groups', read in one query
(community.members.backends.ModelBackend) with Django's answers."""

import pytest
from django.contrib.auth.models import Group, Permission

from community.members.factories import UserFactory

pytestmark = pytest.mark.django_db


def permission(codename):
    return Permission.objects.get(codename=codename)


def fresh(user):
    return type(user).objects.get(pk=user.pk)


def test_a_permission_given_to_the_member_or_to_their_group_is_held_and_no_other():
    direct, grouped, neither = UserFactory(), UserFactory(), UserFactory()
    direct.user_permissions.add(permission("manage_all_registrations"))
    group = Group.objects.create(name="Registration desk")
    group.permissions.add(permission("manage_all_registrations"))
    grouped.groups.add(group)
    for user, expected in ((direct, True), (grouped, True), (neither, False)):
        assert fresh(user).has_perm("events.manage_all_registrations") is expected


def test_an_inactive_member_holds_no_permission():
    member = UserFactory()
    member.user_permissions.add(permission("manage_all_registrations"))
    member.is_active = False
    member.save()
    assert not fresh(member).has_perm("events.manage_all_registrations")


def test_a_members_permissions_are_read_in_one_query_once_per_request(
    django_assert_num_queries,
):
    member = fresh(UserFactory())
    group = Group.objects.create(name="Editors of nothing")
    member.groups.add(group)
    with django_assert_num_queries(1):
        assert not member.has_perm("wagtailadmin.access_admin")
        assert not member.has_perm("events.manage_all_registrations")
