"""The site chrome, cached: what every page shows around its content and that only editors change.

Navigation, footer partners and text, site settings, a page's language links, its content
language and view restrictions, and which subtrees an anonymous visitor may not see are the
same for every reader of one site in one language. Computing them costs a dozen queries per
request; here they are computed once and kept in Django's cache (`CACHES["default"]`).

The cache is never wrong: every entry is keyed by a *generation* token, and any save or delete
of what the chrome is built from (pages, view restrictions, locales, sites, the cms app's
snippets and settings, wagtail-localize's translation records) or a publish, unpublish or move
replaces the token (`connect_invalidation`, wired in `CmsConfig.ready`). Old entries are then
simply never read again and expire. The rules themselves stay where they live (cms.visibility,
cms.translation_state, cms.i18n): this module only remembers their answers.

With the local-memory cache each process holds its own copy, so an editor's change is seen at
once only by the process that made it; deployments with several processes use a shared cache
(the database cache or Redis, see the settings).
"""

import uuid

from django.apps import apps
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

__all__ = [
    "cache_locale_lookups",
    "cache_root_page_lookups",
    "cache_site_lookups",
    "cached",
    "connect_invalidation",
    "generation",
    "invalidate",
    "locale_codes",
]

_GENERATION_KEY = "osc:chrome:generation"
_REQUEST_ATTRIBUTE = "_osc_chrome_generation"
# A day: entries of an old generation are never read again; this only bounds their lifetime.
TIMEOUT = 60 * 60 * 24
_MISSING = object()

# Apps whose every model feeds the chrome: Wagtail's pages, restrictions, locales and sites;
# the cms app's pages, snippets and settings; wagtail-localize's translation records (they
# decide whether a page counts as translated).
_SOURCE_APPS = {"wagtailcore", "cms", "wagtail_localize"}
# Models of those apps written while readers browse, which the chrome never shows: an editor's
# page subscriptions, a member's progress through a course, an API token's use.
_IGNORED_MODELS = {"wagtailcore.pagesubscription", "cms.lessonprogress", "wagtailcore.apitoken"}


# Invalidations made by this process: a request that changes content itself (then renders) must
# not keep the token it read before.
_local_invalidations = 0


