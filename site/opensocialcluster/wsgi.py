"""WSGI entry point (gunicorn opensocialcluster.wsgi, with site/ on the path)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opensocialcluster.settings.production")

application = get_wsgi_application()
