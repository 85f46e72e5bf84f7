"""Counting attempts in the shared cache, atomically.

Reading a list of attempts, appending one and writing it back lets parallel requests (several
app servers, several workers) each read the same count and all get through: 20 parallel replies
put 6 to 8 posts through a limit of 5. Here each attempt is one atomic `incr` of a counter per
fixed window, created by `add` (which only one request wins): Redis (INCR), the local-memory
cache (a lock) and the project's database cache (`cms.cache.DatabaseCache`, a row lock) all
count each attempt exactly once.

Fixed windows start at multiples of the duration: a member may post `amount` times at the end
of one window and again at the start of the next, never more than `amount` within one window.

allauth's limits (logins, sign-ups, page passwords...) are counted here too
(cms/allauth_rate_limits.py).
"""

import contextlib
import math
import time

from django.core.cache import cache

__all__ = ["consume", "count", "forget", "give_back", "is_reached"]


def _window(key, duration, now):
    window = math.floor(now / duration)
    return f"{key}:{window}", window


def count(key, amount, duration):
    """Count one attempt under `key`; return (wait, window_key): `wait` is 0 while at most
    `amount` attempts fell in the current window of `duration` seconds, else the seconds until
    the window ends; `window_key` is the counter this attempt went to (see `give_back`)."""
    now = time.time()
    window_key, window = _window(key, duration, now)
    # A little longer than the window, so the counter cannot expire between add and incr.
    timeout = math.ceil(duration) + 1
    cache.add(window_key, 0, timeout)
    try:
        attempts = cache.incr(window_key)
    except ValueError:  # evicted between add and incr: start the window again
        cache.add(window_key, 0, timeout)
        attempts = cache.incr(window_key)
    if attempts <= amount:
        return 0, window_key
    return max(1, math.ceil((window + 1) * duration - now)), window_key


def consume(key, amount, duration):
    """Count one attempt under `key`; return 0 while at most `amount` attempts fell in the
    current window of `duration` seconds, else the seconds until the window ends."""
    return count(key, amount, duration)[0]


def give_back(window_key):
    """Take back one attempt `count` made (an atomic decrement of the same window's counter);
    nothing to do once that window is over."""
    with contextlib.suppress(ValueError):
        cache.decr(window_key)


def is_reached(key, amount, duration):
    """Whether `amount` attempts already fell in the current window (counts nothing)."""
    window_key, _ = _window(key, duration, time.time())
    return (cache.get(window_key) or 0) >= amount


def forget(key, duration):
    """Start the current window's count again."""
    cache.delete(_window(key, duration, time.time())[0])
