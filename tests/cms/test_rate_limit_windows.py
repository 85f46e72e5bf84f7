"""cms.rate_limits.consume rule by rule, on the local-memory cache with the clock held still:
how many attempts a window lets through, how long the refused wait, when a window starts again,
and a counter evicted between its creation and its increment."""

import uuid
from unittest import mock

import pytest
from django.core.cache import cache

from cms import rate_limits


@pytest.fixture
def key():
    yield f"osc:test:{uuid.uuid4()}"
    cache.clear()


def attempts(key, moments, amount=3, duration=60):
    waits = []
    for moment in moments:
        with mock.patch.object(rate_limits.time, "time", return_value=moment):
            waits.append(rate_limits.consume(key, amount, duration))
    return waits


def test_a_window_lets_exactly_the_amount_through_then_says_how_long_to_wait(key):
    # The window of 60 s that holds 125 s runs from 120 to 180.
    assert attempts(key, [125, 126, 127, 128, 130.5]) == [0, 0, 0, 52, 50]


def test_the_wait_is_rounded_up_and_never_less_than_a_second(key):
    assert attempts(key, [170, 170, 170, 179.2, 179.99]) == [0, 0, 0, 1, 1]


def test_the_next_window_starts_counting_again(key):
    assert attempts(key, [121, 122, 123, 124, 180, 181, 182, 183]) == [0, 0, 0, 56, 0, 0, 0, 57]


def test_windows_are_counted_per_key(key):
    other = f"{key}:other"
    assert attempts(key, [121, 122, 123]) == [0, 0, 0]
    assert attempts(other, [124]) == [0]
    cache.delete_many([f"{other}:2"])


def test_the_counter_outlives_its_window_by_a_second_so_it_cannot_expire_mid_count(key):
    with mock.patch.object(rate_limits.cache, "add", wraps=rate_limits.cache.add) as add:
        attempts(key, [125], duration=60)
    assert add.call_args.args == (f"{key}:2", 0, 61)


def test_a_fractional_duration_rounds_the_counters_lifetime_up(key):
    with mock.patch.object(rate_limits.cache, "add", wraps=rate_limits.cache.add) as add:
        attempts(key, [10.0], duration=2.5)
    assert add.call_args.args == (f"{key}:4", 0, 4)


def test_a_counter_evicted_between_add_and_incr_is_created_again_and_counts_the_attempt(key):
    real_incr = rate_limits.cache.incr
    calls = []

    def evicted_once(name):
        calls.append(name)
        if len(calls) == 1:
            cache.delete(name)
            raise ValueError(f"Key '{name}' not found")
        return real_incr(name)

    with mock.patch.object(rate_limits.cache, "incr", side_effect=evicted_once):
        assert attempts(key, [125], amount=1) == [0]
    assert calls == [f"{key}:2", f"{key}:2"]
    assert attempts(key, [126], amount=1) == [54]


def test_an_attempt_creates_its_windows_counter_and_counts_with_one_increment(key):
    with mock.patch.object(rate_limits.cache, "incr", wraps=rate_limits.cache.incr) as incr:
        assert attempts(key, [125]) == [0]
    assert incr.call_count == 1


def test_a_counter_created_again_after_eviction_keeps_the_windows_lifetime(key):
    real_incr = rate_limits.cache.incr
    evicted = []

    def evicted_once(name):
        if not evicted:
            evicted.append(name)
            cache.delete(name)
            raise ValueError(f"Key '{name}' not found")
        return real_incr(name)

    with (
        mock.patch.object(rate_limits.cache, "incr", side_effect=evicted_once),
        mock.patch.object(rate_limits.cache, "add", wraps=rate_limits.cache.add) as add,
    ):
        attempts(key, [125], duration=60)
    assert [call.args for call in add.call_args_list] == [(f"{key}:2", 0, 61)] * 2
