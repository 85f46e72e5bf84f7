"""Settings shared by every deployment.

Safe by default (DEBUG off) and configured only through environment variables; the
variables are listed in the README. dev/test/production override what differs.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import dj_email_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

PROJECT_DIR = Path(__file__).resolve().parent.parent  # site/opensocialcluster
BASE_DIR = PROJECT_DIR.parent.parent  # repository root


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# No default: production refuses to start without one (dev/test set their own).
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps first so their templates and translations win.
    "community",
    "events",
    "cms",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales: locales synchronised from LANGUAGES
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "community.apps.CommunityUsersAppConfig",  # wagtail.users with our user forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",  # two-factor authentication (TOTP + recovery codes), required for staff
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy (cms/security_headers.py), on every answer.
    "cms.security_headers.SecurityHeadersMiddleware",
    # 405 for unused HTTP methods; no control characters in queries (cms/request_hygiene.py).
    "cms.request_hygiene.RequestHygieneMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous readers' public pages from the cache (cms/page_cache.py): before the session
    # middleware, so a hit runs nothing below and makes no SQL query.
    "cms.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before common: picks the language from the URL prefix.
    "cms.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Members accept a new privacy policy version before going on (community/members/consent.py).
    "community.members.consent.PolicyConsentMiddleware",
    # Whoever can enter the admin sets up two-factor authentication first
    # (community/members/two_factor.py).
    "community.members.middleware.StaffTwoFactorMiddleware",
    # A control character in the path is a 404, once the reader is known and before the
    # redirects table is searched for it (cms/request_hygiene.py).
    "cms.request_hygiene.PathHygieneMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "opensocialcluster.urls"
WSGI_APPLICATION = "opensocialcluster.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Project-wide templates first (base, navigation, components), then each capability's
        # own folder (community/<capability>/templates/, events/<capability>/templates/): a
        # capability keeps its pages, partials and emails beside its code.
        "DIRS": [
            BASE_DIR / "templates",
            *sorted(BASE_DIR.glob("community/*/templates")),
            *sorted(BASE_DIR.glob("events/*/templates")),
        ],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.site_chrome",
            ],
            # Tag libraries of the capability packages (Django looks for them only in an app's
            # own templatetags/ folder).
            "libraries": {
                "notification_tags": "community.notifications.tags",
                "workshop_tags": "community.workshops.tags",
                "events_tags": "events.registrations.tags",
            },
        },
    },
]

# Database: one URL, SQLite file by default (https://github.com/jazzband/dj-database-url).
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
# A PostgreSQL read replica for the public pages (cms/db_router.py, docs/deployment.md): an
# anonymous reader's GET reads from it; members, forms, the admin and the workers use the primary.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
    # Tests see one database through both aliases.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    # Anonymous GETs read from the replica; after authentication, which reads the primary.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
        "cms.db_router.ReplicaReadsMiddleware",
    )
DATABASE_ROUTERS = ["cms.db_router.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared between app servers), local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The page cache (cms/page_cache.py) has its own alias, so pages never push rate-limit counts
# or sessions out of the default cache (and a local-memory cache's 300-entry default would
# evict the purge tokens, making every page a miss): Redis, or local memory for one process.
CACHES["pages"] = (
    {**CACHES["default"], "KEY_PREFIX": "pages"}
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
)
PAGE_CACHE_ALIAS = "pages"

# The page cache (cms/page_cache.py, docs/page-cache.md): how long an anonymous reader's page
# is kept, in seconds; 0 turns it off. Every change a page shows purges it at once, so the
# lifetime only bounds what changes with time alone (an open call closing).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Purges go through Wagtail's frontend cache: our page cache, plus a CDN when configured
# (settings/production.py). https://docs.wagtail.org/en/stable/reference/contrib/frontendcache.html
WAGTAILFRONTENDCACHE = {"page_cache": {"BACKEND": "cms.page_cache.PageCacheBackend"}}

# Users and accounts (django-allauth: https://docs.allauth.org/en/latest/account/configuration.html)
AUTH_USER_MODEL = "community.User"
AUTHENTICATION_BACKENDS = [
    # Django's, reading permissions in one query (community/members/backends.py).
    "community.members.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_FORMS = {
    "login": "community.members.forms.LoginForm",
    "signup": "community.members.forms.SignupForm",
}
ACCOUNT_ADAPTER = "community.members.adapters.AccountAdapter"
ACCOUNT_USER_DISPLAY = "community.members.adapters.user_display"  # the name, bidi-isolated
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
# One way in: Wagtail's own login forms (front end and admin) skip verification and rate limits,
# so restricted pages and the admin send people to allauth's login instead, and the old URLs
# redirect there (community/members/auth_views.py). Passwords are reset and changed through
# allauth only.
# https://docs.wagtail.org/en/stable/reference/settings.html#wagtail-frontend-login-url
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAILADMIN_LOGIN_URL = "account_login"
# A member sent to log in by a page or the admin they may not open sees the login form (to
# switch account), as with Wagtail's own form, instead of being bounced back in a loop.
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
# Rate limits (allauth's defaults plus ours), counted in the default cache, which production
# shares between app servers (REDIS_URL or the database cache, see production.py).
# https://docs.allauth.org/en/latest/account/rate_limits.html
ACCOUNT_RATE_LIMITS = {
    # Page passwords (cms/page_passwords.py): failed attempts per IP and per restriction.
    "page_password_failed": "10/m/ip,10/5m/key",
}
# Public forms (cms/antispam.py) refuse a filled honeypot and anything sent sooner than this
# many seconds after the form was shown (a signed time in the form); 0 turns the timing off.
ANTISPAM_MIN_FILL_SECONDS = int(os.environ.get("ANTISPAM_MIN_FILL_SECONDS", "3"))
# Discussions (community/moderation/services.py): posts per member in a sliding window on the
# shared cache ("5/m", "20/10m"; empty: no limit), and whether new members' first posts wait
# for a moderator's approval, and how many.
DISCUSSION_POST_RATE = os.environ.get("DISCUSSION_POST_RATE", "5/m")
DISCUSSION_FIRST_POSTS_NEED_APPROVAL = os.environ.get(
    "DISCUSSION_FIRST_POSTS_NEED_APPROVAL", ""
).lower() in ("1", "true", "yes")
DISCUSSION_FIRST_POSTS_TO_APPROVE = int(os.environ.get("DISCUSSION_FIRST_POSTS_TO_APPROVE", "1"))
# A post reported by this many different members is hidden until a moderator decides
# (community/moderation/services.py); 0 turns it off.
MODERATION_AUTO_HIDE_REPORTS = int(os.environ.get("MODERATION_AUTO_HIDE_REPORTS", "3"))
# Private messages (community/conversations/services.py): messages a member may send per
# window on the shared cache, new conversations and replies alike ("10/m"; empty: no limit).
CONVERSATION_MESSAGE_RATE = os.environ.get("CONVERSATION_MESSAGE_RATE", "10/m")
# A machine translator for posts in public spaces (never private ones: their words stay on the
# site): a URL with {source}, {target} and {text}, e.g.
# "https://translate.example/?sl={source}&tl={target}&q={text}". Empty: no "Translate" link.
DISCUSSION_TRANSLATOR_URL = os.environ.get("DISCUSSION_TRANSLATOR_URL", "")
# How often (seconds) a member's open page asks for their unread notification count
# (static/js/notification-count.js; a 304 when unchanged); 0 turns the polling off.
NOTIFICATION_POLL_SECONDS = int(os.environ.get("NOTIFICATION_POLL_SECONDS", "60"))
# Two-factor authentication: an authenticator app (TOTP) and recovery codes; required for
# everyone who can enter the admin (community/members/two_factor.py).
# https://docs.allauth.org/en/latest/mfa/configuration.html
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "OpenSocialCluster"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source; adding one is a line here plus a catalogue in locale/.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("it", "Italiano"),
    ("fr", "Français"),
    ("es", "Español"),
    ("pt", "Português"),
    ("el", "Ελληνικά"),
    ("hr", "Hrvatski"),
    ("sl", "Slovenščina"),
    ("ar", "العربية"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Rome"
FORMAT_MODULE_PATH = ["cms.formats"]

# Static and media. Whitenoise serves static files from the app servers
# (https://whitenoise.readthedocs.io/en/stable/django.html).
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
# Only development serves media from the app (settings/dev.py); documents never (their serve
# view checks privacy).
SERVE_MEDIA = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# S3-compatible object storage when a bucket is named (https://django-storages.readthedocs.io/).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_DEFAULT_ACL = None
    # The bucket stays private: every URL the storage hands out (original images, and documents
    # if one ever leaked past the serve view) is signed and short-lived. Documents are streamed
    # through Wagtail's privacy check (WAGTAILDOCS_SERVE_METHOD below), never redirected to.
    # https://django-storages.readthedocs.io/en/latest/backends/amazon-S3.html
    AWS_QUERYSTRING_AUTH = True
    AWS_QUERYSTRING_EXPIRE = int(os.environ.get("AWS_QUERYSTRING_EXPIRE", "300"))
    # Image renditions appear on public pages (Wagtail has no private images) and must stay
    # cacheable: their own storage, unsigned, public-read on their `images/` prefix only.
    # https://docs.wagtail.org/en/stable/reference/settings.html#wagtailimages-rendition-storage
    STORAGES["renditions"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"querystring_auth": False},
    }
    WAGTAILIMAGES_RENDITION_STORAGE = "renditions"

# Email: one URL (https://github.com/migonzalez/dj-email-url); console in dev.
EMAIL_CONFIG = dj_email_url.parse(os.environ.get("EMAIL_URL", "console://"))
EMAIL_BACKEND = EMAIL_CONFIG["EMAIL_BACKEND"]
EMAIL_HOST = EMAIL_CONFIG.get("EMAIL_HOST", "localhost")
EMAIL_PORT = EMAIL_CONFIG.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = EMAIL_CONFIG.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = EMAIL_CONFIG.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = EMAIL_CONFIG.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = EMAIL_CONFIG.get("EMAIL_USE_SSL", False)
# The file backend (EMAIL_URL=file://): one file per connection in this folder.
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH") or EMAIL_CONFIG.get("EMAIL_FILE_PATH") or None
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "OpenSocialCluster <noreply@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work (django-tasks): run at once by default; TASKS_BACKEND=database queues work for
# a worker process (`manage.py db_worker`, https://github.com/RealOrangeOne/django-tasks-db).
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if os.environ.get("TASKS_BACKEND") == "database"
        else "django_tasks.backends.immediate.ImmediateBackend"
    }
}

# Wagtail
WAGTAIL_SITE_NAME = "OpenSocialCluster"
# The admin's dashboard would ask releases.wagtail.org for new versions from every editor's
# browser: no third-party request (and the admin's policy refuses it). Upgrades follow
# requirements.txt. https://docs.wagtail.org/en/stable/reference/settings.html#wagtail-enable-update-check
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from Gravatar: the admin would send every editor's email hash to a third party.
# https://docs.wagtail.org/en/stable/reference/settings.html#wagtail-gravatar-provider-url
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend, language-aware: on PostgreSQL each locale is indexed and matched
# with its own text-search configuration (stemming); SQLite has no stemming. See cms/search.py
# and https://docs.wagtail.org/en/stable/topics/search/backends.html
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search"}}
# Once the corpus outgrows PostgreSQL: OpenSearch (or Elasticsearch) at SEARCH_URL, e.g.
# https://user:password@search.internal:9200 (docs/deployment.md). Wagtail's own backends; the
# search sources still decide who sees what (cms/search_sources.py, cms/visibility.py).
# https://docs.wagtail.org/en/stable/topics/search/backends.html#elasticsearch-backend
SEARCH_URL = os.environ.get("SEARCH_URL", "")
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": {
                "opensearch2": "wagtail.search.backends.opensearch2",
                "opensearch3": "wagtail.search.backends.opensearch3",
                "elasticsearch8": "wagtail.search.backends.elasticsearch8",
                "elasticsearch9": "wagtail.search.backends.elasticsearch9",
            }[os.environ.get("SEARCH_BACKEND", "opensearch2")],
            "URLS": env_list("SEARCH_URL"),
            "INDEX": os.environ.get("SEARCH_INDEX", "opensocialcluster"),
            "TIMEOUT": int(os.environ.get("SEARCH_TIMEOUT", "5")),
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
            # Publishing updates the index; a full rebuild is `manage.py update_index`.
            "AUTO_UPDATE": True,
        }
    }
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents are always streamed by Wagtail's serve view after its collection-privacy check;
# "redirect" (the default for remote storage) would hand out a reusable storage URL.
# https://docs.wagtail.org/en/stable/reference/settings.html#wagtaildocs-serve-method
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Decoding an image takes memory by pixels, not bytes: 10 MB of PNG can hold 121 megapixels.
# 50 megapixels is more than any photo a page shows (Wagtail's default is 128).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Editors manage everything in the admin; a large page editor can exceed Django's 1000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Machine translation pre-fills translations for review, only when configured
# (https://wagtail-localize.org/stable/how-to/integrations/machine-translation/):
# DeepL with DEEPL_API_KEY, or Google Cloud Translation with GOOGLE_CLOUD_PROJECT (credentials
# from GOOGLE_APPLICATION_CREDENTIALS; needs `pip install google-cloud-translate`).
if os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
    }
elif os.environ.get("GOOGLE_CLOUD_PROJECT"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.google.GoogleCloudTranslator",
        "OPTIONS": {"PROJECT_ID": os.environ["GOOGLE_CLOUD_PROJECT"]},
    }

# Tile server for the maps, fetched by the reader's browser only ({z}/{x}/{y} template);
# empty means OpenStreetMap's public tiles.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")
# The map page's "upcoming events" layer comes from the events app (cms cannot import it).
MAP_EVENTS_GEOJSON_URL_NAME = "events:upcoming_geojson"
# ...and the same events for the list under the map: a callable taking the request.
MAP_EVENTS_LIST = "events.listing.views.map_events"


def url_origin(url):
    """The origin of a URL template for a CSP source list ("{s}" subdomains become "*")."""
    parts = urlsplit(url.replace("{s}", "*"))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


# Content-Security-Policy (django-csp 4, https://django-csp.readthedocs.io/en/latest/configuration.html)
# and Permissions-Policy, sent by cms/security_headers.py. Public pages: no inline script or
# style, nothing loaded from elsewhere but map tiles, stored media and embedded videos.
MEDIA_ORIGINS = [origin for origin in [url_origin(MEDIA_URL)] if origin]
if AWS_STORAGE_BUCKET_NAME:
    if AWS_S3_CUSTOM_DOMAIN:
        MEDIA_ORIGINS.append(f"https://{AWS_S3_CUSTOM_DOMAIN}")
    elif AWS_S3_ENDPOINT_URL:  # S3-compatible service: path-style or bucket subdomain
        _endpoint = urlsplit(AWS_S3_ENDPOINT_URL)
        MEDIA_ORIGINS += [
            f"{_endpoint.scheme}://{_endpoint.netloc}",
            f"{_endpoint.scheme}://{AWS_STORAGE_BUCKET_NAME}.{_endpoint.netloc}",
        ]
    else:
        MEDIA_ORIGINS.append(f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com")
        if AWS_S3_REGION_NAME:
            MEDIA_ORIGINS.append(
                f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{AWS_S3_REGION_NAME}.amazonaws.com"
            )
MAP_TILE_ORIGIN = url_origin(MAP_TILE_URL) or "https://tile.openstreetmap.org"
# Players of embed blocks (cms/blocks.py EmbedVideoBlock); others stay a link.
EMBED_FRAME_ORIGINS = env_list(
    "EMBED_FRAME_ORIGINS",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com",
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # data: for the small icons Leaflet's stylesheet inlines.
        "img-src": [SELF, "data:", MAP_TILE_ORIGIN, *MEDIA_ORIGINS],
        "media-src": [SELF, *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *EMBED_FRAME_ORIGINS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# The Wagtail admin writes inline scripts and styles (https://github.com/wagtail/wagtail/issues/1288),
# shows uploads as data:/blob: previews, and frames its own page previews.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", MAP_TILE_ORIGIN, *MEDIA_ORIGINS],
    }
}
ADMIN_URL_PREFIXES = ["/django-admin/"]
# Browser features no page uses are switched off for the site and anything it embeds.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
)

# A minimal view at /__floor__/ for `make benchmark` (tests/benchmarks/stack.py): what the
# server and the middleware cost alone, the floor every page is compared with. Off by default.
BENCHMARK_FLOOR = env_bool("BENCHMARK_FLOOR", False)

REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# The reader's language choice (switcher) is remembered for a year.
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
