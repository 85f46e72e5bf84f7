"""Locale middleware that leaves a 404 outside the language prefix alone.

Django's LocaleMiddleware redirects any unprefixed 404 to `/<lang>/<path>` when that path
would resolve, and Wagtail's catch-all page route makes every path "resolve": so a missing API
object or document became a redirect to a page that does not exist. Only paths that matched no
URL at all (`resolver_match` is None) still get the language redirect, e.g. `/news/`.
"""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language, get_language_from_path


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request, response):
        if (
            response.status_code == 404
            and request.resolver_match is not None
            and not get_language_from_path(request.path_info)
        ):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)
