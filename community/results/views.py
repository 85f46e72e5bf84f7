"""Results on the site: a call's results list and export, the organiser's actions (turn an
idea into a result, update it), following a result, and the idea page's result section."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.i18n import reader_url, with_localized_labels
from cms.visibility import is_visible
from community.ideas.models import Idea, IdeaCallPage
from community.ideas.permissions import can_view_idea, is_call_organiser
from community.results import services
from community.results.exports import export_response, result_records
from community.results.forms import MakeResultForm, ResultUpdateForm
from community.results.links import attach_links
from community.results.listing import (
    ResultFilters,
    call_results,
    filter_options,
    in_readers_language,
)
from community.results.models import IdeaResultPage
from community.results.permissions import (
    can_manage_result,
    can_view_result,
    make_result_refusal,
    visible_results,
)


def _call_or_404(request, call_id):
    call = get_object_or_404(IdeaCallPage, pk=call_id)
    if not is_visible(call, request):
        raise Http404
    return call


def _result_or_404(request, pk):
    result = get_object_or_404(IdeaResultPage.objects.select_related("idea__call"), pk=pk)
    result = result.source_page()
    if not can_view_result(result, request):
        raise Http404
    return result


def results(request, call_id):
    """The call's public results with their progress, filtered by status, country, topic."""
    call = _call_or_404(request, call_id)
    filters = ResultFilters.from_query(request.GET)
    items = attach_links(in_readers_language(call_results(call, request, filters)), request)
    with_localized_labels(
        [item.country for item in items]
        + [topic for item in items for topic in item.topics.all()]
        + [organisation for item in items for organisation in item.organisations.all()]
    )
    return render(
        request,
        "community/results/list.html",
        {
            "call": call.localized,
            "results": items,
            "filters": filters,
            "options": filter_options(call, request),
        },
    )


def export(request, call_id, fmt):
    """Open data: the call's readable results, as CSV or JSON, without personal data."""
    if fmt not in ("csv", "json"):
        raise Http404
    call = _call_or_404(request, call_id)
    # Exported as a visitor reads them, whoever asks: open data is the public's.
    items = call_results(call, None, ResultFilters.from_query(request.GET))
    records = result_records(items, call.source_page(), request)
    return export_response(records, fmt, f"results-{call.slug}")


@login_required
@require_POST
def make_result(request, pk):
    idea = get_object_or_404(Idea.objects.select_related("call", "organisation"), pk=pk)
    if not can_view_idea(idea, request.user):
        raise Http404
    form = MakeResultForm(request.POST)
    refusal = make_result_refusal(idea, request.user)
    if refusal or not form.is_valid():
        messages.error(request, refusal or _("Choose a pilot action from the list."))
        return redirect("community:idea_detail", pk=idea.pk)
    result = services.create_result(idea, request.user, form.cleaned_data["pilot_action"])
    messages.success(request, _("The result is published. Add its milestones as they come."))
    return redirect("community:result_update", pk=result.pk)


@login_required
def update(request, pk):
    result = _result_or_404(request, pk)
    if not can_manage_result(result, request.user):
        raise PermissionDenied
    initial = {
        "status": result.status,
        "progress": result.progress,
        "stopped_reason": result.stopped_reason,
        "pilot_action": result.pilot_action_id,
    }
    form = ResultUpdateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.update_result(
            result,
            request.user,
            status=data["status"],
            progress=data["progress"],
            stopped_reason=data["stopped_reason"].strip(),
            milestone=form.milestone(),
            pilot_action=data["pilot_action"],
        )
        messages.success(request, _("The result is updated; its followers are told."))
        return redirect(reader_url(result))
    return render(
        request,
        "community/results/update.html",
        {
            "result": result,
            "result_url": reader_url(result),
            "form": form,
            "milestones": list(result.milestones.all()),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def follow(request, pk):
    result = _result_or_404(request, pk)
    on = request.POST.get("follow") == "1"
    if on and not services.can_follow_result(result, request):
        raise PermissionDenied
    services.follow_result(result, request.user, on=on)
    if on:
        messages.success(request, _("You follow this result: you will hear of its progress."))
    else:
        messages.success(request, _("You no longer follow this result."))
    return redirect(reader_url(result))


def idea_result_section(idea, request):
    """The idea page's section: its result, where the reader may read it; for the call's
    organisers, the action to turn the idea into a result, or why it is not offered."""
    result = visible_results(request, idea.result_pages.filter(locale=idea.call.locale)).first()
    organiser = is_call_organiser(idea.call, request.user)
    if result is None and not organiser:
        return ""
    refusal = make_result_refusal(idea, request.user) if result is None else ""
    return render_to_string(
        "community/results/idea_section.html",
        {
            "idea": idea,
            "result": result.localized if result else None,
            "result_url": reader_url(result) if result else "",
            "refusal": refusal,
            "form": MakeResultForm() if result is None and not refusal else None,
        },
        request=request,
    )
