"""The page cache: anonymous readers' public pages served from the cache, never a wrong one.

A request is answered from the cache only when nothing about the reader can change the page:
a GET under a language prefix, with no cookie but the language and CSRF cookies (no session,
no messages), no Authorization header, and no query string once tracking parameters (utm_*,
fbclid, ...) are dropped. A response is stored only when it is a 200 HTML answer of a Wagtail
page (or a view marked with `page_cacheable`) that set no cookie, used no CSRF token and no CSP
nonce, said nothing against caching (Cache-Control private/no-cache/no-store), is no preview,
and whose page has no view restriction (cms/visibility.py decides: password, login, groups).
On a hit, no middleware below this one runs, so no SQL query is made.

The key is the scheme, host and path: the path carries the language prefix, so one language's
page is never served to a reader of another, whatever their language cookie or
Accept-Language. Each entry holds the page once in every encoding (identity, gzip, brotli),
with its ETag and Last-Modified, so a hit compresses nothing and answers a conditional request
with a 304.

Invalidation (docs/page-cache.md): each entry records the generation tokens of its path and of
the whole cache at the moment its rendering started; a purge replaces the path's token (or the
global one), so an entry rendered before the purge, even one stored after it by a request that
was still running, is never served again. Purges go through Wagtail's frontend-cache machinery
(`PageCacheBackend` below is one backend among any CDN's), in one batch per change, sent when
the change is committed (cms/page_cache_invalidation.py).

`settings.PAGE_CACHE_SECONDS` is how long an entry lives; 0 turns the cache off. An entry never
outlives the next moment a page turns visible by time alone (a call's results date:
`cms.visibility.next_change`), which no purge announces.
"""

import gzip
import hashlib
import uuid
from urllib.parse import parse_qsl, urlsplit

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from wagtail.contrib.frontend_cache.backends import BaseBackend

from cms.visibility import timeout_before_next_change

try:  # pinned in requirements.txt; without it, gzip only
    import brotli
except ImportError:  # pragma: no cover
    brotli = None

__all__ = [
    "PageCacheBackend",
    "PageCacheMiddleware",
    "mark_page",
    "page_cache_seconds",
    "page_cacheable",
    "purge_everything",
    "purge_paths",
]

GLOBAL_GENERATION_KEY = "osc:page-cache:generation:*"
HIT_HEADER = "X-Page-Cache"
# Query parameters that never change a page: campaign and click tracking.
IGNORED_QUERY_PARAMETERS = ("utm_", "fbclid", "gclid", "msclkid", "mc_cid", "mc_eid")
# Response headers that the cache sets itself on every answer it builds.
_OWN_HEADERS = {"content-length", "content-encoding", "etag", "last-modified", "set-cookie"}
# Vary dimensions the key covers: the encoding is chosen per request from the stored copies,
# and eligible requests carry no session or other cookie that could change the page.
_COVERED_VARY = {"accept-encoding", "cookie"}
_MIN_COMPRESS_BYTES = 200
_BROTLI_QUALITY = 5  # fast enough per miss, within a few percent of the best ratio on HTML


def page_cache_seconds():
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0) or 0)


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _digest(text):
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def path_generation_key(path):
    return f"osc:page-cache:generation:{_digest(path)}"


def entry_key(scheme, host, path):
    return f"osc:page-cache:entry:{_digest(f'{scheme}://{host}{path}')}"


def _new_token():
    return uuid.uuid4().hex


# -- which requests and responses ----------------------------------------------------------


def page_cacheable(view):
    """Mark a view whose anonymous answer may be cached like a page (its data must be purged by
    the pages it lists: it must live at a path a page's purge covers)."""
    view.page_cacheable = True
    return view


def mark_page(request, page):
    """Remember which page this request serves (a `before_serve_page` hook calls it)."""
    request._page_cache_page = page


def _language_prefixes():
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def _allowed_cookies():
    return {settings.LANGUAGE_COOKIE_NAME, settings.CSRF_COOKIE_NAME}


