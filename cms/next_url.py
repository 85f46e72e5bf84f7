"""Where to send a reader back to: a `next` parameter, accepted only as an address on this site.

`url_has_allowed_host_and_scheme` also accepts a bare word ("abc", "9223372036854775808"), which
`django.shortcuts.redirect` then tries to reverse as a URL name: a server error, or a redirect
to whatever page that name reverses to. A local target is a path starting with one slash, or
this site's own address written in full.
"""

from urllib.parse import urlsplit

from django.utils.http import url_has_allowed_host_and_scheme

__all__ = ["is_local_path"]


def is_local_path(target, request):
    """True when `target` is on this site (never another host, never a URL name)."""
    if not isinstance(target, str) or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return False
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return True  # this site's own host and scheme, checked above
    return target.startswith("/") and not target.startswith(("//", "/\\"))
