"""Reviewers and organisers for the review tests."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from cms.roles import ensure_roles
from community.members.factories import UserFactory


def make_reviewer(**kwargs):
    """A member of "Reviewers" (admin access), with two-factor set up as the admin requires."""
    group = Group.objects.filter(name="Reviewers").first()
    if group is None or not group.permissions.filter(codename="access_admin").exists():
        ensure_roles()  # what `migrate` runs; the reused test database may predate the role
    user = UserFactory(two_factor=True, **kwargs)
    user.groups.add(Group.objects.get(name="Reviewers"))
    return user


def make_organiser(home):
    group, _created = Group.objects.get_or_create(name="Call organisers")
    GroupPagePermission.objects.get_or_create(
        group=group,
        page=home,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="change_page"
        ),
    )
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user = UserFactory(is_staff=True)
    user.groups.add(group)
    return user
