"""Results as a kind of result of the site search: only the results this reader may read
(`visible_results`, the one rule), in the reader's language tree."""

from django.utils.translation import gettext_lazy as _

from cms.search_sources import SearchHit, SearchSource, register_search_source, text_matches
from community.results.models import IdeaResultPage, ResultStatus
from community.results.permissions import visible_results

__all__ = ["register"]


def search_results(query, request, locale):
    results = visible_results(request, IdeaResultPage.objects.filter(locale=locale))
    return text_matches(results, query, ["title", "summary"], then=("-first_published_at", "-pk"))


def result_hits(results, request, locale):
    return [
        SearchHit(
            title=result.title,
            url=result.get_url(request),
            summary=result.summary,
            detail=f"{ResultStatus(result.status).label} · {result.progress} %",
        )
        for result in results
    ]


def register():
    register_search_source(
        # Claiming the page type keeps result pages out of the generic "pages" kind, which
        # knows nothing of the idea rule.
        SearchSource(
            "results",
            _("Results"),
            search_results,
            result_hits,
            order=35,
            page_types=(IdeaResultPage,),
        )
    )
