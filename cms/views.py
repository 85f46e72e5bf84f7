"""Site search (the logic is in cms.search) and robots.txt."""

from django.shortcuts import render
from wagtail.models import Locale

from cms.filters import parse_page
from cms.search import search_pages


def search(request):
    query = (request.GET.get("q") or "").strip()[:200]
    results = None
    if query:
        results = search_pages(
            query, Locale.get_active(), parse_page(request.GET.get("page")), request=request
        )
    return render(request, "pages/search.html", {"search_query": query, "results": results})


def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {sitemap_url}",
    ]
    return render(request, "robots.txt", {"lines": lines}, content_type="text/plain")
