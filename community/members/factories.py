"""Factories for members (tests and the demo)."""

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory

from community.members.two_factor import has_two_factor


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
