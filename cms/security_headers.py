"""Content-Security-Policy and Permissions-Policy headers on every answer.

Public pages get the strict policy of settings.CONTENT_SECURITY_POLICY (django-csp): scripts and
styles from our own static files only, images from us, the map tile server and the media
storage, nothing framed from elsewhere except the video providers of embed blocks. A script
that must be inline takes a nonce (`{{ request.csp_nonce }}`), never 'unsafe-inline'.

The Wagtail admin writes inline scripts and styles in its own templates and widgets, so its
URLs get settings.ADMIN_CONTENT_SECURITY_POLICY instead, which allows those and still forbids
other origins, plugins and framing by other sites. A view's own header (Wagtail's document
serve view sends `default-src 'none'`) is kept.
"""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.urls import reverse

__all__ = ["SecurityHeadersMiddleware", "is_admin_path"]


def is_admin_path(path):
    """Whether `path` belongs to an admin (Wagtail's, or Django's if it is mounted)."""
    prefixes = [reverse("wagtailadmin_home"), *getattr(settings, "ADMIN_URL_PREFIXES", ())]
    return path.startswith(tuple(prefixes))


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's own policy and a Permissions-Policy header.

    Put near the top of MIDDLEWARE so that early answers (405, redirects) carry the headers too.
    """

    def process_response(self, request, response):
        if is_admin_path(request.path_info) and getattr(response, "_csp_config", None) is None:
            response._csp_config = default_config(
                settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
            )
        response = super().process_response(request, response)
        if settings.PERMISSIONS_POLICY and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = settings.PERMISSIONS_POLICY
        return response
