"""Sitemap of every language tree, each URL listing its language alternates (hreflang).

`/sitemap.xml` is a sitemap index; it lists `/sitemap-pages.xml`, `?p=2`, ... each holding at
most `MultilingualSitemap.limit` pages. The protocol allows 50,000 URLs and 50 MB per file;
a page here takes one `<url>` of about 1.3 kB with its nine language alternates, so 10,000
pages stay near 13 MB. (A discussion section adds its public threads as extra URLs, written
in one language and without alternates.)

Both are cached (cms.content_cache): a hit costs no SQL query; a publish, unpublish, move,
deletion or view restriction forgets them, and they expire when a page turns visible by time
alone (a call's results scheduled for a date appear at that date).
"""

from collections import defaultdict

from django.db.models import Q
from django.http import HttpResponse
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as wagtail_sitemap_views
from wagtail.models import Page

from cms.content_cache import SITEMAP, cached
from cms.translation_state import translated_pages
from cms.visibility import visible_pages


class MultilingualSitemap(Sitemap):
    # Pages per sitemap file (see the module's docstring for the size this makes).
    limit = 10_000

    def listed_pages(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_tree = Q()
        for root in roots:
            in_any_tree |= Q(path__startswith=root.path)
        # What an anonymous visitor may see (cms.visibility); untranslated copies (aliases, and
        # pages whose translated text is not published yet) repeat their source: not listed.
        pages = visible_pages(Page.objects.filter(in_any_tree))
        return translated_pages(pages)

    def items(self):
        return self.listed_pages().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        """Django's entries plus `alternates`, found with one query per sitemap page."""
        pages = list(self.paginator.page(page).object_list)
        versions = defaultdict(list)
        translations = (
            self.listed_pages()
            .filter(translation_key__in={item.translation_key for item in pages})
            .select_related("locale")
            .only("url_path", "locale__language_code", "translation_key")
        )
        for translation in translations:
            versions[translation.translation_key].append(
                {
                    "lang_code": translation.locale.language_code,
                    "location": translation.get_full_url(self.request),
                }
            )
        urls, last_mods = [], set()
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                alternates = versions[item.translation_key]
                # A page's own sub-routes (discussion threads) bring their own alternates, or
                # an empty list when they have no language versions.
                if len(alternates) > 1 and "alternates" not in url_info:
                    url_info = {**url_info, "alternates": alternates}
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


SITEMAPS = {"pages": MultilingualSitemap}


def _cached_response(request, parts, render):
    """`render()`'s response, stored as its body and headers when it succeeded."""

    def compute():
        response = render()
        if response.status_code != 200:
            return None
        if hasattr(response, "render"):
            response.render()
        headers = {
            name: response[name]
            for name in ("Content-Type", "Last-Modified", "X-Robots-Tag")
            if response.has_header(name)
        }
        return {"content": response.content, "headers": headers}

    # Locations are absolute: the key carries the scheme and host they were built with.
    stored = cached(SITEMAP, [request.scheme, request.get_host(), *parts], compute)
    if stored is None:  # not cacheable (a 404 for a page past the last): answer it as it is
        return render()
    response = HttpResponse(stored["content"])
    for name, value in stored["headers"].items():
        response[name] = value
    return response


def sitemap_index(request):
    """The sitemap index: one entry per sitemap file."""
    return _cached_response(
        request,
        ["index"],
        lambda: wagtail_sitemap_views.index(request, SITEMAPS, sitemap_url_name="sitemap-section"),
    )


def sitemap_section(request, section):
    """One sitemap file (`?p=` numbers them from 1)."""
    page = request.GET.get("p", "1")
    if not page.isdigit():
        return wagtail_sitemap_views.sitemap(request, SITEMAPS, section=section)
    return _cached_response(
        request,
        ["section", section, int(page)],
        lambda: wagtail_sitemap_views.sitemap(request, SITEMAPS, section=section),
    )
