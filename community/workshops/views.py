"""The co-design workshop's space: posting, commenting, supporting, grouping, the synthesis and
contribution photos. Thin: rules in workshop_permissions, writes in services/workshops."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.visibility import visible_pages
from community.workshops import services as service
from community.workshops.forms import (
    CommentForm,
    ContributionForm,
    GroupAssignForm,
    GroupForm,
    SynthesisForm,
)
from community.workshops.models import CoDesignWorkshopPage, ContributionGroup


def _workshop_or_404(request, page_id):
    page = visible_pages(CoDesignWorkshopPage.objects.live().filter(pk=page_id), request).first()
    if page is None:
        raise Http404
    return page


def _readable_contribution(request, pk):
    found = service.contribution_for(request.user, pk)
    if found is None:
        raise Http404
    contribution, _access = found
    # The reader's language copy of the workshop, where they came from.
    page = contribution.workshop.localized
    if not visible_pages(CoDesignWorkshopPage.objects.filter(pk=page.pk), request).exists():
        raise Http404
    return contribution, page


def _back(page, anchor="contributions"):
    return redirect(f"{page.url}#{anchor}")


def _rerender(request, page, **overrides):
    """The workshop page again, with the bound form that failed (errors beside its fields)."""
    response = page.render(request, context_overrides=overrides)
    response.status_code = 400
    return response


@login_required
@require_POST
def contribute(request, page_id):
    page = _workshop_or_404(request, page_id)
    form = ContributionForm(request.POST, request.FILES, workshop=page)
    if not form.is_valid():
        return _rerender(request, page, contribution_form=form)
    try:
        contribution = service.post_contribution(
            page,
            request.user,
            text=form.cleaned_data["text"],
            phase=form.cleaned_data.get("phase") or "",
            image=form.cleaned_data.get("image"),
        )
    except service.WorkshopRefused as refusal:
        messages.error(request, refusal.message)
        return _back(page)
    messages.success(request, _("Your contribution is posted."))
    return _back(page, f"contribution-{contribution.pk}")


@login_required
@require_POST
def comment(request, pk):
    contribution, page = _readable_contribution(request, pk)
    form = CommentForm(request.POST, prefix=f"c{contribution.pk}")
    if not form.is_valid():
        return _rerender(request, page, comment_form=form, comment_form_for=contribution.pk)
    try:
        service.add_comment(contribution, request.user, form.cleaned_data["text"])
    except service.WorkshopRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Your comment is posted."))
    return _back(page, f"contribution-{contribution.pk}")


@login_required
@require_POST
def toggle_support(request, pk):
    contribution, page = _readable_contribution(request, pk)
    try:
        if request.POST.get("action") == "withdraw":
            service.withdraw_support(contribution, request.user)
            messages.success(request, _("Your support has been withdrawn."))
        else:
            service.support(contribution, request.user)
            messages.success(request, _("You support this contribution."))
    except service.WorkshopRefused as refusal:
        messages.error(request, refusal.message)
    return _back(page, f"contribution-{contribution.pk}")


@login_required
@require_POST
def create_group(request, page_id):
    page = _workshop_or_404(request, page_id)
    form = GroupForm(request.POST)
    if not form.is_valid():
        return _rerender(request, page, group_form=form)
    try:
        service.create_group(page, request.user, form.cleaned_data["heading"])
    except service.WorkshopRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("The group is created."))
    return _back(page)


@login_required
@require_POST
def assign_group(request, pk):
    contribution, page = _readable_contribution(request, pk)
    groups = ContributionGroup.objects.filter(workshop=contribution.workshop_id)
    form = GroupAssignForm(request.POST, groups=groups)
    if form.is_valid():
        try:
            service.assign_group(contribution, request.user, form.chosen_group())
        except service.WorkshopRefused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("The contribution is filed."))
    else:
        messages.error(request, _("Choose one of the groups."))
    return _back(page, f"contribution-{contribution.pk}")


@login_required
@require_POST
def synthesis(request, page_id):
    page = _workshop_or_404(request, page_id)
    form = SynthesisForm(request.POST)
    if not form.is_valid():
        return _rerender(request, page, synthesis_form=form)
    try:
        service.publish_synthesis(page, request.user, form.cleaned_data["text"])
    except service.WorkshopRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("The synthesis is published on the page."))
    return _back(page, "synthesis")


def image(request, pk):
    """Contribution photos are stored under private names and served only through here, to
    whoever may read the contribution."""
    contribution, _page = _readable_contribution(request, pk)
    if not contribution.image:
        raise Http404
    response = FileResponse(contribution.image.open("rb"))
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
