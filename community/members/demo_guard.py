"""When `load_demo` may run: demo accounts with a published password never reach a real site.

The demo makes a superuser and five other accounts whose password is printed and documented.
Development and test settings say they may hold demo data (`DEMO_DATA_ALLOWED = True`); any
other settings (production, or base settings behind a real host) refuse unless the operator
passes `--force` *and* sets DEMO_PASSWORD to a password of their own that passes the site's
password rules, e.g. for a staging copy.
"""

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from community.members.demo import DEFAULT_DEMO_PASSWORD, demo_password

__all__ = ["DemoRefused", "check_demo_allowed"]


class DemoRefused(Exception):
    """Why the demo may not be loaded with these settings."""


def check_demo_allowed(force=False):
    """Raise DemoRefused unless demo data may be loaded under the current settings."""
    if getattr(settings, "DEMO_DATA_ALLOWED", False):
        return
    if not force:
        raise DemoRefused(
            f"Refusing to load demo data with settings {settings.SETTINGS_MODULE!r}: they are "
            "not development settings, and the demo creates a superuser and accounts with a "
            "published password. Use development settings, or pass --force with DEMO_PASSWORD "
            "set to a strong password of your own."
        )
    password = demo_password()
    if password == DEFAULT_DEMO_PASSWORD:
        raise DemoRefused(
            "--force needs DEMO_PASSWORD set to a password of your own: the default demo "
            "password is published in the README."
        )
    try:
        validate_password(password)
    except ValidationError as error:
        raise DemoRefused("DEMO_PASSWORD is too weak: " + " ".join(error.messages)) from None
