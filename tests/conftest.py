"""Shared test set-up: a site with a home page for every test that needs pages."""

import pytest
from django.conf import global_settings

from cms.factories import make_site


@pytest.fixture
def home(db):
    return make_site()


@pytest.fixture(autouse=True)
def _media_in_memory(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The local-memory cache outlives a test; start each one empty."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def production_auth(settings):
    """Log-in machinery as production runs it: the real password hasher and rate limits on.

    Test settings swap in a fast hasher and switch allauth's rate limits off, so nothing else
    can test timing or throttling. This fixture restores what settings/base.py (and Django's
    and allauth's defaults behind it) give production. Limits count in the cache, which the
    autouse `_fresh_cache` empties around every test. Use it as
    `@pytest.mark.usefixtures("production_auth")`.
    """
    from opensocialcluster.settings import base

    settings.PASSWORD_HASHERS = getattr(base, "PASSWORD_HASHERS", global_settings.PASSWORD_HASHERS)
    if hasattr(base, "ACCOUNT_RATE_LIMITS"):
        settings.ACCOUNT_RATE_LIMITS = base.ACCOUNT_RATE_LIMITS
    else:
        del settings.ACCOUNT_RATE_LIMITS  # allauth's defaults
    return settings
