"""Never a bare 404 for a page that exists in the source language.

Synchronised trees give every page a place in every language (wagtail-localize aliases), but a
page can still be missing from one: made outside the admin, or before its language was added.
A 404 under /<lang>/ then looks for the same path in the default language's tree and serves
that page, in the reader's interface language; the page template says it is not translated.
"""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils.translation import get_language_from_path
from django.views.defaults import page_not_found as django_page_not_found
from wagtail import hooks
from wagtail.models import Site
from wagtail.views import serve_chain


def page_not_found(request, exception=None):
    response = serve_from_source_tree(request)
    if response is not None:
        return response
    return django_page_not_found(request, exception)


def serve_from_source_tree(request):
    language = get_language_from_path(request.path_info)
    if not language or language == settings.LANGUAGE_CODE:
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [part for part in request.path_info.split("/")[2:] if part]
    try:
        page, args, kwargs = site.root_page.specific.route(request, components)
    except Http404:
        return None
    # The same chain as Wagtail's own serve view (wagtail.views.serve): `on_serve_page` hooks
    # wrap serving (view restrictions are checked there since Wagtail 7), then the
    # `before_serve_page` hooks may answer first. Skipping either served private pages here.
    on_serve_chain = serve_chain
    for hook in reversed(hooks.get_hooks("on_serve_page")):
        on_serve_chain = hook(on_serve_chain)
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    try:
        return on_serve_chain(page, request, args, kwargs)
    except Http404:
        # A route of the source page refused (a thread this reader may not see): a 404, as
        # under the source language, not a server error.
        return None
