"""Set-up for the events tests: a site with an events index, members, an organiser."""

import pytest
from django.contrib.auth import get_user_model

from cms.factories import CountryFactory, make_site
from events.listing.factories import EventIndexPageFactory


@pytest.fixture
def index(db):
    home = make_site()
    return EventIndexPageFactory(parent=home)


def make_member(email, **profile):
    user = get_user_model().objects.create_user(email=email, password="x-pass-12345")
    if profile.get("country_code"):
        code = profile.pop("country_code").upper()
        profile["country"] = CountryFactory(code=code, name=code)
    for name, value in profile.items():
        setattr(user, name, value)
    if profile:
        user.save()
    return user


@pytest.fixture
def member(db):
    return make_member("ana@example.org")


@pytest.fixture
def other_member(db):
    return make_member("bo@example.org")
