"""allauth's limits (logins, failed logins, sign-ups, page passwords) count on the same atomic
counters as the project's own (cms/rate_limits.py, cms/allauth_rate_limits.py): parallel
attempts from two app servers let exactly the limit through, no more and no fewer.

allauth 65.21 reads, changes and writes back a list of timestamps under a lock made of
`cache.add`, and refuses a request that waited a second for that lock: on the database cache,
120 parallel logins under a limit of 100 let only 86 through. (It no longer lets too many
through, as allauth's older unlocked version did; the failed-login tests below keep that so.)
"""

import multiprocessing
import uuid
from unittest import mock

from allauth.core.internal import ratelimit as allauth_ratelimit
from django.test import RequestFactory

from cms import rate_limits
from tests.cms.test_rate_limits import REDIS_URL, _redis_or_skip

ATTEMPTS_PER_PROCESS = 10
LOGIN_FAILED_PER_ADDRESS = 5  # allauth's default: 5 failed logins per address in 5 minutes
BUSY_ATTEMPTS_PER_PROCESS = 60
BUSY_LOGIN_LIMIT = 100


def _logins_in_a_process(cache_settings, database, email, barrier, results, busy=False):
    """`_logins` in a process of its own; what went wrong there comes back as text, so the test
    reports it rather than waiting for results that never come."""
    try:
        _logins(cache_settings, database, email, barrier, busy, results)
    except BaseException:  # noqa: BLE001 - reported to the parent
        import traceback

        results.put(traceback.format_exc())
        raise


def _logins(cache_settings, database, email, barrier, busy, results):
    """A second app server: the project's settings on the shared cache, allauth's limits on,
    then logins as fast as it can: failed logins for one address, each from another IP address,
    or (`busy`) many log-in form posts from one address as the login view counts them."""
    import os

    os.environ["DJANGO_SETTINGS_MODULE"] = "opensocialcluster.settings.test"
    from django.conf import settings

    from opensocialcluster.settings import base

    settings.CACHES = {"default": cache_settings}
    # Writers wait for SQLite's lock as long as PostgreSQL's wait for a row lock. A transaction
    # takes the write lock when it begins: one that read first and then wrote (Django's
    # `cache.add`) would be refused at once ("database is locked") instead of waiting.
    settings.DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": database,
            "OPTIONS": {"timeout": 60, "transaction_mode": "IMMEDIATE"},
        }
    }
    settings.ACCOUNT_RATE_LIMITS = (
        {"login": f"{BUSY_LOGIN_LIMIT}/m/ip"} if busy else base.ACCOUNT_RATE_LIMITS
    )
    import django

    django.setup()
    from concurrent.futures import ThreadPoolExecutor

    from allauth.account.adapter import get_adapter
    from allauth.core.internal import ratelimit
    from django.core.exceptions import ValidationError
    from django.db import connections

    def failed_login(number):
        request = RequestFactory().post(
            "/en/accounts/login/", REMOTE_ADDR=f"198.51.100.{os.getpid() % 100 + number}"
        )
        try:
            get_adapter(request).pre_authenticate(request, email=email)
        except ValidationError:
            return False
        finally:
            connections.close_all()
        return True

    def login_post(_):
        request = RequestFactory().post("/en/accounts/login/", REMOTE_ADDR="198.51.100.7")
        try:  # what allauth's LoginView does before anything else
            return ratelimit.consume_or_429(request, app="allauth.account", action="login") is None
        finally:
            connections.close_all()

    attempts = BUSY_ATTEMPTS_PER_PROCESS if busy else ATTEMPTS_PER_PROCESS
    barrier.wait()
    with ThreadPoolExecutor(attempts) as pool:
        allowed = list(pool.map(login_post if busy else failed_login, range(attempts)))
    results.put(allowed)


DATABASE_CACHE = {"BACKEND": "cms.cache.DatabaseCache", "LOCATION": "osc_cache"}


def _database_with_cache_table(tmp_path):
    import sqlite3

    database = str(tmp_path / "cache.sqlite3")
    # The table `createcachetable` makes for the database cache.
    with sqlite3.connect(database) as connection:
        connection.execute(
            "CREATE TABLE osc_cache (cache_key varchar(255) PRIMARY KEY, value text NOT NULL, "
            "expires datetime NOT NULL)"
        )
    return database


def _two_processes(cache_settings, database, busy=False):
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    email = f"{uuid.uuid4()}@example.org"
    processes = [
        context.Process(
            target=_logins_in_a_process,
            args=(cache_settings, database, email, barrier, results, busy),
        )
        for _ in range(2)
    ]
    for process in processes:
        process.start()
    allowed = []
    for _ in processes:
        result = results.get(timeout=120)
        assert isinstance(result, list), result  # a traceback from the process
        allowed += result
    for process in processes:
        process.join(timeout=30)
    return allowed


def test_parallel_failed_logins_from_two_processes_on_redis_let_exactly_the_limit_through(
    tmp_path,
):
    _redis_or_skip()
    allowed = _two_processes(
        {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL},
        str(tmp_path / "unused.sqlite3"),
    )
    assert len(allowed) == 2 * ATTEMPTS_PER_PROCESS
    assert allowed.count(True) == LOGIN_FAILED_PER_ADDRESS


def test_parallel_failed_logins_from_two_processes_on_the_database_cache_let_exactly_the_limit_through(  # noqa: E501
    tmp_path,
):
    allowed = _two_processes(DATABASE_CACHE, _database_with_cache_table(tmp_path))
    assert len(allowed) == 2 * ATTEMPTS_PER_PROCESS
    assert allowed.count(True) == LOGIN_FAILED_PER_ADDRESS


def test_many_parallel_logins_from_two_processes_on_the_database_cache_let_exactly_the_limit_through(  # noqa: E501
    tmp_path,
):
    """None is refused for want of a lock while under the limit, none gets through over it."""
    allowed = _two_processes(DATABASE_CACHE, _database_with_cache_table(tmp_path), busy=True)
    assert len(allowed) == 2 * BUSY_ATTEMPTS_PER_PROCESS
    assert allowed.count(True) == BUSY_LOGIN_LIMIT


def test_allauths_limiter_counts_on_the_projects_atomic_counters(rf, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login": "2/m/ip"}
    request = rf.post("/en/accounts/login/", REMOTE_ADDR="198.51.100.9")
    with mock.patch.object(rate_limits, "count", wraps=rate_limits.count) as count:
        results = [
            allauth_ratelimit.consume(request, app="allauth.account", action="login")
            for _ in range(3)
        ]
    assert count.call_count == 3
    assert [bool(result) for result in results] == [True, True, False]
