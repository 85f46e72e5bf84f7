"""Members report a post to the moderators; moderators act where it happens, on the thread
page (and an idea's conversation), with the same services as the admin queue
(community/moderation/admin.py). Who may act is asked again on every POST: the controls are
only shown to moderators, a hand-made POST from anyone else is refused (403)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from community.discussions.models import Post, PostStatus, Thread
from community.discussions.permissions import can_moderate, is_staff, visible_posts
from community.moderation import services as service
from community.moderation.admin import DONE_MESSAGES, POST_ACTIONS
from community.moderation.forms import BlockForm, ReasonForm, ReportForm, refusal_to_form
from community.moderation.models import ModerationActionKind, Report

__all__ = ["block_author", "lock_thread", "moderate_post", "report_post"]

# What a moderator may do to a post from the thread page (the queue also dismisses reports).
THREAD_PAGE_ACTIONS = (
    ModerationActionKind.HIDE,
    ModerationActionKind.RESTORE,
    ModerationActionKind.APPROVE,
    ModerationActionKind.REJECT,
)


@login_required
def report_post(request, pk):
    # Only a published post the member may read: anything else is a 404, whatever its id.
    readable = visible_posts(request.user).filter(
        status=PostStatus.PUBLISHED, deleted_at__isnull=True
    )
    post = get_object_or_404(readable.select_related("thread__space", "author"), pk=pk)
    back = post.get_absolute_url() or "/"
    already = Report.objects.filter(post=post, reporter=request.user).exists()
    form = ReportForm(request.POST or None)
    if request.method == "POST" and not already and form.is_valid():
        try:
            service.report_post(
                post,
                request.user,
                reason=form.cleaned_data["reason"],
                details=form.cleaned_data["details"],
            )
        except service.ModerationRefused as refusal:
            refusal_to_form(form, refusal)
        else:
            messages.success(request, _("Thank you: the moderators will look at this post."))
            return redirect(back)
    return TemplateResponse(
        request,
        "community/moderation/report.html",
        {
            "post": post,
            "form": form,
            "already_reported": already,
            "own_post": post.author_id == request.user.pk,
            "back_url": back,
        },
    )


# ---------- Moderators act from the thread page ----------


def _back(request, post=None):
    """Where the moderator came from (a path on this site), else the post's own link."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return (post.get_absolute_url() if post is not None else "") or "/"


def _moderated_post_or_403(request, pk):
    post = get_object_or_404(Post.objects.select_related("thread__space", "author"), pk=pk)
    if not can_moderate(request.user, post.thread.space):
        raise PermissionDenied
    return post


def _refused_page(request, post, form, action_url, action_label):
    return TemplateResponse(
        request,
        "community/moderation/act.html",
        {
            "post": post,
            "form": form,
            "action_url": action_url,
            "action_label": action_label,
            "back_url": _back(request, post),
        },
        status=400,
    )


ACTION_HEADINGS = {
    ModerationActionKind.HIDE: gettext_lazy("Hide the post"),
    ModerationActionKind.RESTORE: gettext_lazy("Restore the post"),
    ModerationActionKind.APPROVE: gettext_lazy("Approve the post"),
    ModerationActionKind.REJECT: gettext_lazy("Reject the post"),
}


@login_required
@require_POST
def moderate_post(request, pk, action):
    """Hide, restore, approve or reject a post, by the admin queue's own services."""
    post = _moderated_post_or_403(request, pk)
    if action not in THREAD_PAGE_ACTIONS:
        raise PermissionDenied
    act, reason_required = POST_ACTIONS[action]
    form = ReasonForm(request.POST, required=reason_required)
    if form.is_valid():
        try:
            act(post, request.user, reason=form.cleaned_data["reason"])
        except service.ModerationRefused as refusal:
            refusal_to_form(form, refusal)
        else:
            messages.success(request, DONE_MESSAGES[action])
            return redirect(f"{_back(request, post)}#post-{post.pk}")
    action_url = reverse("community:moderate_post", args=[post.pk, action])
    return _refused_page(request, post, form, action_url, str(ACTION_HEADINGS[action]))


@login_required
@require_POST
def block_author(request, pk):
    """Block the post's author from posting in its space (staff: everywhere, if asked)."""
    post = _moderated_post_or_403(request, pk)
    space = post.thread.space
    form = BlockForm(request.POST, may_block_everywhere=is_staff(request.user))
    if form.is_valid():
        try:
            service.block_member(
                post.author,
                request.user,
                reason=form.cleaned_data["reason"],
                until=form.block_until(),
                space=None if form.block_everywhere() else space,
            )
        except service.ModerationRefused as refusal:
            refusal_to_form(form, refusal)
        else:
            messages.success(request, _("The member is blocked from posting."))
            return redirect(f"{_back(request, post)}#post-{post.pk}")
    action_url = reverse("community:moderate_block", args=[post.pk])
    return _refused_page(request, post, form, action_url, _("Block the author here"))


@login_required
@require_POST
def lock_thread(request, pk):
    """Lock or unlock a thread (the service refuses anyone who may not moderate its space)."""
    thread = get_object_or_404(Thread.objects.select_related("space"), pk=pk)
    if not can_moderate(request.user, thread.space):
        raise PermissionDenied
    locked = request.POST.get("locked") == "1"
    service.lock_thread(thread, request.user, locked=locked, reason=request.POST.get("reason", ""))
    messages.success(
        request,
        _("The thread is locked: no new replies.") if locked else _("The thread is open again."),
    )
    return redirect(_back(request) if request.POST.get("next") else thread.get_absolute_url())
