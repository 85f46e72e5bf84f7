"""Factories for the discussions (tests and demo)."""

import factory
from factory.django import DjangoModelFactory

from cms.factories import BasePageFactory
from community.discussions.models import (
    DiscussionIndexPage,
    DiscussionSpace,
    Post,
    SpaceVisibility,
    Thread,
)
from community.members.factories import UserFactory

__all__ = [
    "DiscussionIndexPageFactory",
    "DiscussionSpaceFactory",
    "PostFactory",
    "ThreadFactory",
]


class DiscussionIndexPageFactory(BasePageFactory):
    title = "Discussions"
    slug = "discussions"

    class Meta:
        model = DiscussionIndexPage


class DiscussionSpaceFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Space {n}")
    slug = factory.Sequence(lambda n: f"space-{n}")
    description = "Where members compare notes."
    visibility = SpaceVisibility.PUBLIC

    class Meta:
        model = DiscussionSpace
        skip_postgeneration_save = True

    @factory.post_generation
    def moderators(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.moderators.set(extracted)


class ThreadFactory(DjangoModelFactory):
    space = factory.SubFactory(DiscussionSpaceFactory)
    title = factory.Sequence(lambda n: f"Thread {n}")
    author = factory.SubFactory(UserFactory)

    class Meta:
        model = Thread


class PostFactory(DjangoModelFactory):
    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"<p>Post number {n}.</p>")
    language = "en"

    class Meta:
        model = Post
