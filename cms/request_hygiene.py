"""Requests the site cannot answer sensibly are answered cleanly, never with a 500.

- Control characters (NUL and the other C0/C1 codes, except tab and line breaks) are removed
  from every query parameter and the raw query string before any view sees them: PostgreSQL
  refuses a NUL in a string and SQLite's full-text syntax stops at one, so `?q=%00` used to end
  in a server error on both databases. No search, filter or page number needs them.
- A path holding a control character names no page: it gets the site's 404 before any view or
  the redirects table could look it up (PostgreSQL refuses a NUL). That check runs once the
  session, the language and the reader are known (`PathHygieneMiddleware`, placed after
  the authentication middleware): the 404 page's menu asks whether the reader may see each
  page, and answering before `request.user` existed made every such path a 500.
- In the admin, a query parameter naming a row by its key (`id`, `site`, `parent_page_id`,
  `collection_id`, any `..._id`) keeps only the values that can be a key: whole numbers from 1
  to the largest a database holds. Wagtail's admin views pass them to the database or to
  `reverse()` unchecked (`/admin/choose-page/chosen-multiple/?id=abc`, `?id=<20 digits>`, the
  link choosers' `?parent_page_id=-1`, the pages and forms listings' `?site=<20 digits>`), which
  ended in a server error; without the value, the view shows what it shows when none is given.
- Only the methods the site uses are answered: GET, HEAD, POST and OPTIONS everywhere, plus
  PUT, PATCH and DELETE in the Wagtail admin (its scripts and wagtail-localize's translation
  editor use them). TRACE, CONNECT and anything else get a 405 with an `Allow` header before
  any view runs.
"""

import re

from django.conf import settings
from django.http import Http404, HttpResponseNotAllowed, QueryDict
from django.urls import reverse
from django.utils import translation
from django.utils.deprecation import MiddlewareMixin
from django.views.defaults import page_not_found

__all__ = [
    "ADMIN_ID_PARAMETER",
    "ADMIN_METHODS",
    "ALLOWED_METHODS",
    "LARGEST_ID",
    "PathHygieneMiddleware",
    "RequestHygieneMiddleware",
    "strip_control_characters",
]

# GET, HEAD and POST are what pages, forms and the API use; OPTIONS is harmless (it describes a
# resource) and some clients send it first.
ALLOWED_METHODS = ("GET", "HEAD", "POST", "OPTIONS")
# The admin also dismisses tips with PATCH and clears previews with DELETE; the translation
# editor saves and deletes strings with PUT and DELETE.
ADMIN_METHODS = (*ALLOWED_METHODS, "PUT", "PATCH", "DELETE")

# The largest integer PostgreSQL's bigint and SQLite's INTEGER hold: no row has a larger key.
LARGEST_ID = 2**63 - 1

# The admin's query parameters that name a row by its key.
ADMIN_ID_PARAMETER = re.compile(r"^(?:id|site|\w+_id)$")

# C0 controls except \t \n \r, DEL, and the C1 controls.
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def strip_control_characters(text):
    """`text` without control characters (tab and line breaks are kept)."""
    return _CONTROL_CHARACTERS.sub("", text)


def _clean_query(query):
    """A copy of `query` (a QueryDict) without control characters, or `query` if it had none."""
    if not any(
        _CONTROL_CHARACTERS.search(key) or any(_CONTROL_CHARACTERS.search(v) for v in values)
        for key, values in query.lists()
    ):
        return query
    cleaned = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in query.lists():
        cleaned.setlist(
            strip_control_characters(key), [strip_control_characters(v) for v in values]
        )
    cleaned._mutable = False
    return cleaned


def _is_key(value):
    return value.isascii() and value.isdigit() and 0 < int(value) <= LARGEST_ID


def _admin_keys_only(query):
    """A copy of `query` whose key parameters hold only possible keys, or `query` if they did."""
    if all(
        _is_key(value)
        for key, values in query.lists()
        if ADMIN_ID_PARAMETER.match(key)
        for value in values
    ):
        return query
    cleaned = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in query.lists():
        if ADMIN_ID_PARAMETER.match(key):
            values = [value for value in values if _is_key(value)]
        if values:
            cleaned.setlist(key, values)
    cleaned._mutable = False
    return cleaned


class RequestHygieneMiddleware(MiddlewareMixin):
    """Put first in MIDDLEWARE (after SecurityMiddleware), so every view gets clean input."""

    def process_request(self, request):
        allowed = ALLOWED_METHODS
        in_admin = request.path_info.startswith(reverse("wagtailadmin_home"))
        if in_admin:
            allowed = ADMIN_METHODS
        if request.method not in allowed:
            return HttpResponseNotAllowed(allowed)
        cleaned = _clean_query(request.GET)
        if in_admin:
            cleaned = _admin_keys_only(cleaned)
        if cleaned is not request.GET:
            request.GET = cleaned
            # Redirects and 404 look-ups read the raw query string (get_full_path()): clean it too.
            request.META["QUERY_STRING"] = cleaned.urlencode()
        return None


def _too_large(value):
    """True for an integer (or a string of digits) no database key can equal."""
    if isinstance(value, str):
        return value.isascii() and value.isdigit() and int(value) > LARGEST_ID
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) > LARGEST_ID


class PathHygieneMiddleware(MiddlewareMixin):
    """A path holding a control character, or a number larger than any key, gets the 404 page.

    Put it after the authentication middleware (the page's menu and account links need the
    reader) and before Wagtail's RedirectMiddleware, which would look the path up in the
    redirects table on the way out; nothing before it looks the path up in the database.
    """

    def process_request(self, request):
        if not _CONTROL_CHARACTERS.search(request.path_info):
            return None
        # Django's plain 404 page, in the language of the URL prefix: the project's handler
        # would look the path up in the page tree, which refuses a NUL on PostgreSQL.
        language = translation.get_language_from_path(request.path_info)
        with translation.override(language or settings.LANGUAGE_CODE):
            return page_not_found(request, Http404("control character in the path"))

    def process_view(self, request, view_func, view_args, view_kwargs):
        # `<int:pk>` and `(\d+)` accept any number of digits; the databases refuse a number
        # beyond 64 bits (SQLite: OverflowError, PostgreSQL: "bigint out of range") in every
        # view that looks it up, so a 404 here, once for every route.
        if any(_too_large(value) for value in (*view_args, *view_kwargs.values())):
            return page_not_found(request, Http404("number too large in the path"))
        return None
