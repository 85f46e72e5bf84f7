"""Event listing filters: parsed from the query string into a frozen value, re-encoded for links.

Pure functions, no database (the cms listings' pattern, see cms/filters.py). Values are
language-neutral (kind slugs, language and ISO country codes, topic slugs, "YYYY-MM"), so a
filtered list or feed can be shared across languages.
"""

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from urllib.parse import urlencode

from cms.filters import parse_page

__all__ = ["EventFilters", "parse_month"]

_SLUG = re.compile(r"^[-a-z0-9_]{1,120}$")
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
MODES = ("online", "in-person")


def parse_month(raw) -> datetime.date | None:
    """ "2022-03" -> date(2022, 3, 1); anything else -> None."""
    match = _MONTH.match(str(raw or "").strip())
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (1900 <= year <= 2200 and 1 <= month <= 12):
        return None
    return datetime.date(year, month, 1)


@dataclass(frozen=True)
class EventFilters:
    type: str = ""
    language: str = ""
    country: str = ""
    mode: str = ""
    topic: str = ""
    month: datetime.date | None = None
    page: int = 1

    @classmethod
    def from_query(
        cls, query: Mapping, *, types: Iterable[str] = (), languages: Iterable[str] = ()
    ) -> "EventFilters":
        """Read the filters; unknown or malformed values are ignored rather than erroring."""
        kind = (query.get("type") or "").strip()
        language = (query.get("language") or "").strip().lower()
        country = (query.get("country") or "").strip()
        mode = (query.get("mode") or "").strip()
        topic = (query.get("topic") or "").strip().lower()
        return cls(
            type=kind if kind in set(types) else "",
            language=language if language in set(languages) else "",
            country=country.upper() if _COUNTRY.match(country) else "",
            mode=mode if mode in MODES else "",
            topic=topic if _SLUG.match(topic) else "",
            month=parse_month(query.get("month")),
            page=parse_page(query.get("page")),
        )

    @property
    def is_active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name != "page")

    @property
    def month_value(self) -> str:
        return self.month.strftime("%Y-%m") if self.month else ""

    def as_query(self, **overrides) -> str:
        """The query string for these filters (page omitted unless overridden), for links."""
        value = replace(self, **overrides) if overrides else self
        params = []
        for f in fields(value):
            item = getattr(value, f.name)
            if f.name == "page" and ("page" not in overrides or item == 1):
                continue
            if isinstance(item, datetime.date):
                item = item.strftime("%Y-%m")
            if item not in ("", None):
                params.append((f.name, item))
        return urlencode(params)
