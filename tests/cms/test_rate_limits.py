"""Attempts are counted atomically on the shared cache: parallel requests cannot all read the
same count (20 parallel replies used to put 6 to 8 posts through a limit of 5).

Each cache production may use is tried: the local-memory cache (threads), and, across two
processes, Redis (REDIS_URL or 127.0.0.1:6379) and the project's database cache.
"""

import multiprocessing
import os
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache

from cms import rate_limits

LIMIT = 5
ATTEMPTS_PER_PROCESS = 10
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")


def _attempts_in_a_process(cache_settings, database, key, barrier, results):
    """A separate process, as a second app server: set Django up on the shared cache, wait for
    the other process, then post as fast as it can."""
    import django
    from django.conf import settings

    settings.configure(
        CACHES={"default": cache_settings},
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": database}},
        INSTALLED_APPS=[],
        USE_TZ=True,
    )
    django.setup()
    from concurrent.futures import ThreadPoolExecutor

    from cms import rate_limits

    barrier.wait()
    with ThreadPoolExecutor(ATTEMPTS_PER_PROCESS) as pool:
        waits = list(
            pool.map(lambda _: rate_limits.consume(key, LIMIT, 60), range(ATTEMPTS_PER_PROCESS))
        )
    results.put(waits)


def _two_processes(cache_settings, database=":memory:"):
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    key = f"osc:test:{uuid.uuid4()}"
    processes = [
        context.Process(
            target=_attempts_in_a_process, args=(cache_settings, database, key, barrier, results)
        )
        for _ in range(2)
    ]
    for process in processes:
        process.start()
    waits = results.get(timeout=60) + results.get(timeout=60)
    for process in processes:
        process.join(timeout=30)
    return waits


def _redis_or_skip():
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis at {REDIS_URL}: the cross-process test needs a shared cache")


def test_parallel_attempts_from_two_processes_on_redis_let_exactly_the_limit_through():
    _redis_or_skip()
    waits = _two_processes({"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL})
    assert len(waits) == 2 * ATTEMPTS_PER_PROCESS
    assert waits.count(0) == LIMIT


def test_parallel_attempts_from_two_processes_on_the_database_cache_let_exactly_the_limit_through(
    tmp_path,
):
    import sqlite3

    database = str(tmp_path / "cache.sqlite3")
    # The table `createcachetable` makes for the database cache.
    with sqlite3.connect(database) as connection:
        connection.execute(
            "CREATE TABLE osc_cache (cache_key varchar(255) PRIMARY KEY, value text NOT NULL, "
            "expires datetime NOT NULL)"
        )
    waits = _two_processes(
        {"BACKEND": "cms.cache.DatabaseCache", "LOCATION": "osc_cache"}, database
    )
    assert len(waits) == 2 * ATTEMPTS_PER_PROCESS
    assert waits.count(0) == LIMIT


def test_parallel_attempts_on_the_local_memory_cache_let_exactly_the_limit_through():
    key = f"osc:test:{uuid.uuid4()}"
    start = threading.Barrier(20)

    def attempt(_):
        start.wait()
        return rate_limits.consume(key, LIMIT, 60)

    with ThreadPoolExecutor(20) as pool:
        waits = list(pool.map(attempt, range(20)))
    assert waits.count(0) == LIMIT
    cache.clear()