def _query_is_ignorable(query_string):
    for name, _value in parse_qsl(query_string, keep_blank_values=True):
        if not name.startswith(IGNORED_QUERY_PARAMETERS):
            return False
    return True


def request_is_eligible(request):
    """Whether nothing about this reader can change the page (checked before any view runs)."""
    if request.method != "GET":
        return False
    if not request.path.startswith(_language_prefixes()):
        return False
    if set(request.COOKIES) - _allowed_cookies():
        return False  # a session (a member, a passed page password), messages, anything else
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return _query_is_ignorable(request.META.get("QUERY_STRING", ""))


def _vary_headers(response):
    if not response.has_header("Vary"):
        return set()
    return {part.strip().lower() for part in response["Vary"].split(",") if part.strip()}


def _cache_control_forbids(response):
    value = response.get("Cache-Control", "").lower()
    return any(word in value for word in ("private", "no-cache", "no-store", "max-age=0"))


def _page_is_restricted(page):
    # The one rule for who may see a page (cms/visibility.py, through get_view_restrictions).
    return page.specific_deferred.get_view_restrictions().exists()


def response_is_storable(request, response):
    """Whether this answer is the same for every anonymous reader and may be shared."""
    page = getattr(request, "_page_cache_page", None)
    match = getattr(request, "resolver_match", None)
    marked_view = bool(match and getattr(match.func, "page_cacheable", False))
    if page is None and not marked_view:
        return False
    if response.status_code != 200 or response.streaming:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    if response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False  # the page carries a CSRF token for this reader
    if isinstance(getattr(request, "_csp_nonce", None), str):
        return False  # its inline script carries this answer's nonce
    if getattr(request, "is_preview", False):
        return False
    if page is not None and not getattr(page, "page_cacheable", True):
        return False  # the page shows what no purge announces (a page class says so)
    if _cache_control_forbids(response):
        return False
    if _vary_headers(response) - _COVERED_VARY:
        return False
    user = getattr(request, "_cached_user", None)
    if user is not None and user.is_authenticated:
        return False
    return not (page is not None and _page_is_restricted(page))


# -- entries --------------------------------------------------------------------------------


def _compressed(body):
    copies = {"identity": body}
    if len(body) >= _MIN_COMPRESS_BYTES:
        copies["gzip"] = gzip.compress(body, compresslevel=6, mtime=0)
        if brotli is not None:
            copies["br"] = brotli.compress(body, quality=_BROTLI_QUALITY)
    return copies


def _make_entry(response, generation):
    body = response.content
    headers = [
        (name, value) for name, value in response.items() if name.lower() not in _OWN_HEADERS
    ]
    return {
        "generation": generation,
        "headers": headers,
        "bodies": _compressed(body),
        "etag": f'W/"{hashlib.sha256(body).hexdigest()[:32]}"',
        "last_modified": int(timezone.now().timestamp()),
    }


def _accepted_encodings(header):
    accepted = {}
    for part in header.split(","):
        name, _sep, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _eq, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if name:
            accepted[name.strip().lower()] = quality
    return accepted


