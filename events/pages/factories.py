"""Factories for event pages (tests and the demo)."""

import datetime

import factory
from django.utils import timezone

from cms.factories import BasePageFactory
from events.pages import models


def in_days(days, hour=10):
    moment = timezone.now() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class _EventFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Event {n}")
    start = factory.LazyFunction(lambda: in_days(10))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    time_zone = "Europe/Rome"
    attendance = models.Attendance.ONLINE
    capacity = 10
    languages = factory.LazyFunction(lambda: ["en"])

    class Meta:
        abstract = True

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if extracted:
            obj.topics.set(extracted)
            obj.save()

    @factory.post_generation
    def countries(obj, create, extracted, **kwargs):
        if extracted:
            obj.countries.set(extracted)
            obj.save()

    @factory.post_generation
    def organisers(obj, create, extracted, **kwargs):
        if extracted:
            obj.organisers.set(extracted)
            obj.save()


class WebinarPageFactory(_EventFactory):
    title = factory.Sequence(lambda n: f"Webinar {n}")
    join_url = "https://meet.example.org/secret-room-42"

    class Meta:
        model = models.WebinarPage


class FocusGroupPageFactory(_EventFactory):
    title = factory.Sequence(lambda n: f"Focus group {n}")
    attendance = models.Attendance.IN_PERSON
    venue_name = "Palazzo Balbi"
    target_helixes = factory.LazyFunction(lambda: ["business", "academia"])

    class Meta:
        model = models.FocusGroupPage


def cap(dimension, value, *, seats=None, percent=None, label=""):
    """A raw `caps` StreamField item."""
    return (
        "cap",
        {
            "dimension": dimension,
            "value": value,
            "label": label or value,
            "max_seats": seats,
            "max_percent": percent,
        },
    )


class MeetingPageFactory(_EventFactory):
    title = factory.Sequence(lambda n: f"Meeting {n}")
    attendance = models.Attendance.IN_PERSON
    venue_name = "VEGA science park"

    class Meta:
        model = models.MeetingPage
