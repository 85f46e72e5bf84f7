"""Template tags for the site chrome; the logic lives in cms.i18n and the models.

Everything here is display-only: formatting URLs, labels and pagination for templates.
"""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info, to_locale
from wagtail.models import Site

from cms import i18n

register = template.Library()


@register.simple_tag
def lang_attrs(language_code):
    """` lang=".." dir=".."` for an element whose text is in `language_code` when that is not
    the reader's language (an untranslated page or snippet); nothing otherwise."""
    if not language_code or language_code == get_language():
        return ""
    direction = "rtl" if get_language_info(language_code)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', language_code, direction)


@register.simple_tag
def lang_attr(language_code):
    """` lang=".."` alone, where the layout must keep the page's direction (a table whose
    columns and scroll start follow the reader, its cells isolating their own text)."""
    if not language_code or language_code == get_language():
        return ""
    return format_html(' lang="{}"', language_code)


@register.simple_tag(takes_context=True)
def language_links(context):
    request = context["request"]
    return i18n.language_links(request, context.get("page"))


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """`?...` for page `number` of the current listing, keeping its filters.

    Listing pages pass their parsed `filters`; other views (search) keep their own GET
    parameters.
    """
    filters = context.get("filters")
    if filters is not None and hasattr(filters, "as_query"):
        return "?" + filters.as_query(page=number)
    query = context["request"].GET.copy()
    query.pop("page", None)
    if number != 1:
        query["page"] = number
    return "?" + query.urlencode()


@register.simple_tag
def elided_pages(results, on_each_side=2, on_ends=1):
    """Page numbers around the current one, with `results.paginator.ELLIPSIS` for gaps."""
    return results.paginator.get_elided_page_range(
        results.number, on_each_side=on_each_side, on_ends=on_ends
    )


@register.simple_tag(takes_context=True)
def site_name(context):
    """The Wagtail site's name, or the project's name when no site matches the request."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`url` made absolute on the host the reader used (already-absolute URLs are kept)."""
    if not url:
        return ""
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


@register.filter
def og_locale(language_code):
    """A language code as an Open Graph locale: `pt-br` -> `pt_BR`."""
    return to_locale(language_code or settings.LANGUAGE_CODE)


@register.filter
def x_default_url(links):
    """The URL for hreflang="x-default": the first language (the source) the page exists in."""
    for link in links or ():
        if link.get("available"):
            return link["url"]
    return ""


@register.filter
def page_type_label(obj):
    """The human name of a page's (or any model instance's) type, e.g. "policy brief"."""
    meta = getattr(obj, "_meta", None)
    return meta.verbose_name if meta is not None else ""


@register.filter
def model_name(obj):
    """The lower-case model name of an instance (e.g. "whitepaperpage"), for CSS hooks."""
    meta = getattr(obj, "_meta", None)
    return meta.model_name if meta is not None else ""


@register.simple_tag(takes_context=True)
def nav_state(context, item):
    """`aria-current` value for a navigation item: "page" on it, "true" inside its section."""
    page = context.get("page")
    path = getattr(page, "path", None)
    if not path:
        return ""
    if page.pk == item.pk:
        return "page"
    return "true" if path.startswith(item.path) else ""


@register.simple_tag(takes_context=True)
def nav_group_state(context, group):
    """True when the page shown is one of the group's items or inside one of their sections."""
    return any(nav_state(context, item) for item in group.items)


@register.filter
def localized_name(obj):
    """A snippet's name or a page's title in the reader's language, else the source's
    (`cms.i18n.localized_label`; preload a list with `with_localized_labels`)."""
    return i18n.localized_label(obj)
