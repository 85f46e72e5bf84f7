"""The organisations listing: its filters (kind, country, name or town), the query both the page
and its open-data exports use, and the export's columns (docs/open-data.md).

Organisations are not people: the export holds what the organisation's public page says about
the organisation itself, never its members, their names or addresses.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse
from wagtail.models import Locale

from cms.exports import Column
from cms.filters import parse_page
from cms.i18n import localized_options
from cms.models import Country, Organisation
from cms.models.choices import OrganisationKind

__all__ = [
    "ORGANISATION_COLUMNS",
    "OrganisationFilters",
    "organisation_listing",
    "organisation_options",
    "reader_translations",
]

_COUNTRY = re.compile(r"^[A-Za-z]{2}$")


@dataclass(frozen=True)
class OrganisationFilters:
    type: str = ""
    country: str = ""
    q: str = ""
    page: int = 1

    @classmethod
    def from_query(cls, query: Mapping) -> "OrganisationFilters":
        """Unknown or malformed values are ignored, like the other listings' filters."""
        kind = (query.get("type") or "").strip()
        country = (query.get("country") or "").strip()
        return cls(
            type=kind if kind in OrganisationKind.values else "",
            country=country.upper() if _COUNTRY.match(country) else "",
            q=(query.get("q") or "").strip()[:120],
            page=parse_page(query.get("page")),
        )

    @property
    def is_active(self) -> bool:
        return bool(self.type or self.country or self.q)

    def as_query(self, **overrides) -> str:
        value = replace(self, **overrides) if overrides else self
        params = []
        for f in fields(value):
            item = getattr(value, f.name)
            if f.name == "page" and ("page" not in overrides or item == 1):
                continue
            if item not in ("", None):
                params.append((f.name, item))
        return urlencode(params)


def organisation_listing(filters):
    """Organisations of the network (their source-language records), filtered, by name."""
    qs = Organisation.objects.filter(locale=Locale.get_default()).select_related("country")
    if filters.type:
        qs = qs.filter(kind=filters.type)
    if filters.country:
        qs = qs.filter(country__code=filters.country)
    if filters.q:
        qs = qs.filter(
            Q(name__icontains=filters.q)
            | Q(short_name__icontains=filters.q)
            | Q(city__icontains=filters.q)
        )
    return qs.order_by("name", "pk")


def _reader_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


def reader_translations(organisations):
    """{translation key: the organisation's copy in the reader's language}, in one query."""
    keys = {organisation.translation_key for organisation in organisations}
    copies = Organisation.objects.filter(locale=_reader_locale(), translation_key__in=keys)
    return {copy.translation_key: copy for copy in copies}


def in_reader_language(organisations):
    """`organisations` as a list, each with `shown`: its copy in the reader's language (else
    itself), all found in one query: `organisation.localized` in the template cost one query
    per organisation listed in any language but the source's."""
    organisations = list(organisations)
    translations = reader_translations(organisations)
    for organisation in organisations:
        organisation.shown = translations.get(organisation.translation_key, organisation)
    return organisations


def organisation_options():
    """Choices of the filter form: the kinds and countries the listed organisations have,
    countries named in the reader's language (else the source language)."""
    used = Organisation.objects.filter(locale=Locale.get_default())
    kinds = set(used.values_list("kind", flat=True))
    countries = Country.objects.filter(pk__in=used.exclude(country=None).values("country"))
    return {
        "types": [(value, label) for value, label in OrganisationKind.choices if value in kinds],
        "countries": localized_options(countries, "code"),
    }


def _localized(organisation, ctx, field):
    translation = ctx.translations.get(organisation.translation_key)
    return getattr(translation or organisation, field)


ORGANISATION_COLUMNS = [
    Column("id", lambda org, ctx: org.pk),
    Column("translation_key", lambda org, ctx: str(org.translation_key)),
    Column("language", lambda org, ctx: ctx.language),  # of the names and descriptions
    Column("name", lambda org, ctx: _localized(org, ctx, "name")),
    Column("short_name", lambda org, ctx: _localized(org, ctx, "short_name")),
    Column("kind", lambda org, ctx: org.kind),
    Column("helix", lambda org, ctx: org.helix),
    Column("country_code", lambda org, ctx: org.country.code if org.country else ""),
    Column("city", lambda org, ctx: _localized(org, ctx, "city")),
    Column("website", lambda org, ctx: org.website),
    Column("description", lambda org, ctx: _localized(org, ctx, "description")),
    Column("latitude", lambda org, ctx: float(org.latitude) if org.latitude is not None else None),
    Column(
        "longitude", lambda org, ctx: float(org.longitude) if org.longitude is not None else None
    ),
    Column(
        "url",
        lambda org, ctx: ctx.absolute(reverse("community:organisation", args=[org.pk])),
    ),
]
