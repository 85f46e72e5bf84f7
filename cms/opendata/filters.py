"""Filters of the dataset catalogue: the shared listing filters plus theme, format, licence."""

from collections.abc import Mapping
from dataclasses import dataclass

from cms.filters import ListingFilters

from .vocabularies import ArticleKind, DataTheme, FileFormat, Licence, SkillLevel

__all__ = ["DatasetFilters", "KnowledgeFilters"]


@dataclass(frozen=True)
class DatasetFilters(ListingFilters):
    theme: str = ""
    format: str = ""
    licence: str = ""

    @classmethod
    def from_query(cls, query: Mapping, **kwargs) -> "DatasetFilters":
        """Shared filters (country, topic, q, page...) plus the catalogue's own; unknown
        values are ignored, like the shared ones."""
        shared = ListingFilters.from_query(query, **kwargs)
        theme = (query.get("theme") or "").strip().upper()
        file_format = (query.get("format") or "").strip().upper()
        licence = (query.get("licence") or "").strip()
        return cls(
            **{name: getattr(shared, name) for name in shared.__dataclass_fields__},
            theme=theme if theme in DataTheme.values else "",
            format=file_format if file_format in FileFormat.values else "",
            licence=licence if licence in Licence.values else "",
        )


@dataclass(frozen=True)
class KnowledgeFilters(ListingFilters):
    """Knowledge-base filters: kind of article (the shared `type`), topic, and reading level."""

    level: str = ""

    @classmethod
    def from_query(cls, query: Mapping, **kwargs) -> "KnowledgeFilters":
        shared = ListingFilters.from_query(query, types=ArticleKind.values)
        level = (query.get("level") or "").strip()
        return cls(
            **{name: getattr(shared, name) for name in shared.__dataclass_fields__},
            level=level if level in SkillLevel.values else "",
        )
