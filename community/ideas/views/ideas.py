"""Ideas from the member's side: write, preview, submit, edit, withdraw, attachments,
co-authors. Every rule is in community.ideas.permissions and community.ideas.services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.visibility import is_visible
from community.ideas import follows
from community.ideas import services as service
from community.ideas.forms import IdeaForm, InviteCoAuthorForm
from community.ideas.models import (
    CoAuthorStatus,
    Idea,
    IdeaAttachment,
    IdeaCallPage,
    IdeaCoAuthor,
    IdeaSupport,
)
from community.ideas.permissions import (
    can_edit_idea,
    can_view_idea,
    disclosed_status,
    is_idea_author,
)
from community.ideas.signals import idea_page_requested
from community.ideas.supports import can_support


def _call_or_404(request, call_id):
    call = get_object_or_404(IdeaCallPage, pk=call_id)
    if not is_visible(call, request):
        raise Http404
    return call


def _idea_or_404(request, pk):
    idea = get_object_or_404(Idea.objects.select_related("call", "author", "organisation"), pk=pk)
    if not can_view_idea(idea, request.user):
        raise Http404
    return idea


def _form_page(request, form, call, idea=None, status=200):
    return render(
        request,
        "community/ideas/form.html",
        {"form": form, "call": call.localized, "idea": idea},
        status=status,
    )


def _save(request, form, call, idea=None):
    submit = "submit" in request.POST
    try:
        idea = service.save_idea(
            form,
            request.user,
            call=call,
            uploads=form.cleaned_data.get("new_attachments", []),
            submit=submit,
        )
    except service.IdeaRefused as refusal:
        form.add_error(None, refusal.message)
        return _form_page(request, form, call, idea, status=409)
    if submit:
        messages.success(
            request, _("Your idea has been submitted. You can still edit it until the call closes.")
        )
    else:
        messages.success(request, _("Draft saved. This is how your idea will look."))
    return redirect("community:idea_detail", pk=idea.pk)


@login_required
def new_idea(request, call_id):
    call = _call_or_404(request, call_id)
    source = call.source_page()
    if not source.is_open():
        messages.error(request, _("This call is not open for ideas."))
        return redirect(call.localized.url or "/")
    form = IdeaForm(request.POST or None, request.FILES or None, call=source, user=request.user)
    if request.method == "POST" and form.is_valid():
        return _save(request, form, source)
    return _form_page(request, form, source)


@login_required
def edit_idea(request, pk):
    idea = _idea_or_404(request, pk)
    if not can_edit_idea(idea, request.user):
        messages.error(request, _("This idea can no longer be changed."))
        return redirect("community:idea_detail", pk=idea.pk)
    form = IdeaForm(
        request.POST or None,
        request.FILES or None,
        instance=idea,
        call=idea.call,
        user=request.user,
    )
    if request.method == "POST" and form.is_valid():
        return _save(request, form, idea.call, idea)
    return _form_page(request, form, idea.call, idea)


def _history(idea, user):
    """The lifecycle as `user` may know it: (when, status) pairs, an undisclosed decision read
    as "under review" and a step that tells nothing new left out."""
    steps = []
    for change in idea.history.all():
        status = disclosed_status(idea, user, status=change.to_status)
        if not steps or steps[-1][1] != status:
            steps.append((change.changed_at, status))
    return steps


def idea_detail(request, pk):
    return _detail_page(request, _idea_or_404(request, pk))


def _detail_page(request, idea, invite_form=None, status=200):
    is_author = is_idea_author(idea, request.user)
    supports = (
        request.user.is_authenticated
        and IdeaSupport.objects.filter(idea=idea, user=request.user).exists()
    )
    return render(
        request,
        "community/ideas/detail.html",
        {
            "idea": idea,
            "sections": idea.shown_sections(request.user),
            "idea_status": disclosed_status(idea, request.user),
            "call": idea.call.localized,
            "is_author": is_author,
            "can_edit": can_edit_idea(idea, request.user),
            "attachments": idea.attachments.all(),
            "history": _history(idea, request.user) if is_author else (),
            # Named once they accept: a pending or declined invitation would tell the author
            # who holds the address they typed, whatever that member's profile visibility.
            "coauthors": (
                idea.coauthors.filter(status=CoAuthorStatus.ACCEPTED).select_related("user")
                if is_author
                else ()
            ),
            "invite_form": (
                (invite_form or InviteCoAuthorForm()) if idea.author_id == request.user.pk else None
            ),
            "supports": supports,
            "can_support": can_support(idea, request.user) and not supports,
            "can_follow": follows.can_follow_idea(idea, request.user),
            "following": follows.is_following(idea, request.user),
            # Sections other capabilities add (the discussions: the idea's conversation).
            "extra_sections": _sections(request, idea),
        },
        status=status,
    )


def _sections(request, idea):
    responses = idea_page_requested.send(sender=Idea, idea=idea, request=request)
    return [html for _receiver, html in responses if html]


@login_required
@require_POST
def follow_idea(request, pk):
    """Follow an idea open to conversation, or stop following one (always allowed)."""
    idea = _idea_or_404(request, pk)
    on = request.POST.get("follow") == "1"
    if on and not follows.can_follow_idea(idea, request.user):
        raise PermissionDenied
    follows.follow_idea(idea, request.user, on=on)
    if on:
        messages.success(
            request, _("You follow this idea: you will hear of its comments and its status.")
        )
    else:
        messages.success(request, _("You no longer follow this idea."))
    return redirect("community:idea_detail", pk=idea.pk)


def _author_action(request, pk, action, done_message):
    idea = _idea_or_404(request, pk)
    try:
        action(idea, request.user)
    except service.IdeaRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, done_message)
    return redirect("community:idea_detail", pk=idea.pk)


@login_required
@require_POST
def submit_idea(request, pk):
    return _author_action(request, pk, service.submit_idea, _("Your idea has been submitted."))


@login_required
@require_POST
def withdraw_idea(request, pk):
    return _author_action(request, pk, service.withdraw_idea, _("Your idea has been withdrawn."))


def attachment(request, pk, attachment_id):
    """Attachments are stored under private names and served only through here, to whoever
    may see the idea."""
    idea = _idea_or_404(request, pk)
    item = get_object_or_404(IdeaAttachment, pk=attachment_id, idea=idea)
    response = FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=item.original_name,
        content_type=item.mime_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def remove_attachment(request, pk, attachment_id):
    idea = _idea_or_404(request, pk)
    item = get_object_or_404(IdeaAttachment, pk=attachment_id, idea=idea)
    try:
        service.remove_attachment(item, request.user)
    except service.IdeaRefused as refusal:
        messages.error(request, refusal.message)
    return redirect("community:idea_edit", pk=idea.pk)


@login_required
@require_POST
def invite_coauthor(request, pk):
    idea = _idea_or_404(request, pk)
    form = InviteCoAuthorForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, idea, invite_form=form, status=400)
    try:
        service.invite_by_email(idea, request.user, form.cleaned_data["email"])
    except service.IdeaRefused as refusal:
        form.add_error("email", refusal.message)
        return _detail_page(request, idea, invite_form=form, status=409)
    # The same answer whoever holds the address, or nobody.
    messages.success(request, _("Invitation sent."))
    return redirect("community:idea_detail", pk=idea.pk)


@login_required
def invitation(request, token):
    item = get_object_or_404(
        IdeaCoAuthor.objects.select_related("idea", "idea__author"),
        token=token,
        user=request.user,
    )
    if request.method == "POST" and item.status == CoAuthorStatus.INVITED:
        accept = request.POST.get("answer") == "accept"
        service.respond_to_invitation(item, request.user, accept)
        if accept:
            messages.success(request, _("You are now a co-author of this idea."))
            return redirect("community:idea_detail", pk=item.idea_id)
        messages.info(request, _("You declined the invitation."))
        return redirect("community:my_ideas")
    return render(request, "community/ideas/invitation.html", {"invitation": item})


@login_required
def my_ideas(request):
    ideas, invitations = service.member_ideas(request.user)
    return render(
        request, "community/ideas/mine.html", {"ideas": ideas, "invitations": invitations}
    )
