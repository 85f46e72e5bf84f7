"""Member-facing views of requests to adapt a pilot: thin, the rules are in services and
permissions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from cms.models import PilotActionPage
from cms.visibility import visible_pages
from community.conversations.services import ConversationRefused
from community.partnering import services as partnering
from community.partnering.forms import ContactPartnerForm
from community.transfers import permissions, services
from community.transfers.forms import AdaptForm, TransferRequestForm
from community.transfers.models import TransferRequest


@login_required
def new_request(request, page_id):
    pilot = get_object_or_404(visible_pages(PilotActionPage.objects.all(), request), pk=page_id)
    form = TransferRequestForm(request.POST or None, locale=Locale.get_active())
    if request.method == "POST" and form.is_valid():
        transfer = services.ask_to_adapt(request.user, pilot, **form.cleaned_data)
        messages.success(request, _("Your request was sent to the pilot's contacts."))
        return redirect(transfer.get_absolute_url())
    return render(request, "community/transfers/new.html", {"form": form, "pilot": pilot})


def _suggestion_rows(transfer):
    return partnering.suggestion_rows(services.suggestions_for(transfer), about="pilot")


@login_required
def detail(request, pk):
    transfer = get_object_or_404(
        TransferRequest.objects.select_related("pilot", "country", "conversation"), pk=pk
    )
    if not permissions.can_follow(request.user, transfer):
        raise PermissionDenied
    is_requester = transfer.requester_id == request.user.pk
    contact_form = ContactPartnerForm(request.POST or None) if is_requester else None
    if request.method == "POST" and contact_form is not None and contact_form.is_valid():
        try:
            conversation = services.contact_suggestion(
                request.user,
                transfer,
                contact_form.cleaned_data["key"],
                contact_form.cleaned_data["body"],
            )
        except ConversationRefused as refused:
            contact_form.add_error("body", refused.message)
        else:
            messages.success(request, _("Your message was sent."))
            return redirect("community:conversation", pk=conversation.pk)
    can_adapt = permissions.can_adapt(request.user, transfer)
    return render(
        request,
        "community/transfers/detail.html",
        {
            "transfer": transfer,
            # The pilots in the reader's language where a copy exists.
            "pilot": transfer.pilot.localized,
            "adapted_page": transfer.adapted_page.localized if transfer.adapted_page else None,
            "is_requester": is_requester,
            "suggestions": _suggestion_rows(transfer) if is_requester else [],
            "contact_form": contact_form,
            "can_adapt": can_adapt,
            "adapt_form": AdaptForm(initial={"title": transfer.pilot.title}) if can_adapt else None,
            "in_conversation": transfer.conversation
            and transfer.conversation.participants.filter(user=request.user).exists(),
        },
    )


@login_required
@require_POST
def adapt(request, pk):
    transfer = get_object_or_404(TransferRequest.objects.select_related("pilot"), pk=pk)
    if not permissions.can_adapt(request.user, transfer):
        raise PermissionDenied
    form = AdaptForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "community/transfers/detail.html",
            {"transfer": transfer, "can_adapt": True, "adapt_form": form, "suggestions": []},
            status=400,
        )
    page = services.adapt_into_pilot(request.user, transfer, **form.cleaned_data)
    messages.success(request, _("The new pilot action is published and linked to its origin."))
    return redirect(page.url)
