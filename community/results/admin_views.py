"""Results in the Wagtail admin, where organisers rank ideas and publish a call's results:
each selected idea with its result (to edit, or to view on the site), or the action that turns
it into one, attached to an existing pilot action if they choose. The rules are the site's
(`make_result_refusal`, `services.create_result`)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community.ideas.models import Idea, IdeaCallPage, IdeaStatus
from community.ideas.permissions import is_call_organiser
from community.results import services
from community.results.forms import MakeResultForm, pilot_actions
from community.results.models import IdeaResultPage
from community.results.permissions import call_results_refusal

__all__ = ["call_results", "make_result"]


def _organised_call(request, call_id):
    call = get_object_or_404(IdeaCallPage, pk=call_id).source_page()
    if not is_call_organiser(call, request.user):
        raise PermissionDenied
    return call


def call_results(request, call_id):
    """The call's selected ideas, each with its result or the action to make one."""
    call = _organised_call(request, call_id)
    ideas = list(
        Idea.objects.filter(call=call, status=IdeaStatus.SELECTED)
        .only("pk", "title", "call_id")
        .order_by("title", "pk")
    )
    results = {
        result.idea_id: result
        for result in IdeaResultPage.objects.filter(idea__in=ideas, locale_id=call.locale_id)
    }
    refusal = call_results_refusal(call)
    return TemplateResponse(
        request,
        "community/results/admin/call_results.html",
        {
            "call": call,
            "rows": [(idea, results.get(idea.pk)) for idea in ideas],
            "refusal": refusal,
            # One list of choices for every row's form (its own select, its own id).
            "pilot_actions": [] if refusal else list(pilot_actions()),
        },
    )


@require_POST
def make_result(request, idea_id):
    idea = get_object_or_404(Idea.objects.select_related("call", "organisation"), pk=idea_id)
    call = _organised_call(request, idea.call_id)
    form = MakeResultForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a pilot action from the list."))
        return redirect("community_review:results", call_id=call.pk)
    try:
        result = services.create_result(idea, request.user, form.cleaned_data["pilot_action"])
    except services.ResultRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request,
            _("“%(title)s” is published as a result. Add its milestones as they come.")
            % {"title": result.title},
        )
    return redirect("community_review:results", call_id=call.pk)
