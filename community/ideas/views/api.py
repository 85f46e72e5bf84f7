"""Small JSON endpoints used by the community's scripts."""

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from community.ideas import services
from community.ideas.similar import similar_ideas
from community.ideas.views.ideas import _call_or_404, _idea_or_404
from community.members.writing import consume_or_refuse

# @-name suggestions asked per member and minute (one per pause in typing).
MENTIONS_RATE = (60, 60)


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


@require_GET
def mentions(request, pk):
    """The idea's authors the reader may name in it (?q=the start of a name), as JSON: at most
    eight, id, display name and the text to insert; never an email. Members only, limited."""
    refusal = consume_or_refuse(request, "idea-mentions", MENTIONS_RATE)
    if refusal:
        return refusal
    idea = _idea_or_404(request, pk)
    return JsonResponse(
        {"results": services.mention_suggestions(idea, request.user, request.GET.get("q"))}
    )
