"""The "Suggested partners" sections of the idea and call pages, and writing to a partner
suggested for an idea: thin, the rules are in services and permissions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community.conversations.services import ConversationRefused
from community.ideas.models import Idea
from community.partnering import permissions, services
from community.partnering.forms import ContactPartnerForm


def idea_partners_section(idea, request):
    """Nothing for whoever may not see the suggestions (server-side: the rows are never
    computed for them)."""
    if not permissions.can_see_idea_suggestions(idea, request.user):
        return ""
    return render_to_string(
        "community/partnering/idea_section.html",
        {
            "idea": idea,
            "suggestions": services.suggestion_rows(
                services.idea_suggestions(idea, request.user), about="idea"
            ),
            "can_contact": permissions.can_contact_for_idea(idea, request.user),
        },
        request=request,
    )


def call_partners_section(call, request):
    """For the organisers of a call that asks for consortia: who could join its consortia."""
    if not permissions.can_see_call_suggestions(call, request.user):
        return ""
    return render_to_string(
        "community/partnering/call_section.html",
        {
            "suggestions": services.suggestion_rows(
                services.call_suggestions(call, request.user), about="idea"
            ),
            "can_contact": False,
        },
        request=request,
    )


@login_required
@require_POST
def contact_for_idea(request, pk):
    idea = get_object_or_404(Idea.objects.select_related("call", "organisation"), pk=pk)
    if not permissions.can_contact_for_idea(idea, request.user):
        raise PermissionDenied
    form = ContactPartnerForm(request.POST)
    if form.is_valid():
        try:
            conversation = services.contact_for_idea(
                request.user, idea, form.cleaned_data["key"], form.cleaned_data["body"]
            )
        except ConversationRefused as refused:
            form.add_error("body", refused.message)
        else:
            messages.success(request, _("Your message was sent."))
            return redirect("community:conversation", pk=conversation.pk)
    # Refused or incomplete: the message stays as typed, the reason beside it.
    return render(
        request, "community/partnering/contact.html", {"idea": idea, "form": form}, status=400
    )
