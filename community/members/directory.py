"""The member directory: filters parsed from the query string (pure, no database), the
listing query, and the choices the filter form offers."""

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from urllib.parse import urlencode

from django.db.models import Prefetch
from django.utils.translation import get_language_info

from cms.filters import parse_page
from cms.i18n import localized_list
from cms.models import Country, Helix, Topic
from community.members.models import SPOKEN_LANGUAGE_CODES, User
from community.members.permissions import visible_profiles

__all__ = ["DirectoryFilters", "directory_listing", "directory_options"]

_SLUG = re.compile(r"^[-a-z0-9_]{1,120}$")
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")


@dataclass(frozen=True)
class DirectoryFilters:
    stakeholder: str = ""
    country: str = ""
    topic: str = ""
    language: str = ""
    page: int = 1

    @classmethod
    def from_query(cls, query: Mapping) -> "DirectoryFilters":
        """Unknown or malformed values are ignored rather than erroring."""
        stakeholder = (query.get("stakeholder") or "").strip()
        country = (query.get("country") or "").strip()
        topic = (query.get("topic") or "").strip().lower()
        language = (query.get("language") or "").strip().lower()
        return cls(
            stakeholder=stakeholder if stakeholder in Helix.values else "",
            country=country.upper() if _COUNTRY.match(country) else "",
            topic=topic if _SLUG.match(topic) else "",
            language=language if language in SPOKEN_LANGUAGE_CODES else "",
            page=parse_page(query.get("page")),
        )

    @property
    def is_active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name != "page")

    def as_query(self, **overrides) -> str:
        value = replace(self, **overrides) if overrides else self
        params = [
            (f.name, getattr(value, f.name))
            for f in fields(value)
            if getattr(value, f.name) not in ("", None)
            and not (f.name == "page" and ("page" not in overrides or value.page == 1))
        ]
        return urlencode(params)


def directory_listing(filters, viewer):
    members = visible_profiles(User.objects.all(), viewer)
    if filters.stakeholder:
        members = members.filter(stakeholder_type=filters.stakeholder)
    if filters.country:
        members = members.filter(country__code=filters.country)
    if filters.topic:
        # Topic snippets exist per language with one slug: match any language copy.
        members = members.filter(topics__slug=filters.topic).distinct()
    if filters.language:
        members = members.filter(languages_spoken__contains=f",{filters.language},")
    return (
        members.select_related("country", "organisation")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("name")))
        .order_by("display_name", "pk")
    )


def language_choices(codes=SPOKEN_LANGUAGE_CODES):
    return [(code, get_language_info(code)["name_local"]) for code in codes]


def directory_options():
    """Choices for the filter form, in the reader's language."""
    countries = localized_list(Country.objects.order_by("name"))
    topics = localized_list(Topic.objects.order_by("name"))
    return {
        "stakeholders": list(Helix.choices),
        "countries": sorted({(c.code, c.name) for c in countries}, key=lambda c: c[1]),
        "topics": sorted({(t.slug, t.name) for t in topics}, key=lambda t: t[1]),
        "languages": language_choices(),
    }
