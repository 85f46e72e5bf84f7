"""Sign-up does the same slow work whether or not the address is already registered.

A taken address gets the same answer as a new one (allauth's enumeration prevention), but only a
new account's password used to be hashed: ~15 ms against ~380 ms told who is registered. With
the real hasher, both paths now hash the typed password exactly once.
"""

from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import get_hasher
from django.core import mail

from community.members.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("production_auth")]

PASSWORD = "a-Long-and-unusual-passphrase-42"


def _signup(client, email):
    return client.post(
        "/en/accounts/signup/",
        {
            "email": email,
            "password1": PASSWORD,
            "password2": PASSWORD,
            "display_name": "Someone",
            "preferred_language": "en",
        },
    )


def _hashes_during_signup(client, email):
    hasher = type(get_hasher())
    with mock.patch.object(hasher, "encode", autospec=True, side_effect=hasher.encode) as spy:
        response = _signup(client, email)
    return response, spy.call_count


def test_signup_hashes_the_password_once_for_a_new_and_for_a_taken_address(client):
    UserFactory(email="taken@example.org")
    new_response, new_hashes = _hashes_during_signup(client, "new@example.org")
    client.logout()
    taken_response, taken_hashes = _hashes_during_signup(client, "taken@example.org")

    assert new_hashes == taken_hashes == 1
    # The answers look the same, and the taken account is untouched.
    assert new_response.status_code == taken_response.status_code == 302
    assert new_response["Location"] == taken_response["Location"]
    assert get_user_model().objects.filter(email="taken@example.org").count() == 1
    assert len(mail.outbox) == 2  # a confirmation, and an "account already exists" notice


def test_the_hasher_is_the_slow_production_one():
    assert get_hasher().algorithm != "md5"
