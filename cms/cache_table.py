"""The database cache's table exists wherever the settings use the database cache.

Migration cms/0003 created it once, under the settings `migrate` ran with: a first `migrate`
under development settings (local memory) made no table, and production without Redis then
answered every page with a 500. Every `migrate` now creates a missing table (createcachetable is
idempotent), and the app servers refuse to start without it, saying what to run.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connections, router

__all__ = ["create_cache_tables_after_migrate", "require_cache_tables"]


def _database_cache_tables():
    """(alias, table) for every cache kept in the database."""
    from django.core.cache import caches
    from django.core.cache.backends.db import BaseDatabaseCache

    for alias in settings.CACHES:
        cache = caches[alias]
        if isinstance(cache, BaseDatabaseCache):
            yield router.db_for_read(cache.cache_model_class), cache._table


def create_cache_tables_after_migrate(sender, using, verbosity=0, **kwargs):
    call_command("createcachetable", database=using, verbosity=0)


def require_cache_tables():
    """Raise ImproperlyConfigured when a database cache has no table (run at app-server start)."""
    for database, table in _database_cache_tables():
        if table not in connections[database].introspection.table_names():
            raise ImproperlyConfigured(
                f"The cache table {table!r} is missing from the database: run "
                "`manage.py migrate` (or `manage.py createcachetable`) with these settings "
                "before starting the app servers, or set REDIS_URL."
            )
