"""Ideas as a kind of result of the site search: only the ideas anyone may read
(`public_ideas`: never a draft or a withdrawn idea), of calls whose page this reader may see,
each with the status the public may know (`public_status`, the expression form of
`disclosed_status` for a visitor)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cms.search_sources import (
    SearchHit,
    SearchSource,
    language_config,
    register_search_source,
    text_matches,
)
from cms.visibility import visible_pages
from community.ideas.models import IdeaCallPage, IdeaStatus
from community.ideas.permissions import public_ideas, public_status

__all__ = ["register"]


def search_ideas(query, request, locale):
    calls = visible_pages(IdeaCallPage.objects.all(), request).values("pk")
    ideas = public_ideas().filter(call__in=calls).annotate(public_status=public_status())
    return text_matches(
        ideas,
        query,
        ["title", "summary"],
        config=language_config("language"),
        first=Q(language=locale.language_code),
        then=("-submitted_at", "-pk"),
    )


def idea_hits(ideas, request, locale):
    return [
        SearchHit(
            title=idea.title,
            url=idea.get_absolute_url(),
            summary=idea.summary,
            # What the public may know, whoever reads the search page.
            detail=str(IdeaStatus(idea.public_status).label),
            other_language="" if idea.language == locale.language_code else idea.language,
        )
        for idea in ideas
    ]


def register():
    register_search_source(SearchSource("ideas", _("Ideas"), search_ideas, idea_hits, order=30))
