"""Small JSON endpoints used by the community's scripts."""

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from community.ideas.similar import similar_ideas
from community.ideas.views.ideas import _call_or_404


@require_GET
def similar(request, call_id):
    """Ideas resembling what the author is typing: ?text=...&language=it[&exclude=<id>]."""
    call = _call_or_404(request, call_id)
    text = (request.GET.get("text") or "")[:2000]
    language = request.GET.get("language") or ""
    if language not in dict(settings.LANGUAGES):
        language = request.LANGUAGE_CODE
    exclude = request.GET.get("exclude")
    results = similar_ideas(
        call,
        request.user,
        text,
        language,
        exclude=int(exclude) if (exclude or "").isdigit() else None,
    )
    return JsonResponse(
        {
            "results": [
                {
                    "title": idea.title,
                    "summary": idea.summary[:300],
                    "url": idea.get_absolute_url(),
                    "score": round(score, 2),
                }
                for idea, score in results
            ]
        }
    )
