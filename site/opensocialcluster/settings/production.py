"""Production: many stateless app servers behind a proxy.

Everything comes from the environment; see README. Refuses to start without SECRET_KEY.
Checked by `manage.py check --deploy` in the test suite.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
# A guessable key forges sessions, password-reset tokens and signed cookies. Same bar as
# Django's deploy check (security.W009), plus the development and test keys of this project.
# https://docs.djangoproject.com/en/5.2/ref/checks/#security
KNOWN_DEVELOPMENT_KEYS = {"dev-only-not-secret", "test-only-not-secret"}
if (
    len(SECRET_KEY) < 50  # noqa: F405
    or len(set(SECRET_KEY)) < 5  # noqa: F405
    or SECRET_KEY.startswith("django-insecure-")  # noqa: F405
    or SECRET_KEY in KNOWN_DEVELOPMENT_KEYS  # noqa: F405
):
    raise ImproperlyConfigured(
        "SECRET_KEY is too weak for production: use at least 50 random characters, e.g. "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )

# Rate limits (logins, sign-ups, page passwords) count in the default cache, so every app
# server must see the same counts. Redis when REDIS_URL is set (settings/base.py); otherwise
# the database, which every app server already shares. Its table is created by `migrate`
# (cms/migrations/0003_database_cache_table.py). Never per-process local memory here.
if not REDIS_URL:  # noqa: F405
    CACHES = {
        "default": {
            # Django's database cache with an atomic incr, so counts are exact (cms/cache.py).
            "BACKEND": "cms.cache.DatabaseCache",
            "LOCATION": "osc_cache",
        },
        # Shared by every app server, so a purge reaches them all: never local memory here.
        # A hit then costs one query; REDIS_URL makes it none.
        "pages": {
            "BACKEND": "cms.cache.DatabaseCache",
            "LOCATION": "osc_page_cache",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
    }

# The language cookie travels over HTTPS only, like the session and CSRF cookies.
LANGUAGE_COOKIE_SECURE = True

# Hashed, compressed static files served by whitenoise (CDN-friendly, cache forever).
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# Behind a TLS-terminating proxy (https://docs.djangoproject.com/en/5.2/ref/settings/#secure-proxy-ssl-header).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "same-origin"

# A CDN or proxy in front is purged with the same batches as our page cache
# (cms/page_cache_invalidation.py). The app wagtail.contrib.frontend_cache is not installed:
# its own signal handlers would purge each page a second time, without its listings.
if os.environ.get("FRONTEND_CACHE_URL"):  # noqa: F405
    WAGTAILFRONTENDCACHE["cdn"] = {  # noqa: F405
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_URL"],  # noqa: F405
    }

LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "WARNING")  # noqa: F405

# Background work (emails, reminders, digests, newsletter sends, the search index updated on
# publish) is queued in the database for `manage.py db_worker`, so no request waits for it;
# TASKS_BACKEND=immediate runs it inside the request instead.
if os.environ.get("TASKS_BACKEND", "database") == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
