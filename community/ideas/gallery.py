"""The public gallery of a call's ideas: filters parsed without a database, the listing query,
and the filter form's choices."""

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from cms.filters import parse_page
from cms.i18n import localized_options
from cms.models import Topic
from community.ideas.models import IdeaStatus
from community.ideas.models.choices import SUBMITTED_STATUSES
from community.ideas.permissions import public_ideas, public_status

__all__ = ["GalleryFilters", "gallery_listing", "gallery_options"]

_SLUG = re.compile(r"^[-a-z0-9_]{1,120}$")
SORTS = ("recent", "supported", "title")


@dataclass(frozen=True)
class GalleryFilters:
    topic: str = ""
    status: str = ""
    language: str = ""
    q: str = ""
    sort: str = "recent"
    page: int = 1

    @classmethod
    def from_query(cls, query: Mapping) -> "GalleryFilters":
        topic = (query.get("topic") or "").strip().lower()
        status = (query.get("status") or "").strip()
        language = (query.get("language") or "").strip()
        sort = (query.get("sort") or "").strip()
        return cls(
            topic=topic if _SLUG.match(topic) else "",
            status=status if status in SUBMITTED_STATUSES else "",
            language=language if language in dict(settings.LANGUAGES) else "",
            q=(query.get("q") or "").strip()[:200],
            sort=sort if sort in SORTS else "recent",
            page=parse_page(query.get("page")),
        )

    @property
    def is_active(self) -> bool:
        return bool(self.topic or self.status or self.language or self.q)

    def as_query(self, **overrides) -> str:
        value = replace(self, **overrides) if overrides else self
        params = []
        for f in fields(value):
            item = getattr(value, f.name)
            if f.name == "page" and ("page" not in overrides or item == 1):
                continue
            if f.name == "sort" and item == "recent":
                continue
            if item not in ("", None):
                params.append((f.name, item))
        return urlencode(params)


ORDERING = {
    "recent": ("-submitted_at", "-pk"),
    "supported": ("-support_count", "-submitted_at", "-pk"),
    "title": ("title", "pk"),
}


def gallery_listing(call, filters):
    """Public ideas of `call` narrowed by `filters`, with what the cards show preloaded. The
    status filter reads the status the public may know, so it cannot reveal a decision."""
    ideas = public_ideas().filter(call=call.source_page()).annotate(public_status=public_status())
    if filters.topic:
        ideas = ideas.filter(topics__slug=filters.topic).distinct()
    if filters.status:
        ideas = ideas.filter(public_status=filters.status)
    if filters.language:
        ideas = ideas.filter(language=filters.language)
    if filters.q:
        ideas = ideas.filter(title__icontains=filters.q) | ideas.filter(
            summary__icontains=filters.q
        )
    return (
        ideas.select_related("organisation", "call")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("name")))
        .order_by(*ORDERING[filters.sort])
    )


def gallery_options(call):
    ideas = public_ideas().filter(call=call.source_page()).annotate(public_status=public_status())
    topics = localized_options(Topic.objects.filter(pk__in=ideas.values("topics")), "slug")
    languages = set(ideas.values_list("language", flat=True).distinct())
    statuses = set(ideas.values_list("public_status", flat=True).distinct())
    return {
        "topics": topics,
        "languages": [(code, name) for code, name in settings.LANGUAGES if code in languages],
        "statuses": [(s.value, s.label) for s in IdeaStatus if s.value in statuses],
        "sorts": [
            ("recent", _("Most recent")),
            ("supported", _("Most supported")),
            ("title", _("Title")),
        ],
    }
