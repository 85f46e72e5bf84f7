from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .cache_table import create_cache_tables_after_migrate
        from .chrome_cache import cache_locale_lookups, connect_invalidation
        from .locales import ensure_locales
        from .roles import ensure_roles_after_migrate
        from .search_content import register as register_search_kinds

        post_migrate.connect(ensure_locales, sender=self)
        # The admin's roles (groups, rights, editorial workflow) follow cms/roles.py.
        post_migrate.connect(ensure_roles_after_migrate, sender=self)
        # The database cache's table, whatever settings the first `migrate` ran with.
        post_migrate.connect(create_cache_tables_after_migrate, sender=self)
        # The site search's kinds of results owned here; the apps above add theirs.
        register_search_kinds()
        # The cached chrome is forgotten whenever an editor changes what it shows.
        connect_invalidation()
        cache_locale_lookups()
