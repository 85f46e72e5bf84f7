"""allauth adapter: the one account flow's site-specific rules.

- Account emails go out in the recipient's preferred language, and a member who logs in lands
  in their language, which the site then remembers.
- Links and the site's name in emails come from the configured base URL (BASE_URL), never from
  the request's Host header, which a client chooses (password-reset poisoning).
- Everyone who can enter the admin is sent to set up two-factor authentication at login.
- Failed logins are counted per address, whatever Host the request names.
"""

from types import SimpleNamespace
from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation

from cms.i18n import path_in_language
from cms.language_switch import remember_language
from community.members.two_factor import needs_two_factor_setup, setup_url

__all__ = ["AccountAdapter", "on_base_url", "site_identity", "user_display"]

# Unicode's first-strong isolate and its closing pop (what <bdi> does, usable in plain text).
FSI, PDI = "\u2068", "\u2069"


def user_display(user):
    """A member's name wherever allauth shows it (messages, pages), isolated from the text
    around it: a U+202E or a name in another script cannot reorder the sentence it sits in."""
    return f"{FSI}{user.get_display_name()}{PDI}"


def on_base_url(url):
    """The same absolute URL on the configured base URL's scheme and host."""
    parts = urlsplit(url)
    if not parts.netloc:
        return url
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, parts.fragment))


def site_identity():
    """What emails call the site: its name and the base URL's host (not the request's)."""
    return SimpleNamespace(
        name=settings.WAGTAIL_SITE_NAME, domain=urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc
    )


def _is_absolute_url(value):
    return isinstance(value, str) and value.startswith(("http://", "https://"))


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        context = {
            **context,
            "current_site": site_identity(),
            # Every absolute link allauth put in an account email (confirmation, reset, sign-up)
            # points at the configured site.
            **{
                key: on_base_url(value) for key, value in context.items() if _is_absolute_url(value)
            },
        }
        user = context.get("user")
        language = getattr(user, "preferred_language", None) or translation.get_language()
        with translation.override(language):
            super().send_mail(template_prefix, email, context)

    def format_email_subject(self, subject):
        return f"[{settings.WAGTAIL_SITE_NAME}] {subject}"

    def get_reset_password_from_key_url(self, key):
        return on_base_url(super().get_reset_password_from_key_url(key))

    def get_email_confirmation_url(self, request, emailconfirmation):
        return on_base_url(super().get_email_confirmation_url(request, emailconfirmation))

    def _get_login_attempts_cache_key(self, request, **credentials):
        # allauth prefixes the address with the request's host; a client that varies the Host
        # header would get a fresh allowance for every name. Members log in by email address
        # only (ACCOUNT_LOGIN_METHODS), so the address alone is the key.
        return f"login:{(credentials.get('email') or '').lower()}"

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        if response.status_code not in (301, 302):
            return response
        if needs_two_factor_setup(user):
            # Staff protect their account before anything else (the admin refuses them until then).
            response["Location"] = setup_url()
        language = user.preferred_language
        if language:
            response["Location"] = path_in_language(response["Location"], language)
            remember_language(response, language)
        return response
