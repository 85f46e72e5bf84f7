"""Sign-up answer time for a new and for an already registered address (real hasher).

Run with `make benchmark`; prints both medians and their ratio. Asserts nothing about speed
(machines differ): tests/community/members/test_signup_timing.py proves deterministically that both
paths hash the password once.
"""

import statistics
import time

import pytest

from community.members.factories import UserFactory

pytestmark = [
    pytest.mark.benchmark,
    pytest.mark.django_db,
    pytest.mark.usefixtures("production_auth"),
]

ROUNDS = 7
PASSWORD = "a-Long-and-unusual-passphrase-42"


def _signup_time(client, email):
    data = {
        "email": email,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "display_name": "Someone",
        "preferred_language": "en",
    }
    client.logout()
    start = time.perf_counter()
    response = client.post("/en/accounts/signup/", data)
    elapsed = time.perf_counter() - start
    assert response.status_code == 302
    return elapsed


def test_signup_takes_as_long_for_a_taken_address_as_for_a_new_one(client, settings):
    settings.ACCOUNT_RATE_LIMITS = False  # many sign-ups from one address in a few seconds
    UserFactory(email="taken@example.org")
    new = [_signup_time(client, f"new{n}@example.org") for n in range(ROUNDS)]
    taken = [_signup_time(client, "taken@example.org") for _ in range(ROUNDS)]
    new_ms, taken_ms = statistics.median(new) * 1000, statistics.median(taken) * 1000
    print(  # noqa: T201 - the benchmark's report
        f"\nsign-up, median of {ROUNDS}: new address {new_ms:.0f} ms, "
        f"taken address {taken_ms:.0f} ms, ratio {taken_ms / new_ms:.2f}"
    )
