"""Page passwords, throttled like logins.

Wagtail's `authenticate_with_password` view checks a restriction's password as often as anyone
asks, so a short shared password falls to guessing. This view does the same work behind
allauth's rate limiter: attempts are counted per IP address and per restriction in the shared
cache (`ACCOUNT_RATE_LIMITS["page_password_failed"]`, atomic counters: cms/allauth_rate_limits.py);
once a limit is reached even the right password is refused until the window has passed, with a
message saying so.

Every attempt is counted before the password is compared and given back when it was right (as
allauth does for logins). Checking the count first and counting only failures afterwards let
parallel guesses all pass the check before any of them was counted.
"""

from allauth.core.internal import ratelimit
from django.conf import settings
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

__all__ = ["RATE_LIMIT_ACTION", "authenticate_with_password"]

RATE_LIMIT_ACTION = "page_password_failed"


def _limit_key(restriction):
    return f"page-view-restriction:{restriction.pk}"


def _count_attempt(request, restriction):
    """The attempt's usage (to give back if the password was right), or None when the limit
    is reached."""
    return ratelimit.consume(
        request, app="allauth.account", action=RATE_LIMIT_ACTION, key=_limit_key(restriction)
    )


@never_cache
def authenticate_with_password(request, page_view_restriction_id, page_id):
    restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
    page = get_object_or_404(Page, id=page_id).specific
    status = 200
    if request.method == "POST":
        form = PasswordViewRestrictionForm(request.POST, instance=restriction)
        usage = _count_attempt(request, restriction)
        if usage is None:
            # Checked before the password, so the right one does not get through either.
            form.is_valid()  # populate cleaned_data/errors before replacing the message
            form.errors.clear()
            form.add_error(
                "password",
                _("Too many wrong passwords. Please wait a few minutes and try again."),
            )
            status = 429
        elif form.is_valid():
            usage.rollback()  # only wrong passwords count against the limit
            return_url = form.cleaned_data["return_url"]
            if not url_has_allowed_host_and_scheme(
                return_url, request.get_host(), request.is_secure()
            ):
                return_url = settings.LOGIN_REDIRECT_URL
            restriction.mark_as_passed(request)
            return redirect(return_url)
    else:
        form = PasswordViewRestrictionForm(instance=restriction)

    action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
    response = page.serve_password_required_response(request, form, action_url)
    response.status_code = status
    return response
