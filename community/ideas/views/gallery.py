"""The public gallery of a call's ideas, supports, and the open-data export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.i18n import with_localized_labels
from cms.models.base import paginate
from cms.next_url import is_local_path
from community.ideas import supports as service
from community.ideas.exports import export_response, idea_records
from community.ideas.gallery import GalleryFilters, gallery_listing, gallery_options
from community.ideas.models import IdeaSupport
from community.ideas.permissions import disclose
from community.ideas.services import IdeaRefused
from community.ideas.views.ideas import _call_or_404, _idea_or_404

GALLERY_PAGE_SIZE = 12


def gallery(request, call_id):
    call = _call_or_404(request, call_id)
    filters = GalleryFilters.from_query(request.GET)
    results = paginate(gallery_listing(call, filters), filters.page, GALLERY_PAGE_SIZE)
    # The gallery is the call's public face: everyone, organisers too, reads what the public
    # may know (organisers see decisions in the review admin).
    results.object_list = disclose(results.object_list)
    # Organisations and topics named in the reader's language: one query per kind.
    with_localized_labels(
        [idea.organisation for idea in results.object_list]
        + [topic for idea in results.object_list for topic in idea.topics.all()]
    )
    supported = set()
    if request.user.is_authenticated:
        supported = set(
            IdeaSupport.objects.filter(
                user=request.user, idea__in=[idea.pk for idea in results]
            ).values_list("idea_id", flat=True)
        )
    return render(
        request,
        "community/ideas/gallery.html",
        {
            "call": call.localized,
            "filters": filters,
            "results": results,
            "options": gallery_options(call),
            "supported": supported,
        },
    )


def export(request, call_id, fmt):
    """Open data: the call's public ideas as CSV or JSON, without personal data."""
    if fmt not in ("csv", "json"):
        raise Http404
    call = _call_or_404(request, call_id)
    # The gallery's filters (topic, status, language, text), every page, in a stable order.
    ideas = gallery_listing(call, GalleryFilters.from_query(request.GET)).order_by("pk")
    return export_response(idea_records(ideas, reader=None), fmt, f"ideas-{call.slug}")


@login_required
@require_POST
def toggle_support(request, pk):
    idea = _idea_or_404(request, pk)
    try:
        if request.POST.get("action") == "withdraw":
            service.withdraw_support(idea, request.user)
            messages.success(request, _("Your support has been withdrawn."))
        else:
            service.support(idea, request.user)
            messages.success(request, _("Thank you for supporting this idea."))
    except IdeaRefused as refusal:
        messages.error(request, refusal.message)
    target = request.POST.get("next", "")
    if is_local_path(target, request):
        return redirect(target)
    return redirect("community:idea_detail", pk=idea.pk)
