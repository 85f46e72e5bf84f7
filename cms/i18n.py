"""Language helpers shared by templates, the sitemap and listings."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from cms.translation_state import annotate_content_language


def active_and_default_language_codes():
    """The content language codes of the reader's language and of the source language."""
    return (
        get_supported_content_language_variant(get_language()),
        get_supported_content_language_variant(settings.LANGUAGE_CODE),
    )


def localized_list(queryset):
    """Default-locale items, each replaced by its translation in the active locale if one exists.

    Two queries whatever the number of items (joins on the locale, no Locale lookups), unlike
    calling `.localized` on each.
    """
    active_code, default_code = active_and_default_language_codes()
    items = list(queryset.filter(locale__language_code=default_code))
    if active_code == default_code or not items:
        return items
    translations = {
        obj.translation_key: obj
        for obj in queryset.model.objects.filter(
            locale__language_code=active_code,
            translation_key__in=[item.translation_key for item in items],
        )
    }
    return [translations.get(item.translation_key, item) for item in items]


def language_links(request, page=None):
    """One entry per site language: where the switcher goes and whether the page exists there.

    `available` is true where the page's translated text is published. An untranslated page
    still has a place in every synchronised language tree (a wagtail-localize alias, or a copy
    submitted for translation, showing the source with a notice), and the link goes there;
    failing that, to that language's home page.
    """
    current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    urls, available = {}, set()
    is_page = isinstance(page, Page) and page.id
    if is_page:
        versions = annotate_content_language(
            page.get_translations(inclusive=True).live().select_related("locale")
        )
        for version in versions.only("url_path", "alias_of_id", "locale__language_code"):
            code = version.locale.language_code
            urls[code] = version.get_url(request)
            # Translated = its live text is in its own language (cms.translation_state).
            if version.content_language == code:
                available.add(code)
        homes = {
            home.locale.language_code: home.get_url(request) for home in _locale_homes(request)
        }
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        if is_page:
            url = urls.get(code) or homes.get(code) or f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "name": info["name_translated"],
                "bidi": info["bidi"],
                "url": url,
                "available": code in available if is_page else True,
                # No copy of the page in that language's tree: the link opens its home page.
                "opens_home": bool(is_page) and code not in urls,
                "is_current": code == current,
            }
        )
    return links


def path_in_language(path, language):
    """The same site path under another language prefix: /en/news/ -> /it/news/, / -> /it/.

    Paths outside the language-prefixed routes (/admin/, /api/...) are returned as they are.
    """
    if path == "/":
        return f"/{language}/"
    parts = path.split("/")
    if len(parts) > 2 and parts[1] in dict(settings.LANGUAGES):
        parts[1] = language
    return "/".join(parts)


def _locale_homes(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    return site.root_page.get_translations(inclusive=True).live().select_related("locale")
