"""Private messages: the inbox, a conversation (read and reply), a new message, reporting a
message, blocking a member. Thin: the rules are community.conversations.permissions', the
writing community.conversations.services'."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community.conversations import permissions
from community.conversations import services as service
from community.conversations.forms import (
    MessageReportForm,
    NewConversationForm,
    ReplyForm,
    refusal_to_form,
)
from community.conversations.models import Message
from community.members.permissions import can_see_profile
from community.moderation.services import already_reported

__all__ = ["block", "conversation", "inbox", "new_conversation", "report_message"]

PER_PAGE = 25


def _require_member(request):
    if not permissions.is_active_member(request.user):
        raise Http404


@login_required
def inbox(request):
    _require_member(request)
    page = Paginator(service.inbox(request.user), PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = service.with_others(list(page.object_list), request.user)
    return TemplateResponse(
        request,
        "community/conversations/inbox.html",
        {"results": page, "conversations": page.object_list},
    )


@login_required
def new_conversation(request):
    _require_member(request)
    initial = {}
    wanted = request.GET.getlist("to")
    if wanted:
        initial["recipients"] = [pk for pk in wanted if pk.isdigit()]
    form = NewConversationForm(request.POST or None, sender=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            conversation = service.start_conversation(
                request.user,
                form.cleaned_data["recipients"],
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
            )
        except service.ConversationRefused as refusal:
            refusal_to_form(form, refusal)
        else:
            messages.success(request, _("Your message is sent."))
            return redirect(conversation.get_absolute_url())
    return TemplateResponse(
        request,
        "community/conversations/new.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


def _conversation_or_404(request, pk):
    """A conversation the member takes part in; a 404 for anyone else, whatever the id."""
    _require_member(request)
    return get_object_or_404(permissions.visible_conversations(request.user), pk=pk)


@login_required
def conversation(request, pk):
    found = _conversation_or_404(request, pk)
    participants = list(found.participants.select_related("user").order_by("pk"))
    others = [p.user for p in participants if p.user_id != request.user.pk]
    refusal = permissions.reply_refusal(request.user, others)
    form = ReplyForm(request.POST or None) if not refusal else None
    if request.method == "POST":
        if refusal:
            form = ReplyForm(request.POST)
            form.add_error(None, refusal)
        elif form.is_valid():
            try:
                service.send_reply(found, request.user, form.cleaned_data["body"])
            except service.ConversationRefused as error:
                refusal_to_form(form, error)
            else:
                return redirect(found.get_absolute_url() + "#latest")
    else:
        service.mark_read(found, request.user)
    messages_list = list(found.messages.select_related("author").order_by("created_at", "pk"))
    blocks = {other.pk: permissions.block_between(request.user, other) for other in others}
    return TemplateResponse(
        request,
        "community/conversations/conversation.html",
        {
            "conversation": found,
            "participants": [p.user for p in participants],
            "others": [(other, blocks[other.pk] == permissions.YOU_BLOCKED) for other in others],
            "conversation_messages": messages_list,
            "form": form,
            "refusal": refusal,
        },
        status=400 if form is not None and form.errors else 200,
    )


@login_required
def report_message(request, pk):
    _require_member(request)
    message = get_object_or_404(
        Message.objects.select_related("conversation", "author").filter(
            conversation__in=permissions.visible_conversations(request.user)
        ),
        pk=pk,
    )
    back = message.conversation.get_absolute_url()
    own = message.author_id == request.user.pk
    already = already_reported(message, request.user)
    form = MessageReportForm(request.POST or None)
    if request.method == "POST" and not own and not already and form.is_valid():
        try:
            service.report_message(
                message,
                request.user,
                reason=form.cleaned_data["reason"],
                details=form.cleaned_data["details"],
            )
        except service.ConversationRefused as refusal:
            refusal_to_form(form, refusal)
        else:
            messages.success(request, _("Thank you: the moderators will look at this message."))
            return redirect(back)
    return TemplateResponse(
        request,
        "community/conversations/report.html",
        {
            "message": message,
            "form": form,
            "already_reported": already,
            "own_message": own,
            "back_url": back,
        },
    )


@login_required
@require_POST
def block(request, pk):
    """Block (or, with unblock=1, unblock) a member; back where the member came from."""
    _require_member(request)
    member = get_object_or_404(get_user_model(), pk=pk)
    if not can_see_profile(member, request.user) and not permissions.block_between(
        request.user, member
    ):
        # Blocking someone the member has never been able to see is still allowed from a
        # conversation; anything else is a 404, like an unknown id.
        shares = service.share_a_conversation(request.user, member)
        if not shares:
            raise Http404
    if request.POST.get("unblock") == "1":
        service.unblock(request.user, member)
        messages.success(request, _("You have unblocked this member."))
    else:
        try:
            service.block(request.user, member)
        except service.ConversationRefused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(
                request, _("You have blocked this member: neither of you can message the other.")
            )
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = "community:conversations"
    return redirect(back)
