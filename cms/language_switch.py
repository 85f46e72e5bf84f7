"""The language switcher's target: go to the page in the chosen language, remembering the choice.

A GET only navigates and sets the browser's language cookie, which decides where an unprefixed
visit goes; that is the visitor's own display choice, so a link from another site can at most
show them a page in another language. Saving the choice to a member's account (the language of
their emails) is a state change that needs a POST with a CSRF token: the switcher renders forms
for members, and `language_chosen` is sent only then.
"""

from django.conf import settings
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.views.decorators.cache import never_cache

from cms.next_url import is_local_path

from .signals import language_chosen


def remember_language(response, language):
    """The language cookie that LocaleMiddleware reads on the next unprefixed visit."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
    )
    return response


def _safe_target(request, language):
    data = request.POST if request.method == "POST" else request.GET
    target = data.get("next", "")
    if not is_local_path(target, request):
        target = f"/{language}/"
    return target


@never_cache
def switch_language(request, language):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    if language not in dict(settings.LANGUAGES):
        raise Http404("Unknown language")
    if request.method == "POST":  # CsrfViewMiddleware has checked the token
        language_chosen.send(sender=None, request=request, language=language)
    return remember_language(HttpResponseRedirect(_safe_target(request, language)), language)
