"""WSGI entry point (gunicorn opensocialcluster.wsgi, with site/ on the path)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opensocialcluster.settings.production")

application = get_wsgi_application()

# Refuse to start without the cache the rate limits count in (cms/cache_table.py): every page
# would otherwise be a server error.
from cms.cache_table import require_cache_tables  # noqa: E402 - needs the apps loaded

require_cache_tables()