def _choose_encoding(request, bodies):
    accepted = _accepted_encodings(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    for encoding in ("br", "gzip"):
        quality = accepted.get(encoding, accepted.get("*", 0.0))
        if encoding in bodies and quality > 0:
            return encoding
    return "identity"


def _respond(request, entry, state):
    encoding = _choose_encoding(request, entry["bodies"])
    body = entry["bodies"][encoding]
    response = HttpResponse(body)
    for name, value in entry["headers"]:
        response[name] = value
    if encoding != "identity":
        response["Content-Encoding"] = encoding
    response["Content-Length"] = str(len(body))
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = http_date(entry["last_modified"])
    patch_vary_headers(response, ("Accept-Encoding",))
    # Browsers keep the page but ask again each time (a 304 when unchanged), so an edit shows
    # at the next visit.
    patch_cache_control(response, no_cache=True)
    response[HIT_HEADER] = state
    return get_conditional_response(
        request, etag=entry["etag"], last_modified=entry["last_modified"], response=response
    )


# -- the middleware --------------------------------------------------------------------------


def _prefixes(path):
    """ "/en/news/rss/" -> ["/en/", "/en/news/", "/en/news/rss/"]: the paths a page may sit at."""
    parts = [part for part in path.split("/") if part]
    prefixes = ["/" + "/".join(parts[: index + 1]) + "/" for index in range(len(parts))]
    if not path.endswith("/") and prefixes:
        prefixes[-1] = path
    return prefixes or ["/"]


def _page_path(request, page):
    """The prefix of the request's path that is the served page's own URL: a route of the page
    (a feed, a map layer) is purged with the page."""
    prefixes = _prefixes(request.path)
    if page is None:
        return request.path
    try:
        page_url = page.get_url_parts(request)[2]
    except TypeError:  # no routable URL
        return request.path
    depth = len([part for part in (page_url or "").split("/") if part])
    # The page served in place of a missing translation (cms/fallback.py) has its own language
    # prefix; the same depth under the request's prefix is where it was served.
    return prefixes[depth - 1] if 0 < depth <= len(prefixes) else request.path


class PageCacheMiddleware:
    """Put right after WhiteNoise, before the session middleware: a hit runs nothing below."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = page_cache_seconds()
        if not seconds or not request_is_eligible(request):
            return self.get_response(request)
        try:
            host = request.get_host()
        except DisallowedHost:
            return self.get_response(request)
        cache = _cache()
        key = entry_key(request.scheme, host, request.path)
        tokens = {"*": GLOBAL_GENERATION_KEY}
        tokens.update({path: path_generation_key(path) for path in _prefixes(request.path)})
        found = cache.get_many([key, *tokens.values()])
        if any(name not in found for name in tokens.values()):
            # First visit since the tokens were evicted or never made: make them, keeping any
            # that another server made meanwhile.
            for name in tokens.values():
                if name not in found:
                    cache.add(name, _new_token(), timeout=None)
            found = cache.get_many([key, *tokens.values()])
        current = {path: found.get(name) for path, name in tokens.items()}
        entry = found.get(key)
        if entry is not None and all(
            token is not None and current.get(path) == token
            for path, token in entry["generation"].items()
        ):
            return _respond(request, entry, "hit")

        # Read before rendering: a purge while this page renders makes its entry stale at once.
        started = timezone.now()
        response = self.get_response(request)
        if not response_is_storable(request, response):
            return response
        page_path = _page_path(request, getattr(request, "_page_cache_page", None))
        generation = {
            "*": current["*"],
            request.path: current.get(request.path),
            page_path: current.get(page_path),
        }
        if None in generation.values():
            return response
        # What time alone shows (a call's results, out at their date) announces no purge: the
        # entry expires at that moment, and is not stored when it came while rendering.
        seconds = timeout_before_next_change(seconds, since=started)
        if seconds <= 0:
            return response
        entry = _make_entry(response, generation)
        cache.set(key, entry, seconds)
        return _respond(request, entry, "miss")


# -- purging -----------------------------------------------------------------------------------


def purge_paths(paths):
    """Make every cached entry of these paths stale (every host, every encoding)."""
    paths = {path or "/" for path in paths}
    if paths:
        _cache().set_many({path_generation_key(path): _new_token() for path in paths}, None)


def purge_everything():
    """Make every cached page stale (what every page shows changed: the menu, the footer)."""
    _cache().set(GLOBAL_GENERATION_KEY, _new_token(), None)


class PageCacheBackend(BaseBackend):
    """Wagtail frontend-cache backend for our own page cache: purges the URLs' paths.

    Configured in WAGTAILFRONTENDCACHE beside any CDN's backend, so one PurgeBatch purges both.
    """

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        purge_paths(urlsplit(url).path for url in urls)
