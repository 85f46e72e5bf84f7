"""Idea review in the Wagtail admin: reviewers score, organisers rank, move and publish.

Reviewers see only the calls they are assigned to and never a conflicted idea
(community.ideas.permissions.reviewable_ideas); organisers are editors who may edit the call page.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from cms.i18n import with_localized_labels
from community.ideas import reviews as review_service
from community.ideas import services as idea_service
from community.ideas.exports import export_response, idea_records
from community.ideas.models import Idea, IdeaCallPage, IdeaCallReviewer, IdeaStatus, Review
from community.ideas.models.choices import ORGANISER_TRANSITIONS
from community.ideas.permissions import is_call_organiser, reviewable_ideas
from community.ideas.ranking import DISAGREEMENT_SPREAD
from community.ideas.review_forms import BulkStatusForm, ConflictForm, ReviewForm


def calls_for(user):
    """Source-language calls this user reviews or organises."""
    calls = IdeaCallPage.objects.filter(locale=Locale.get_default()).order_by("-closes_at")
    assigned = set(IdeaCallReviewer.objects.filter(user=user).values_list("page_id", flat=True))
    return [
        (call, call.pk in assigned, is_call_organiser(call, user))
        for call in calls
        if call.pk in assigned or is_call_organiser(call, user)
    ]


def has_review_work(user):
    if not user.is_authenticated:
        return False
    if IdeaCallReviewer.objects.filter(user=user).exists():
        return True
    return any(is_organiser for _call, _reviewer, is_organiser in calls_for(user))


def index(request):
    calls = calls_for(request.user)
    with_localized_labels(call for call, _reviewer, _organiser in calls)  # titles, one query
    return TemplateResponse(request, "community/ideas/admin/review_index.html", {"calls": calls})


def _call(request, call_id):
    call = get_object_or_404(IdeaCallPage, pk=call_id)
    return call.source_page()


def call_ideas(request, call_id):
    """The reviewer's list: ideas to score, with their own progress."""
    call = _call(request, call_id)
    ideas = list(reviewable_ideas(call, request.user).order_by("pk"))
    if not ideas and not call.reviewers.filter(user=request.user).exists():
        raise PermissionDenied
    reviewed = set(
        Review.objects.filter(reviewer=request.user, idea__in=ideas).values_list(
            "idea_id", flat=True
        )
    )
    return TemplateResponse(
        request,
        "community/ideas/admin/review_call.html",
        {
            "call": call,
            "rows": [(idea, idea.pk in reviewed) for idea in ideas],
            "conflict_form": ConflictForm(),
            "is_organiser": is_call_organiser(call, request.user),
        },
    )


def review_idea(request, idea_id):
    idea = get_object_or_404(
        Idea.objects.select_related("call", "author", "organisation"), pk=idea_id
    )
    # A conflicted or unassigned reviewer gets the same answer as for a missing idea.
    if not reviewable_ideas(idea.call, request.user).filter(pk=idea.pk).exists():
        raise Http404
    call = idea.call
    review = (
        Review.objects.filter(idea=idea, reviewer=request.user).prefetch_related("scores").first()
    )
    form = ReviewForm(request.POST or None, criteria=call.criteria.all(), review=review)
    if request.method == "POST" and form.is_valid():
        try:
            review_service.save_review(
                idea, request.user, form.scores(), form.cleaned_data["comment"]
            )
        except idea_service.IdeaRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("Your review has been saved."))
            return redirect("community_review:call", call_id=call.pk)
    return TemplateResponse(
        request,
        "community/ideas/admin/review_idea.html",
        {
            "idea": idea,
            "call": call,
            "form": form,
            "anonymised": call.anonymised_review,
            "attachments": idea.attachments.all(),
            "sections": idea.shown_sections(request.user),
        },
    )


@require_POST
def declare_conflict(request, call_id):
    call = _call(request, call_id)
    if not call.reviewers.filter(user=request.user).exists():
        raise PermissionDenied
    idea = None
    if request.POST.get("idea"):
        idea = get_object_or_404(reviewable_ideas(call, request.user), pk=request.POST["idea"])
    form = ConflictForm(request.POST)
    if form.is_valid() and (idea or form.cleaned_data["organisation"]):
        review_service.declare_conflict(
            request.user,
            idea=idea,
            organisation=None if idea else form.cleaned_data["organisation"],
            reason=form.cleaned_data["reason"],
        )
        messages.success(
            request, _("Conflict of interest recorded; those ideas are hidden from you.")
        )
    else:
        messages.error(request, _("Choose an organisation, or declare the conflict from an idea."))
    return redirect("community_review:call", call_id=call.pk)


def _moves_text(status):
    """The statuses an organiser may move an idea to from `status`, in lifecycle order."""
    allowed = ORGANISER_TRANSITIONS.get(status, ())
    labels = [label for value, label in IdeaStatus.choices if value in allowed]
    return ", ".join(str(label) for label in labels) or "—"


def ranking(request, call_id):
    call = _call(request, call_id)
    if not is_call_organiser(call, request.user):
        raise PermissionDenied
    ranked = review_service.ranking(call)
    form = BulkStatusForm(request.POST or None, idea_ids=[item.idea.pk for item in ranked])
    if request.method == "POST" and form.is_valid():
        chosen = [item.idea for item in ranked if item.idea.pk in form.cleaned_data["ideas"]]
        moved, refused = idea_service.change_status(
            chosen, form.cleaned_data["status"], request.user
        )
        if moved:
            messages.success(
                request,
                ngettext("%(count)d idea moved.", "%(count)d ideas moved.", len(moved))
                % {"count": len(moved)},
            )
        for idea in refused:
            # Name the idea and the steps open to it, so the organiser knows what to do first.
            messages.warning(
                request,
                _("“%(title)s” is %(status)s: from there it can move to %(moves)s.")
                % {
                    "title": idea.title,
                    "status": idea.get_status_display(),
                    "moves": _moves_text(idea.status),
                },
            )
        return redirect("community_review:ranking", call_id=call.pk)
    return TemplateResponse(
        request,
        "community/ideas/admin/review_ranking.html",
        {
            "call": call,
            "ranked": ranked,
            "rows": [(item, _moves_text(item.idea.status)) for item in ranked],
            "publish_refusal": review_service.publish_refusal(call.source_page()),
            "form": form,
            "threshold": DISAGREEMENT_SPREAD,
            "selected_count": sum(1 for item in ranked if item.idea.status == IdeaStatus.SELECTED),
        },
    )


@require_POST
def publish(request, call_id):
    call = _call(request, call_id)
    try:
        review_service.publish_results(call, request.user)
    except idea_service.IdeaRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Results published on the call page."))
    return redirect("community_review:ranking", call_id=call.pk)


def export(request, call_id, fmt):
    """The organiser's export: every submitted idea with its review figures, no personal data."""
    if fmt not in ("csv", "json"):
        raise Http404
    call = _call(request, call_id)
    if not is_call_organiser(call, request.user):
        raise PermissionDenied
    ranked = review_service.ranking(call)
    ideas = (
        Idea.objects.filter(pk__in=[item.idea.pk for item in ranked])
        .select_related("call", "organisation")
        .prefetch_related("topics")
        .order_by("pk")
    )
    records = idea_records(ideas, ranked, reader=request.user)
    return export_response(records, fmt, f"ideas-{call.slug}-review", with_review=True)
