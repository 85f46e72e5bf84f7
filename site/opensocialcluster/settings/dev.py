"""Local development: console email, a throwaway secret, static files and images served by
the app itself.

DEBUG stays off unless DEBUG=1 is set, so `make run` shows what visitors see: the site's own
translated 404 and 500 pages (with DEBUG on, Django replaces them with its debug pages).
"""

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", False)  # noqa: F405
# Uploaded images from MEDIA_ROOT (production: object storage or the proxy); see urls.py.
SERVE_MEDIA = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret")  # noqa: F405
# Local names only unless told otherwise: a "*" here let any Host header through, and behind a
# real host name (manage.py defaults to these settings) that poisoned password-reset links.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")  # noqa: F405
# `load_demo` runs here without --force (community/members/demo_guard.py); other settings refuse it.
DEMO_DATA_ALLOWED = True
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
