"""Listing filters: parsed from the query string into a frozen value, validated, re-encoded.

Pure functions, no database: the pages apply a parsed `ListingFilters` to their querysets.
Filter values are language-neutral (ISO country codes, topic slugs, choice values), so a
filtered list can be shared across languages.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from urllib.parse import urlencode

_SLUG = re.compile(r"^[-a-z0-9_]{1,120}$")
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")


@dataclass(frozen=True)
class ListingFilters:
    country: str = ""
    topic: str = ""
    sector: str = ""
    status: str = ""
    year: int | None = None
    type: str = ""
    q: str = ""
    page: int = 1

    @classmethod
    def from_query(
        cls,
        query: Mapping,
        *,
        sectors: Iterable[str] = (),
        statuses: Iterable[str] = (),
        types: Iterable[str] = (),
    ) -> "ListingFilters":
        """Read the filters; unknown or malformed values are ignored rather than erroring."""
        country = (query.get("country") or "").strip()
        topic = (query.get("topic") or "").strip().lower()
        sector = (query.get("sector") or "").strip()
        status = (query.get("status") or "").strip()
        kind = (query.get("type") or "").strip()
        return cls(
            country=country.upper() if _COUNTRY.match(country) else "",
            topic=topic if _SLUG.match(topic) else "",
            sector=sector if sector in set(sectors) else "",
            status=status if status in set(statuses) else "",
            year=parse_year(query.get("year")),
            type=kind if kind in set(types) else "",
            q=(query.get("q") or "").strip()[:200],
            page=parse_page(query.get("page")),
        )

    @property
    def is_active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name != "page")

    def as_query(self, **overrides) -> str:
        """The query string for these filters (page omitted unless overridden), for links."""
        value = replace(self, **overrides) if overrides else self
        params = []
        for f in fields(value):
            item = getattr(value, f.name)
            if f.name == "page" and ("page" not in overrides or item == 1):
                continue
            if item not in ("", None):
                params.append((f.name, item))
        return urlencode(params)


def parse_year(raw) -> int | None:
    try:
        year = int(str(raw).strip())
    except (TypeError, ValueError):
        return None
    return year if 1900 <= year <= 2200 else None


def parse_page(raw) -> int:
    try:
        page = int(str(raw).strip())
    except (TypeError, ValueError):
        return 1
    return max(page, 1)
