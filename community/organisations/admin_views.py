"""Editors check the organisations members propose (a Wagtail admin view)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from community.organisations import services as organisation_service
from community.organisations.models import OrganisationProposal, ProposalStatus
from community.organisations.permissions import can_review_proposals

__all__ = ["proposals"]


def proposals(request):
    """Editors check organisations proposed by members."""
    if not can_review_proposals(request.user):
        raise PermissionDenied
    if request.method == "POST":
        proposal = get_object_or_404(OrganisationProposal, pk=request.POST.get("proposal"))
        try:
            if request.POST.get("decision") == "approve":
                organisation_service.approve_proposal(proposal, request.user)
                messages.success(request, _("Organisation created; its proposer is its admin."))
            else:
                organisation_service.reject_proposal(proposal, request.user)
                messages.success(request, _("Proposal rejected."))
        except organisation_service.Refused as refusal:
            messages.error(request, refusal.message)
        return redirect("community_proposals:index")
    return TemplateResponse(
        request,
        "community/organisations/admin/proposals.html",
        {
            "pending": OrganisationProposal.objects.filter(
                status=ProposalStatus.PENDING
            ).select_related("proposed_by", "country"),
        },
    )