def generation(request=None):
    """The current generation token (read once per request, again after a change made here)."""
    if request is not None:
        remembered = getattr(request, _REQUEST_ATTRIBUTE, None)
        if remembered and remembered[0] == _local_invalidations:
            return remembered[1]
    token = cache.get(_GENERATION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        # Another process may have set one meanwhile: keep theirs.
        if not cache.add(_GENERATION_KEY, token, None):
            token = cache.get(_GENERATION_KEY) or token
    if request is not None:
        setattr(request, _REQUEST_ATTRIBUTE, (_local_invalidations, token))
    return token


def invalidate(sender=None, created=False, **kwargs):
    """Forget every cached piece of chrome (a new generation)."""
    from wagtail.contrib.settings.models import BaseSiteSetting

    if created and isinstance(sender, type) and issubclass(sender, BaseSiteSetting):
        # Wagtail creates a site's empty settings on the first read; nothing shown changes.
        return
    global _local_invalidations
    _local_invalidations += 1
    cache.set(_GENERATION_KEY, uuid.uuid4().hex, None)


def cached(request, name, parts, compute):
    """`compute()`, remembered under `name` + `parts` for the current generation."""
    key = "osc:chrome:{}:{}:{}".format(
        generation(request), name, ":".join(str(part) for part in parts)
    )
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def _watched(model):
    from wagtail.models import Page

    if issubclass(model, Page):
        # Every app's pages: events and community pages show in menus and listings too.
        return True
    label = model._meta.label_lower
    return model._meta.app_label in _SOURCE_APPS and label not in _IGNORED_MODELS


def connect_invalidation():
    """Invalidate on every change an editor can make to what the chrome shows."""
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for model in apps.get_models():
        if _watched(model):
            uid = f"osc-chrome-{model._meta.label_lower}"
            post_save.connect(invalidate, sender=model, dispatch_uid=uid + "-save")
            post_delete.connect(invalidate, sender=model, dispatch_uid=uid + "-delete")
    # A restriction's groups decide who passes it.
    m2m_changed.connect(
        invalidate,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="osc-chrome-restriction-groups",
    )
    # A member's groups decide which group restrictions they pass (cms.visibility.reader_class).
    from django.contrib.auth import get_user_model

    m2m_changed.connect(
        invalidate,
        sender=get_user_model().groups.through,
        dispatch_uid="osc-chrome-member-groups",
    )
    page_published.connect(invalidate, dispatch_uid="osc-chrome-published")
    page_unpublished.connect(invalidate, dispatch_uid="osc-chrome-unpublished")
    post_page_move.connect(invalidate, dispatch_uid="osc-chrome-moved")


def cache_locale_lookups():
    """Wagtail finds the reader's `Locale` by language code several times per page (routing,
    `.localized`, `Locale.get_active()`), one query each. Those answers go through the chrome
    cache too; a `Locale` saved or deleted starts a new generation like any chrome source."""
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models.i18n import LocaleManager

    original = LocaleManager.get_for_language
    if getattr(original, "_osc_cached", False):
        return

    def get_for_language(self, language_code):
        code = get_supported_content_language_variant(language_code)
        if self.model._meta.label_lower != "wagtailcore.locale":
            return original(self, language_code)
        return cached(None, "locale", [code], lambda: original(self, code))

    get_for_language._osc_cached = True
    LocaleManager.get_for_language = get_for_language


def locale_codes():
    """[(locale id, language code)] of every locale, from the chrome cache: the search's
    per-language text configurations read them on every request otherwise."""
    from wagtail.models import Locale

    return cached(
        None,
        "locale-codes",
        [],
        lambda: list(Locale.objects.order_by("pk").values_list("pk", "language_code")),
    )


def cache_site_lookups():
    """Wagtail finds the request's `Site` (with its root page) in one query per request. The
    answer goes through the chrome cache, keyed by host name and port, for the host names the
    project serves (ALLOWED_HOSTS: others would only fill the cache); a site or page saved
    starts a new generation like any chrome source."""
    from django.conf import settings
    from django.http.request import validate_host
    from wagtail.models import sites

    original = sites.get_site_for_hostname
    if getattr(original, "_osc_cached", False):
        return

    def get_site_for_hostname(hostname, port):
        if not validate_host(hostname, settings.ALLOWED_HOSTS):
            return original(hostname, port)

        def compute():
            try:
                return original(hostname, port)
            except sites.Site.DoesNotExist:
                return None

        site = cached(None, "site", [hostname, port], compute)
        if site is None:
            raise sites.Site.DoesNotExist()
        return site

    get_site_for_hostname._osc_cached = True
    sites.get_site_for_hostname = get_site_for_hostname


def cache_root_page_lookups():
    """Wagtail routes every request from the site's root page in the reader's language
    (`site.root_page.localized.specific`): a query for the specific home page, and one more to
    find its translation in any other language than the root's. That page goes through the
    chrome cache, keyed by site and locale; a page saved or published starts a new generation
    like any chrome source. Only routing reads it: previews and the admin load their own."""
    from django.http import Http404
    from wagtail.models import Locale, Page, Site

    original = Page.route_for_request
    if getattr(original, "_osc_cached", False):
        return

    def route_for_request(request, path):
        if not hasattr(request, "_wagtail_route_for_request"):
            try:
                site = Site.find_for_request(request)
                if site is None:
                    request._wagtail_route_for_request = None
                else:
                    root = cached(
                        request,
                        "root-page",
                        [site.pk, Locale.get_active().pk],
                        lambda: site.root_page.localized.specific,
                    )
                    components = [component for component in path.split("/") if component]
                    request._wagtail_route_for_request = root.route(request, components)
            except Http404:
                request._wagtail_route_for_request = None
        return request._wagtail_route_for_request

    route_for_request._osc_cached = True
    Page.route_for_request = staticmethod(route_for_request)
