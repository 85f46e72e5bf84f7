"""Shared test set-up: a site with a home page for every test that needs pages."""

import pytest
from django.conf import global_settings

from cms.factories import make_site
from tests import dbsetup


def pytest_configure(config):
    dbsetup.mark_run_start()


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """SQLite: each session works on its own copy of a migrated template (see tests/dbsetup.py).

    Anything else (PostgreSQL, `--nomigrations`) is set up as pytest-django does it.
    """
    from django.test.utils import setup_databases, teardown_databases

    if dbsetup.is_sqlite() and django_db_use_migrations:
        with django_db_blocker.unblock():
            copy = dbsetup.session_database(rebuild=django_db_createdb)
        yield
        with django_db_blocker.unblock():
            dbsetup.drop(copy)
        return

    from pytest_django.fixtures import _disable_migrations, _get_databases_for_setup

    if not django_db_use_migrations:
        _disable_migrations()
    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    with django_db_blocker.unblock():
        db_cfg = setup_databases(
            verbosity=request.config.option.verbose,
            interactive=False,
            aliases=aliases,
            serialized_aliases=serialized_aliases,
            keepdb=django_db_keepdb and not django_db_createdb,
        )
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            teardown_databases(db_cfg, verbosity=request.config.option.verbose)


@pytest.fixture
def home(db):
    return make_site()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Call `action(*args, **kwargs)` and run its on-commit work (emails, signals, tasks) as a
    real commit would: the tests' transaction never commits."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


@pytest.fixture(autouse=True)
def _media_in_memory(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language. Django's test client leaves the last
    request's language active in the thread (a request to /fr/... leaves French), so a later
    test's reverse() or lazy string would otherwise depend on which test ran before it."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The local-memory cache outlives a test; start each one empty."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def production_auth(settings, monkeypatch):
    """Log-in machinery as production runs it: the real password hasher and rate limits on.

    Test settings swap in a fast hasher and switch allauth's rate limits off, so nothing else
    can test timing or throttling. This fixture restores what settings/base.py (and Django's
    and allauth's defaults behind it) give production. Limits count in the cache, which the
    autouse `_fresh_cache` empties around every test. Use it as
    `@pytest.mark.usefixtures("production_auth")`.
    """
    import time
    import types

    from cms import rate_limits
    from opensocialcluster.settings import base

    # The limits count in fixed windows (minutes, 5 minutes, hours): a test that crossed a
    # window's end would start counting again. Its clock runs from the start of a day.
    offset = -time.time() % 86400
    monkeypatch.setattr(
        rate_limits, "time", types.SimpleNamespace(time=lambda: time.time() + offset)
    )
    settings.PASSWORD_HASHERS = getattr(base, "PASSWORD_HASHERS", global_settings.PASSWORD_HASHERS)
    if hasattr(base, "ACCOUNT_RATE_LIMITS"):
        settings.ACCOUNT_RATE_LIMITS = base.ACCOUNT_RATE_LIMITS
    else:
        del settings.ACCOUNT_RATE_LIMITS  # allauth's defaults
    return settings
