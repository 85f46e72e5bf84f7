"""Shared set-up of the discussion tests: a section, one space of each kind, and one person in
each role (visitor, member, group member, moderator, staff)."""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser

from community.discussions.factories import (
    DiscussionIndexPageFactory,
    DiscussionSpaceFactory,
    PostFactory,
    ThreadFactory,
)
from community.discussions.models import SpaceVisibility
from community.members.factories import UserFactory
from events.listing.factories import EventIndexPageFactory
from events.pages.factories import FocusGroupPageFactory
from events.pages.models import RegistrationStatus
from events.registrations.models import Registration

ROLES = ("visitor", "member", "group_member", "moderator", "staff")
SPACES = ("public", "members", "private")


@dataclass
class World:
    section: object
    focus_group: object
    spaces: dict
    threads: dict
    posts: dict
    people: dict


def build_world(home):
    """One space of each visibility (the private one belongs to a focus group), one thread
    with one post in each, and a person per role."""
    section = DiscussionIndexPageFactory(parent=home)
    focus_group = FocusGroupPageFactory(parent=EventIndexPageFactory(parent=home))
    people = {
        "visitor": AnonymousUser(),
        "member": UserFactory(display_name="Plain Member"),
        "group_member": UserFactory(display_name="Group Member"),
        "moderator": UserFactory(display_name="Space Moderator"),
        "staff": UserFactory(display_name="Staff Person", is_staff=True, two_factor=False),
    }
    Registration.objects.create(
        event=focus_group, user=people["group_member"], status=RegistrationStatus.CONFIRMED
    )
    author = UserFactory(display_name="Thread Starter")
    spaces, threads, posts = {}, {}, {}
    for kind in SPACES:
        spaces[kind] = DiscussionSpaceFactory(
            title=f"{kind} space",
            slug=f"{kind}-space",
            visibility={
                "public": SpaceVisibility.PUBLIC,
                "members": SpaceVisibility.MEMBERS,
                "private": SpaceVisibility.PRIVATE,
            }[kind],
            event=focus_group if kind == "private" else None,
            moderators=[people["moderator"]],
        )
        threads[kind] = ThreadFactory(
            space=spaces[kind], author=author, title=f"Secret plans of the {kind} space"
        )
        posts[kind] = PostFactory(
            thread=threads[kind], author=author, body=f"<p>Zanzibar{kind} notes.</p>"
        )
    return World(section, focus_group, spaces, threads, posts, people)
