"""Where to send a reader back to: a `next` parameter, accepted only as a path on this site.

`url_has_allowed_host_and_scheme` also accepts a bare word ("abc", "9223372036854775808"), which
`django.shortcuts.redirect` then tries to reverse as a URL name: a server error, or a redirect
to whatever page that name reverses to. A local path starts with one slash.
"""

from django.utils.http import url_has_allowed_host_and_scheme

__all__ = ["is_local_path"]


def is_local_path(target, request):
    """True when `target` is a path on this site (never another host, never a URL name)."""
    return (
        isinstance(target, str)
        and target.startswith("/")
        and not target.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    )
