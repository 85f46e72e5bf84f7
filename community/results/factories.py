"""Factories for results (tests and the demo)."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from cms.factories import BasePageFactory
from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
from community.ideas.models import IdeaStatus
from community.results.models import IdeaResultMilestone, IdeaResultPage, ResultStatus


def published_call(**kwargs):
    """A closed call whose results were published yesterday."""
    now = timezone.now()
    defaults = {
        "opens_at": now - datetime.timedelta(days=60),
        "closes_at": now - datetime.timedelta(days=30),
        "results_published_at": now - datetime.timedelta(days=1),
    }
    return IdeaCallPageFactory(**{**defaults, **kwargs})


def selected_idea(call, **kwargs):
    return IdeaFactory(call=call, status=IdeaStatus.SELECTED, **kwargs)


class IdeaResultPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Result {n}")
    status = ResultStatus.IN_PROGRESS
    progress = 40

    class Meta:
        model = IdeaResultPage


class IdeaResultMilestoneFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Milestone {n}")
    date = factory.LazyFunction(lambda: timezone.localdate())

    class Meta:
        model = IdeaResultMilestone
