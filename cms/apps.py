from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import admin_explorer, allauth_rate_limits, image_chooser
        from .cache_table import create_cache_tables_after_migrate
        from .chrome_cache import (
            cache_locale_lookups,
            cache_root_page_lookups,
            cache_site_lookups,
            connect_invalidation,
        )
        from .locales import ensure_locales
        from .roles import ensure_roles_after_migrate
        from .search_content import register as register_search_kinds

        # The database cache's table, whatever settings the first `migrate` ran with; first,
        # since what the next receivers save invalidates cached chrome in that cache.
        post_migrate.connect(create_cache_tables_after_migrate, sender=self)
        post_migrate.connect(ensure_locales, sender=self)
        # The admin's roles (groups, rights, editorial workflow) follow cms/roles.py.
        post_migrate.connect(ensure_roles_after_migrate, sender=self)
        # allauth's limits (logins, sign-ups, page passwords) on the project's atomic counters.
        allauth_rate_limits.install()
        # The admin's breadcrumbs name only pages their user may see (cms/admin_explorer.py).
        admin_explorer.install()
        # Searching the image chooser within a tag (cms/image_chooser.py).
        image_chooser.install()
        # The site search's kinds of results owned here; the apps above add theirs.
        register_search_kinds()
        # The page cache is purged by every change a cached page may show, and the cached
        # sitemap and GeoJSON forgotten when what they list changes (cms/content_cache.py).
        from .page_cache_invalidation import connect as connect_page_cache

        connect_page_cache()
        # The cached chrome is forgotten whenever an editor changes what it shows.
        connect_invalidation()
        cache_locale_lookups()
        cache_site_lookups()
        cache_root_page_lookups()
