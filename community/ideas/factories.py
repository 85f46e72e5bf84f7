"""Factories for idea calls and ideas (tests and the demo)."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from cms.factories import BasePageFactory
from community.ideas.models import (
    Idea,
    IdeaCallCriterion,
    IdeaCallIndexPage,
    IdeaCallPage,
    IdeaCallReviewer,
    IdeaStatus,
)
from community.members.factories import UserFactory


class IdeaCallIndexPageFactory(BasePageFactory):
    title = "Open calls"
    slug = "calls"

    class Meta:
        model = IdeaCallIndexPage


class IdeaCallPageFactory(BasePageFactory):
    """An open call (opened a week ago, closing in three weeks) with two criteria."""

    title = factory.Sequence(lambda n: f"Call for ideas {n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=21))
    time_zone = "Europe/Zagreb"

    class Meta:
        model = IdeaCallPage

    @factory.post_generation
    def criteria(obj, create, extracted, **kwargs):
        """criteria=[("Impact", 60), ...]; two by default."""
        if not create:
            return
        for name, weight in extracted or [("Social impact", 60), ("Feasibility", 40)]:
            IdeaCallCriterion.objects.create(page=obj, name=name, weight=Decimal(weight))

    @factory.post_generation
    def reviewers(obj, create, extracted, **kwargs):
        for user in extracted or ():
            IdeaCallReviewer.objects.create(page=obj, user=user)


class IdeaFactory(DjangoModelFactory):
    call = factory.SubFactory(IdeaCallPageFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Idea {n}")
    summary = "A community kitchen run by and for the neighbourhood."
    problem = "<p>Isolation of older people.</p>"
    solution = "<p>Shared meals, cooked together.</p>"
    language = "en"
    status = IdeaStatus.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Idea


# --- co-design workshops ---
