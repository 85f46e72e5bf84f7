"""Counting attempts in the shared cache, atomically.

Reading a list of attempts, appending one and writing it back lets parallel requests (several
app servers, several workers) each read the same count and all get through: 20 parallel replies
put 6 to 8 posts through a limit of 5. Here each attempt is one atomic `incr` of a counter per
fixed window, created by `add` (which only one request wins): Redis (INCR), the local-memory
cache (a lock) and the project's database cache (`cms.cache.DatabaseCache`, a row lock) all
count each attempt exactly once.

Fixed windows start at multiples of the duration: a member may post `amount` times at the end
of one window and again at the start of the next, never more than `amount` within one window.
"""

import math
import time

from django.core.cache import cache

__all__ = ["consume"]


def consume(key, amount, duration):
    """Count one attempt under `key`; return 0 while at most `amount` attempts fell in the
    current window of `duration` seconds, else the seconds until the window ends."""
    now = time.time()
    window = math.floor(now / duration)
    window_key = f"{key}:{window}"
    # A little longer than the window, so the counter cannot expire between add and incr.
    timeout = math.ceil(duration) + 1
    cache.add(window_key, 0, timeout)
    try:
        count = cache.incr(window_key)
    except ValueError:  # evicted between add and incr: start the window again
        cache.add(window_key, 0, timeout)
        count = cache.incr(window_key)
    if count <= amount:
        return 0
    return max(1, math.ceil((window + 1) * duration - now))
