"""Filters of the dataset catalogue: the shared listing filters plus theme, format, licence."""

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from urllib.parse import urlencode

from cms.filters import ListingFilters
from cms.models.choices import Sector

from .vocabularies import ArticleKind, DataTheme, EntityKind, FileFormat, Licence, SkillLevel

__all__ = ["DatasetFilters", "DirectoryFilters", "KnowledgeFilters", "MAP_LAYERS"]


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


_CPV_PREFIX = re.compile(r"^\d{1,8}$")
MAP_LAYERS = ("pilot-actions", "entities", "premises", "events")


@dataclass(frozen=True)
class DirectoryFilters(ListingFilters):
    """Directory, premises and map filters: CPV code prefix, region, kind of entity, the
    shared country, sector and text, and (on the map) which layers are on."""

    cpv: str = ""
    region: str = ""
    kind: str = ""
    layers: tuple = ()

    @classmethod
    def from_query(cls, query: Mapping, *, layers=MAP_LAYERS, **kwargs) -> "DirectoryFilters":
        shared = ListingFilters.from_query(query, sectors=Sector.values)
        # "90 91" or "9091-0000" both mean the prefix 9091: buyers paste codes as they find them.
        cpv = re.sub(r"[\s-]", "", query.get("cpv") or "")
        cpv = cpv[:8] if cpv[:8].isdigit() else ""
        kind = (query.get("kind") or "").strip()
        chosen = query.getlist("layer") if hasattr(query, "getlist") else query.get("layer", [])
        if isinstance(chosen, str):
            chosen = [chosen]
        return cls(
            **{name: getattr(shared, name) for name in shared.__dataclass_fields__},
            cpv=cpv if _CPV_PREFIX.match(cpv) else "",
            region=(query.get("region") or "").strip()[:120],
            kind=kind if kind in EntityKind.values else "",
            layers=tuple(layer for layer in layers if layer in chosen),
        )

    def as_query(self, **overrides) -> str:
        """The query string (layers repeated as `layer=`), page omitted unless overridden."""
        value = replace(self, **overrides) if overrides else self
        params = []
        for f in fields(value):
            item = getattr(value, f.name)
            if f.name == "page" and ("page" not in overrides or item == 1):
                continue
            if f.name == "layers":
                params.extend(("layer", layer) for layer in item)
            elif item not in ("", None):
                params.append((f.name, item))
        return urlencode(params)

    def without_layers(self) -> str:
        """The query string of the filters alone, for each layer's GeoJSON URL."""
        return self.as_query(layers=())

    @property
    def is_active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name not in ("page", "layers"))
