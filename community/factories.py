"""Factories for community models."""

import datetime
from decimal import Decimal

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.utils import timezone
from factory.django import DjangoModelFactory

from cms.factories import BasePageFactory
from community.models import (
    CoDesignWorkshopPage,
    Contribution,
    Idea,
    IdeaCallCriterion,
    IdeaCallPage,
    IdeaCallReviewer,
    IdeaStatus,
    NewsletterIndexPage,
    NewsletterPage,
    NewsletterSubscription,
    SubscriptionStatus,
    WorkshopPhase,
)

from .two_factor import has_two_factor


class UserFactory(DjangoModelFactory):
    email = factory.Sequence(lambda n: f"member{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Member {n}")
    preferred_language = "en"
    password = factory.django.Password("resilient-demo")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """Mark the email verified (allauth) unless verified=False is passed."""
        if create and extracted is not False:
            EmailAddress.objects.update_or_create(
                user=obj, email=obj.email, defaults={"verified": True, "primary": True}
            )

    @factory.post_generation
    def two_factor(obj, create, extracted, **kwargs):
        """Staff have an authenticator app (TOTP), as the admin requires, unless two_factor=False.

        The secret is kept on the instance as `totp_secret` for tests that log in with a code.
        """
        wanted = extracted if extracted is not None else (obj.is_staff or obj.is_superuser)
        if create and wanted and not has_two_factor(obj):
            obj.totp_secret = generate_totp_secret()
            TOTP.activate(obj, obj.totp_secret)


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
