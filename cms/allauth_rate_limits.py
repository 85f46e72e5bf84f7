"""allauth's rate limits (logins, failed logins, sign-ups, password resets, two-factor codes,
page passwords) counted on the project's atomic counters (cms/rate_limits.py).

allauth keeps, per key, a list of timestamps that it reads, changes and writes back while
holding a lock made of `cache.add`; a request that waits more than a second for that lock is
refused. Parallel requests on the shared cache (two app servers) were therefore refused while
far under the limit (120 parallel attempts under a limit of 1000 on the database cache: 14
refused). Here every attempt is one atomic increment, so exactly the limit gets through and no
attempt waits for another.

allauth offers no setting for this, so `install()` (called from cms/apps.py) replaces the two
functions its limiter counts with, `_consume_single_rate` and `clear`; everything in allauth
(account, mfa, headless, idp) and cms/page_passwords.py goes through them. The rates stay in
ACCOUNT_RATE_LIMITS. Windows are fixed as for the project's own limits.
"""

from dataclasses import dataclass

from allauth.core.exceptions import RateLimited
from allauth.core.internal import ratelimit as allauth_ratelimit

from . import rate_limits

__all__ = ["install"]


@dataclass
class _Usage:
    """One counted attempt, as allauth's `SingleRateLimitUsage`: a successful login takes its
    failed-login attempt back."""

    window_key: str | None  # None for a dry run: nothing was counted

    def rollback(self):
        if self.window_key:
            rate_limits.give_back(self.window_key)


def _consume_single_rate(
    request, *, app, action, rate, key=None, user=None, dry_run=False, raise_exception=False
):
    cache_key = allauth_ratelimit.get_cache_key(
        request, app=app, action=action, rate=rate, key=key, user=user
    )
    if dry_run:
        refused = rate_limits.is_reached(cache_key, rate.amount, rate.duration)
        usage = None if refused else _Usage(window_key=None)
    else:
        wait, window_key = rate_limits.count(cache_key, rate.amount, rate.duration)
        if wait:
            # A refused attempt is not kept, as in allauth: only allowed ones fill the window.
            rate_limits.give_back(window_key)
            usage = None
        else:
            usage = _Usage(window_key=window_key)
    if usage is None and raise_exception:
        raise RateLimited
    return usage


def _clear(request, *, app, action, config=None, key=None, user=None):
    for rate in allauth_ratelimit.get_rates(app=app, action=action, config=config):
        cache_key = allauth_ratelimit.get_cache_key(
            request, app=app, action=action, rate=rate, key=key, user=user
        )
        rate_limits.forget(cache_key, rate.duration)


def install():
    allauth_ratelimit._consume_single_rate = _consume_single_rate
    allauth_ratelimit.clear = _clear
