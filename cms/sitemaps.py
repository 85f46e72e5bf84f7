"""Sitemap of every language tree, each URL listing its language alternates (hreflang)."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from cms.translation_state import translated_pages
from cms.visibility import visible_pages


class MultilingualSitemap(Sitemap):
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
