"""Factories for co-design workshops (tests and the demo)."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from cms.factories import BasePageFactory
from community.members.factories import UserFactory
from community.workshops.models import (
    CoDesignWorkshopPage,
    Contribution,
    WorkshopIndexPage,
    WorkshopPhase,
)


class WorkshopIndexPageFactory(BasePageFactory):
    title = "Co-design workshops"
    slug = "workshops"

    class Meta:
        model = WorkshopIndexPage


class CoDesignWorkshopPageFactory(BasePageFactory):
    """A workshop that started an hour ago and lasts the day, ten seats, phases added by
    `phases=[("discover", "Listening walk"), ...]`."""

    title = factory.Sequence(lambda n: f"Co-design workshop {n}")
    start = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=6))
    time_zone = "Europe/Paris"
    attendance = "in-person"
    capacity = 10
    languages = factory.LazyFunction(lambda: ["fr", "en"])
    challenge = "<p>How can every neighbourhood reach fresh, affordable food?</p>"

    class Meta:
        model = CoDesignWorkshopPage

    @factory.post_generation
    def facilitators(obj, create, extracted, **kwargs):
        if extracted:
            obj.facilitators.set(extracted)
            obj.save()

    @factory.post_generation
    def phases(obj, create, extracted, **kwargs):
        for code, name in extracted or ():
            WorkshopPhase.objects.create(page=obj, code=code, name=name)


class ContributionFactory(DjangoModelFactory):
    workshop = factory.SubFactory(CoDesignWorkshopPageFactory)
    author = factory.SubFactory(UserFactory)
    phase = "discover"
    text = factory.Sequence(lambda n: f"<p>Contribution {n}: a market stall on Tuesdays.</p>")

    class Meta:
        model = Contribution
