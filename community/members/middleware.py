"""Keep the admin closed to staff accounts that have no second factor yet."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from community.members.two_factor import needs_two_factor_setup, setup_url


class StaffTwoFactorMiddleware:
    """A staff member without an authenticator app is sent to set one up before the admin.

    Checked on every admin request (not only at login), so a session opened before the rule,
    or an account promoted to staff later, is caught too. Logging out stays possible.
    """

    ADMIN_PREFIX = "/admin/"
    EXEMPT_PATHS = ("/admin/logout/",)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if (
            path.startswith(self.ADMIN_PREFIX)
            and path not in self.EXEMPT_PATHS
            and needs_two_factor_setup(getattr(request, "user", None))
        ):
            messages.warning(
                request,
                _("Set up two-factor authentication to use the administration area."),
            )
            return redirect(setup_url())
        return self.get_response(request)
