"""Site search (the logic is in cms.search) and robots.txt."""

from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from wagtail.documents.views.serve import serve as wagtail_document_serve
from wagtail.models import Locale

from cms.filters import parse_page
from cms.search_sources import site_search


def search(request):
    """The one site search (cms.search_sources): every kind of result the reader may see."""
    query = (request.GET.get("q") or "").strip()[:200]
    found = None
    if query:
        found = site_search(
            query,
            request,
            Locale.get_active(),
            kind=request.GET.get("kind", ""),
            page_number=parse_page(request.GET.get("page")),
        )
    return render(request, "pages/search.html", {"search_query": query, "found": found})


def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {sitemap_url}",
    ]
    return render(request, "robots.txt", {"lines": lines}, content_type="text/plain")


def serve_document(request, document_id, document_filename):
    """Wagtail's document serve view (privacy checks included), without its Content-Encoding.

    For a file on local storage Wagtail's sendfile sets `Content-Encoding` to the encoding
    `mimetypes` guesses from the name, which is None for every accepted extension: the header
    went out as the literal "None". A document is sent as the bytes stored, never encoded for
    transport, so the header has no right value here.
    """
    response = wagtail_document_serve(request, document_id, document_filename)
    if "Content-Encoding" in response:
        del response["Content-Encoding"]
    return response


def favicon(request):
    """/favicon.ico, which browsers ask for on every page view: the icon in the static files
    (hashed and cached forever in production), by a permanent redirect."""
    return HttpResponsePermanentRedirect(static("img/favicon.ico"))


def benchmark_floor(request):
    """The least a page can cost here: Django, the middleware and gunicorn, no database, no
    template. `make benchmark` divides every page's rate by this one's (docs/benchmarks.md);
    routed only when settings.BENCHMARK_FLOOR is on."""
    return HttpResponse(
        b"<!doctype html><title>floor</title><p>floor</p>", content_type="text/html; charset=utf-8"
    )
