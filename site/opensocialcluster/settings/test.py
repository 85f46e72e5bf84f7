"""Test settings: fast hashing, in-memory email and cache, tasks run at once.

The database comes from DATABASE_URL like everywhere else, so CI runs the same suite on
SQLite and PostgreSQL.
"""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
# Tests load the demo (community/members/demo_guard.py); production settings refuse it.
DEMO_DATA_ALLOWED = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
# Off for the suite, which counts queries and reads pages after changing data in ways no
# publish signal announces; tests/cms/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = 0
SESSION_ENGINE = "django.contrib.sessions.backends.db"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = "http://testserver"
# Rate limits live in the cache; tests sign up and log in far faster than people do.
ACCOUNT_RATE_LIMITS = False
# Tests post forms at once; tests/cms/test_antispam.py turns the minimum fill time back on.
ANTISPAM_MIN_FILL_SECONDS = 0
# Likewise the posting rate limit; tests/community/moderation/test_moderation.py turns it back on.
DISCUSSION_POST_RATE = ""
# And the private messages' rate limit; tests/community/conversations turn it back on.
CONVERSATION_MESSAGE_RATE = ""
# Serve static files from the app folders (no collectstatic before tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
LOGGING["root"]["level"] = "WARNING"  # noqa: F405 - keep test output to what matters
