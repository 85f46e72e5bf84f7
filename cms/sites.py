"""Where the site runs: the Wagtail Site record's address.

Absolute URLs (the sitemap, the API's `html_url`, a publication's citation) come from the Site
record (Settings → Sites), as Wagtail builds them. In development the demo loader writes
`BASE_URL` into that record, so links follow wherever `make run` serves the site; in
production the record is what the administrators set, and nothing overwrites it.
"""

from urllib.parse import urlsplit

from django.conf import settings

__all__ = ["address_from_base_url"]

_DEFAULT_PORTS = {"http": 80, "https": 443}


def address_from_base_url(base_url=None):
    """`{"hostname", "port"}` for a Site record serving `base_url` (default: BASE_URL).

    Wagtail derives the scheme from the port (443 is https), so https on another port cannot
    be expressed; such a base URL keeps its port and is served as http by Wagtail's links.
    """
    parts = urlsplit(base_url or settings.WAGTAILADMIN_BASE_URL)
    if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
        raise ValueError(f"BASE_URL must be an http(s) URL with a host name, not {base_url!r}.")
    return {"hostname": parts.hostname, "port": parts.port or _DEFAULT_PORTS[parts.scheme]}
