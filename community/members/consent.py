"""Members accept the privacy policy: at sign-up, and again for each new version."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from cms.models import SiteSettings
from community.members.models import Consent, PrivacyPolicyVersion

__all__ = ["PolicyConsentMiddleware", "needs_consent", "privacy_page_paths", "record_consent"]

SESSION_KEY = "community_policy_version_ok"
# Never gated: reading or accepting the policy, leaving, assets, the editors' admin (whose
# staff sign the policy through the same page when they visit the site), machine endpoints.
EXEMPT_URL_NAMES = {
    "community:policy_accept",
    "account_logout",
    "set_language",
    "switch_language",
    "javascript-catalog",
}
EXEMPT_PREFIXES = ("/admin/", "/static/", "/media/", "/api/", "/documents/", "/i18n/")


def record_consent(user, version=None, now=None):
    """Store that `user` accepted the policy `version` (default: the current one). Returns the
    Consent, or None when no policy version has been published yet."""
    if version is None:
        current = PrivacyPolicyVersion.current()
        if current is None:
            return None
        version = current.version
    consent, _created = Consent.objects.get_or_create(
        user=user, version=version, defaults={"accepted_at": now or timezone.now()}
    )
    return consent


def needs_consent(user):
    """The current policy version this member has not accepted yet, else None."""
    if not user.is_authenticated:
        return None
    current = PrivacyPolicyVersion.current()
    if current is None:
        return None
    if Consent.objects.filter(user=user, version=current.version).exists():
        return None
    return current


def privacy_page_paths(request):
    """The privacy policy page's path in every language it exists in."""
    settings = SiteSettings.for_request(request)
    page = settings.privacy_page
    if page is None:
        return set()
    return {
        version.get_url(request)
        for version in page.get_translations(inclusive=True).live().specific()
    }


class PolicyConsentMiddleware:
    """A signed-in member who has not accepted the policy version in effect is sent to accept
    it. The accepted version is remembered in the session, so the check costs a cache read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if request.path_info.startswith(EXEMPT_PREFIXES):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in EXEMPT_URL_NAMES:
            return None
        current = needs_consent_cached(request, user)
        if current is None:
            return None
        if request.path in privacy_page_paths(request):
            return None
        target = request.get_full_path()
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            target = "/"
        return redirect(f"{reverse('community:policy_accept')}?{urlencode({'next': target})}")


def needs_consent_cached(request, user):
    current = PrivacyPolicyVersion.current()
    if current is None:
        return None
    if request.session.get(SESSION_KEY) == current.version:
        return None
    missing = needs_consent(user)
    if missing is None:
        request.session[SESSION_KEY] = current.version
    return missing
