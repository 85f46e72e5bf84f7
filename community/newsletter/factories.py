"""Factories for the newsletter (tests and the demo)."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from cms.factories import BasePageFactory
from community.newsletter.models import (
    NewsletterIndexPage,
    NewsletterPage,
    NewsletterSubscription,
    SubscriptionStatus,
)


class NewsletterIndexPageFactory(BasePageFactory):
    title = "Newsletter"
    slug = "newsletter"

    class Meta:
        model = NewsletterIndexPage


class NewsletterPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Newsletter issue {n}")
    intro = "<p>What happened in the network this month.</p>"

    class Meta:
        model = NewsletterPage


class NewsletterSubscriptionFactory(DjangoModelFactory):
    """A confirmed subscriber reading English unless `languages=[...]` says otherwise."""

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    languages = ",en,"
    status = SubscriptionStatus.CONFIRMED
    consent_text = "I agree to receive the newsletter."
    consented_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = NewsletterSubscription
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.topics.set(extracted)

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        if isinstance(kwargs.get("languages"), (list, tuple)):
            kwargs["languages"] = f",{','.join(kwargs['languages'])},"
        return kwargs
