"""Who must use two-factor authentication, and whether they have set it up.

Everyone who can enter the Wagtail admin (staff, superusers, and members of a group with
admin access such as Editors or Moderators) must protect their account with an authenticator
app (allauth.mfa, TOTP) before the admin lets them in.
"""

from allauth.mfa.models import Authenticator
from django.urls import reverse

__all__ = ["has_two_factor", "requires_two_factor", "needs_two_factor_setup", "setup_url"]


def requires_two_factor(user):
    """Staff, superusers and anyone with admin access must use two-factor authentication."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")


def has_two_factor(user):
    """An authenticator app is active on the account (recovery codes alone do not count)."""
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def needs_two_factor_setup(user):
    return requires_two_factor(user) and not has_two_factor(user)


def setup_url():
    """The page where an authenticator app is activated (then recovery codes are shown)."""
    return reverse("mfa_activate_totp")
