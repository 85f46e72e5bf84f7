"""Organisations as a kind of result of the site search: every organisation of the network
(the listing's own set: the source-language records), found by its name, short name, town or
description in any language, shown in the reader's language."""

from django.db.models import Case, CharField, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.chrome_cache import locale_codes
from cms.models import Organisation
from cms.search import text_search_config
from cms.search_sources import SearchHit, SearchSource, register_search_source, text_matches
from community.organisations.listing import reader_translations

__all__ = ["register"]

FIELDS = ["name", "short_name", "city", "description"]


def _locale_config():
    """The text-search configuration of a row's locale, by locale id: the expression stays on
    the organisation's own table, so it works inside the subquery below (a join to the
    locale there lost its table alias on PostgreSQL)."""
    by_config = {}
    for pk, code in locale_codes():
        by_config.setdefault(text_search_config(code), []).append(pk)
    return Case(
        *[
            When(locale_id__in=pks, then=Value(config))
            for config, pks in by_config.items()
            if config != "simple"
        ],
        default=Value("simple"),
        output_field=CharField(),
    )


def search_organisations(query, request, locale):
    # Each language copy is matched in its own language; the result is the organisation (its
    # source record, which its public page is addressed by), once.
    matching = text_matches(Organisation.objects.all(), query, FIELDS, config=_locale_config())
    keys = matching.order_by().values("translation_key")
    return (
        Organisation.objects.filter(locale=Locale.get_default(), translation_key__in=keys)
        .select_related("locale")
        .order_by("name", "pk")
    )


def organisation_hits(organisations, request, locale):
    translations = reader_translations(organisations)
    hits = []
    for organisation in organisations:
        shown = translations.get(organisation.translation_key, organisation)
        hits.append(
            SearchHit(
                title=shown.name,
                url=reverse("community:organisation", args=[organisation.pk]),
                summary=shown.description,
                detail=str(organisation.get_kind_display()),
                # Not translated into the reader's language: shown in its source language.
                other_language=(
                    ""
                    if shown is not organisation or organisation.locale_id == locale.pk
                    else organisation.locale.language_code
                ),
            )
        )
    return hits


def register():
    register_search_source(
        SearchSource(
            "organisations",
            _("Organisations"),
            search_organisations,
            organisation_hits,
            order=60,
        )
    )
