"""Whether a page is translated: the one rule the notice, `lang`/`dir`, hreflang, the switcher,
the sitemap and the cards follow.

wagtail-localize fills every language tree with aliases of the source pages. When an editor
submits a page for translation, the alias becomes a real page at once and is published holding
the source text (strings not yet translated fall back to the source). So "a real page" does not
mean "translated". A page counts as untranslated, and shows its source's language, when:

- it is an alias (its content is its source's), or
- its live revision was written by wagtail-localize (a `TranslationLog` names it) at a time when
  not one of its strings had been translated into its language: the published text is the
  source's, whatever the editor has translated since in a draft.

A page translated by hand (translation stopped, edited in the ordinary editor) or published from
the translation editor after translating counts as translated. Every check below is one SQL
expression, so a listing of any length costs one query.
"""

from django.db.models import Case, Exists, F, OuterRef, Subquery, When
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, TranslationLog

__all__ = [
    "annotate_content_language",
    "content_language_of",
    "field_language",
    "set_content_languages",
    "translated_pages",
    "untranslated_publication",
]

_CACHE_ATTRIBUTE = "_osc_content_language"


def untranslated_publication():
    """The wagtail-localize log entry of a page's live revision when that revision was written
    before any of the page's strings were translated into its language (for `OuterRef` use on
    a Page queryset)."""
    strings_translated_by_then = StringTranslation.objects.filter(
        context__object_id=OuterRef("source__object_id"),
        locale_id=OuterRef("locale_id"),
        created_at__lte=OuterRef("created_at"),
    )
    return TranslationLog.objects.filter(
        revision_id=OuterRef("live_revision_id"), locale_id=OuterRef("locale_id")
    ).filter(~Exists(strings_translated_by_then))


def annotate_content_language(queryset, name="content_language"):
    """`queryset` with `name`: the code of the language each page's live content is written in."""
    untranslated = untranslated_publication()
    return queryset.annotate(
        **{
            name: Case(
                When(alias_of__isnull=False, then=F("alias_of__locale__language_code")),
                When(
                    Exists(untranslated),
                    then=Subquery(untranslated.values("source__locale__language_code")[:1]),
                ),
                default=F("locale__language_code"),
            )
        }
    )


def translated_pages(queryset):
    """Only the pages whose live content is in their own tree's language."""
    return queryset.filter(alias_of__isnull=True).exclude(Exists(untranslated_publication()))


def content_language_of(page):
    """The language code of `page`'s live content (one query, remembered on the instance)."""
    remembered = getattr(page, _CACHE_ATTRIBUTE, None)
    if remembered:
        return remembered
    language = None
    if page.pk:
        from cms.chrome_cache import cached

        # Kept in the chrome cache until a page or translation changes (cms.chrome_cache).
        language = cached(
            None,
            "content-language",
            [page.pk],
            lambda: (
                annotate_content_language(Page.objects.filter(pk=page.pk))
                .values_list("content_language", flat=True)
                .first()
            ),
        )
    language = language or page.locale.language_code
    setattr(page, _CACHE_ATTRIBUTE, language)
    return language


def set_content_languages(pages):
    """Remember the content language of each of `pages` in one query (for cards and menus);
    returns the pages as a list."""
    pages = list(pages)
    # Pages that already know theirs (the cached menu) cost nothing.
    ids = [page.pk for page in pages if page.pk and not getattr(page, _CACHE_ATTRIBUTE, None)]
    if ids:
        languages = dict(
            annotate_content_language(Page.objects.filter(pk__in=ids)).values_list(
                "pk", "content_language"
            )
        )
        for page in pages:
            if page.pk in languages:
                setattr(page, _CACHE_ATTRIBUTE, languages[page.pk])
    return pages


def field_language(translation, source, field):
    """The language code that `field` of a translated snippet is written in: the source's while
    the translation still carries the source's text (wagtail-localize copies segments that
    nobody translated yet), else the translation's own."""
    if translation.pk != source.pk and getattr(translation, field) == getattr(source, field):
        return source.locale.language_code
    return translation.locale.language_code
