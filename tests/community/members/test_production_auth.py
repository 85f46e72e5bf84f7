"""The `production_auth` fixture really gives tests production's hasher and rate limits."""

import pytest
from django.contrib.auth.hashers import get_hasher, identify_hasher

from community.members.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("production_auth")]

PASSWORD = "a-Long-and-unusual-passphrase-42"


def test_passwords_are_stored_with_the_production_hasher_not_the_fast_test_one():
    user = UserFactory(password=PASSWORD)
    user.refresh_from_db()
    assert identify_hasher(user.password).algorithm == get_hasher("default").algorithm
    assert get_hasher("default").algorithm != "md5"
    assert user.check_password(PASSWORD)


def test_password_reset_requests_for_one_address_are_throttled(client):
    user = UserFactory(password=PASSWORD)
    statuses = [
        client.post("/en/accounts/password/reset/", {"email": user.email}).status_code
        for _ in range(6)
    ]
    # allauth's default: 5 requests a minute per address, then 429 Too Many Requests.
    assert statuses[:5] == [302] * 5
    assert statuses[5] == 429
