"""Fixtures shared by the discussion moderation tests: a space with its moderator, and a post.

Modules that need a different set (the admin queue's, with an index page) define their own.
"""

import pytest

from community.discussions.factories import DiscussionSpaceFactory, PostFactory, ThreadFactory
from community.members.factories import UserFactory


@pytest.fixture
def moderator(db):
    return UserFactory(display_name="Mona Moderator")


@pytest.fixture
def space(moderator):
    return DiscussionSpaceFactory(moderators=[moderator])


@pytest.fixture
def post(space):
    return PostFactory(thread=ThreadFactory(space=space), body="<p>Buy cheap watches</p>")
