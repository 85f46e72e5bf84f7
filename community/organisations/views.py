"""Organisations from the members' side: the public page, joining, admins' decisions and
proposals. Rules in community.organisations.permissions and community.organisations.services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from cms.exports import csv_response, export_records, json_response
from cms.models import Organisation
from cms.models.base import paginate
from cms.translation_state import field_language
from community.organisations import services as service
from community.organisations.forms import OrganisationProposalForm
from community.organisations.listing import (
    ORGANISATION_COLUMNS,
    OrganisationFilters,
    in_reader_language,
    organisation_listing,
    organisation_options,
    reader_translations,
)
from community.organisations.models import MembershipRole, MembershipStatus, OrganisationMembership
from community.organisations.pages import organisation_activity
from community.organisations.permissions import can_manage_organisation

ORGANISATIONS_PAGE_SIZE = 30


def organisation_list(request):
    filters = OrganisationFilters.from_query(request.GET)
    results = paginate(organisation_listing(filters), filters.page, ORGANISATIONS_PAGE_SIZE)
    results.object_list = in_reader_language(results.object_list)
    return render(
        request,
        "community/organisations/list.html",
        {"results": results, "filters": filters, "options": organisation_options()},
    )


def organisation_export(request, fmt):
    """Open data: every organisation the listing shows for these filters (no pagination)."""
    if fmt not in ("csv", "json"):
        raise Http404
    organisations = list(organisation_listing(OrganisationFilters.from_query(request.GET)))
    records = export_records(
        organisations,
        ORGANISATION_COLUMNS,
        request,
        language=get_language(),
        translations=reader_translations(organisations),
    )
    if fmt == "csv":
        return csv_response(records, ORGANISATION_COLUMNS, f"organisations-{get_language()}.csv")
    return json_response(records, ORGANISATION_COLUMNS)


def organisation_detail(request, pk):
    organisation = get_object_or_404(
        Organisation.objects.select_related("country"), pk=pk, locale=Locale.get_default()
    )
    membership = None
    if request.user.is_authenticated:
        membership = OrganisationMembership.objects.filter(
            organisation=organisation, user=request.user
        ).first()
    manages = can_manage_organisation(organisation, request.user)
    localized = organisation.localized
    context = {
        "organisation": localized,
        "source": organisation,
        # An untranslated description shows in its own language, marked and labelled so.
        "description_language": field_language(localized, organisation, "description"),
        "membership": membership,
        "manages": manages,
        **organisation_activity(organisation, request),
    }
    if manages:
        memberships = OrganisationMembership.objects.filter(organisation=organisation)
        context["pending"] = memberships.filter(status=MembershipStatus.PENDING).select_related(
            "user"
        )
        context["members"] = memberships.filter(status=MembershipStatus.ACCEPTED).select_related(
            "user"
        )
    return render(request, "community/organisations/detail.html", context)


@login_required
@require_POST
def join(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    try:
        service.request_to_join(organisation, request.user)
    except service.Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Your request was sent to the organisation's administrators."))
    return redirect("community:organisation", pk=service.source_organisation(organisation).pk)


def _membership_action(request, pk, action):
    membership = get_object_or_404(
        OrganisationMembership.objects.select_related("organisation", "user"), pk=pk
    )
    try:
        action(membership)
    except service.Refused as refusal:
        messages.error(request, refusal.message)
    return redirect("community:organisation", pk=membership.organisation_id)


@login_required
@require_POST
def decide(request, pk):
    accept = request.POST.get("decision") == "accept"
    return _membership_action(
        request, pk, lambda m: service.decide_membership(m, request.user, accept)
    )


@login_required
@require_POST
def set_role(request, pk):
    role = MembershipRole.ADMIN if request.POST.get("role") == "admin" else MembershipRole.MEMBER
    return _membership_action(request, pk, lambda m: service.set_role(m, request.user, role))


@login_required
@require_POST
def leave(request, pk):
    return _membership_action(request, pk, lambda m: service.leave(m, request.user))


@login_required
def propose(request):
    form = OrganisationProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        service.propose_organisation(form, request.user)
        messages.success(
            request, _("Thank you. An editor will check your proposal and let you know.")
        )
        return redirect("community:organisations")
    return render(request, "community/organisations/propose.html", {"form": form})
