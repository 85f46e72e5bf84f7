"""Shared test set-up: a site with a home page for every test that needs pages."""

import pytest

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
