"""The old doors into accounts, closed: every login goes through allauth's one account flow.

Wagtail ships its own login forms (the front-end `/<lang>/_util/login/` where restricted pages
used to send visitors, and `/admin/login/`). They authenticate with Django's plain form, so they
skip mandatory email verification, allauth's rate limits and two-factor authentication. Both now
redirect to allauth's login, keeping where the person was going; a POST to them logs nobody in.
"""

from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from wagtail.admin.views.account import LogoutView as WagtailLogoutView

__all__ = ["AdminLogoutView", "admin_login", "frontend_login"]


def _to_account_login(request, default_next=""):
    # allauth checks `next` against the allowed hosts itself before following it.
    next_url = request.GET.get("next") or default_next
    url = reverse("account_login")
    if next_url:
        url = f"{url}?{urlencode({'next': next_url})}"
    return HttpResponseRedirect(url)


@never_cache
def frontend_login(request):
    """Wagtail's front-end login URL: go to allauth's login (in the URL's language)."""
    return _to_account_login(request)


@never_cache
def admin_login(request):
    """Wagtail's admin login URL: go to allauth's login, then back to the admin."""
    return _to_account_login(request, default_next=reverse("wagtailadmin_home"))


class AdminLogoutView(WagtailLogoutView):
    """Wagtail's admin logout, on POST only.

    Wagtail's view answers a GET with 405 but deletes the session cookie on the way out, so any
    page could log an editor out with an image tag. Refuse other methods before anything runs.
    """

    http_method_names = ["post", "options"]

    def dispatch(self, request, *args, **kwargs):
        if request.method.lower() not in self.http_method_names:
            return self.http_method_not_allowed(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)
