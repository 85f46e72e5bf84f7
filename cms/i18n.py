"""Language helpers shared by templates, the sitemap and listings."""

import unicodedata
from collections import defaultdict

from django import forms
from django.conf import settings
from django.db.models import Q
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


_LABEL_ATTRIBUTE = "_osc_localized_label"


def with_localized_labels(objects):
    """`objects` as a list, each translatable page or snippet (of any locale) knowing its label
    in the reader's language: its copy's name or title there, else its source-language copy's,
    else its own. One query per model whatever the number of objects; read the labels with
    `localized_label` (the `localized_name` template filter, the localized choice fields).
    """
    objects = list(objects)
    active_code, default_code = active_and_default_language_codes()
    by_model = defaultdict(set)
    for obj in objects:
        if obj is not None and not _has_label(obj, active_code):
            model = Page if isinstance(obj, Page) else obj._meta.concrete_model
            by_model[model].add(obj.translation_key)
    labels = {}
    for model, keys in by_model.items():
        copies = model.objects.filter(
            translation_key__in=keys, locale__language_code__in={active_code, default_code}
        )
        if model is Page:
            copies = copies.live()
        field = "title" if model is Page else "name"
        found = {}
        for key, code, label in copies.values_list(
            "translation_key", "locale__language_code", field
        ):
            found[(key, code)] = label
        for key in keys:
            label = found.get((key, active_code)) or found.get((key, default_code))
            if label:
                labels[(model, key)] = label
    for obj in objects:
        if obj is not None and not _has_label(obj, active_code):
            model = Page if isinstance(obj, Page) else obj._meta.concrete_model
            label = labels.get((model, obj.translation_key)) or str(obj)
            setattr(obj, _LABEL_ATTRIBUTE, (active_code, label))
    return objects


def _has_label(obj, language_code):
    return getattr(obj, _LABEL_ATTRIBUTE, (None, ""))[0] == language_code


def localized_label(obj):
    """`obj`'s name (a snippet) or title (a page) in the reader's language, else the source's.

    Read from `with_localized_labels` when the object went through it (a listing: one query for
    all); otherwise looked up alone (one query).
    """
    if obj is None:
        return ""
    with_localized_labels([obj])  # no query when the label is known already
    return getattr(obj, _LABEL_ATTRIBUTE)[1]


def _sort_key(label):
    decomposed = unicodedata.normalize("NFKD", label.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def sorted_by_localized_label(objects):
    """`objects` labelled in the reader's language and ordered by that label."""
    return sorted(with_localized_labels(objects), key=lambda obj: _sort_key(localized_label(obj)))


def localized_options(queryset, value):
    """Filter-form choices `(value, name)` of the translatable snippets in `queryset` (of any
    locale), each named in the reader's language, else the source language, else its own; one
    value once (its copies share it), ordered by name. One query.
    """
    active_code, default_code = active_and_default_language_codes()
    wanted = Q(pk__in=queryset.values("pk")) | Q(
        translation_key__in=queryset.values("translation_key"),
        locale__language_code__in={active_code, default_code},
    )
    rank = {active_code: 0, default_code: 1}
    best = {}
    rows = queryset.model.objects.filter(wanted).values_list(
        "translation_key", "locale__language_code", value, "name"
    )
    for key, code, item_value, name in rows:
        order = rank.get(code, 2)
        if key not in best or order < best[key][0]:
            best[key] = (order, item_value, name)
    options = {}
    for _order, item_value, name in sorted(best.values(), key=lambda row: _sort_key(row[2])):
        options.setdefault(item_value, name)
    return list(options.items())


class LocalizedChoiceIterator(forms.models.ModelChoiceIterator):
    """Choices labelled in the reader's language and ordered by that label, in one query for the
    labels whatever the number of choices."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in sorted_by_localized_label(self.queryset):
            yield self.choice(obj)


class LocalizedModelChoiceField(forms.ModelChoiceField):
    """A choice of translatable snippets (their source-language records), each shown by its name
    in the reader's language."""

    iterator = LocalizedChoiceIterator

    def label_from_instance(self, obj):
        return localized_label(obj)


class LocalizedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    iterator = LocalizedChoiceIterator

    def label_from_instance(self, obj):
        return localized_label(obj)


def language_links(request, page=None):
    """One entry per site language: where the switcher goes and whether the page exists there.

    For a page, kept in the chrome cache (cms.chrome_cache) until an editor changes a page.
    """
    if isinstance(page, Page) and page.id:
        from cms.chrome_cache import cached

        site = Site.find_for_request(request)
        current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
        return cached(
            request,
            "language-links",
            [site.pk if site else None, page.id, current],
            lambda: _language_links(request, page),
        )
    return _language_links(request, page)


def _language_links(request, page=None):
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


def reader_url(page):
    """Where the reader goes to read `page`: its copy in the active language when there is
    one, else the source's path under the active language's prefix, which cms/fallback.py
    serves in the reader's interface language. Never drops the reader into another language.
    """
    localized = page.localized
    url = localized.url or ""
    language = get_language()
    if language and localized.locale.language_code != language:
        url = path_in_language(url, language)
    return url


def _locale_homes(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    return site.root_page.get_translations(inclusive=True).live().select_related("locale")
