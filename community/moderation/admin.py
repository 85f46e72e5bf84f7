"""The moderators' queue in the Wagtail admin: reported posts, posts waiting for approval,
hidden posts and blocks in force, with the actions beside each; a dashboard panel counts the
work. Views are thin: who may act is decided by community.moderation.services (through
`can_moderate`), on every POST."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from community.discussions.models import DiscussionIndexPage, MemberBlock, Post, Thread
from community.discussions.permissions import can_moderate, is_staff
from community.moderation import services as service
from community.moderation.forms import BlockForm, ReasonForm, refusal_to_form
from community.moderation.models import ModerationActionKind
from community.moderation.targets import spec_for

__all__ = ["ModerationMenuItem", "ModerationPanel", "urlpatterns"]

# Most rows shown per section: the oldest work first; the counts say how much is left.
QUEUE_LIMIT = 50

# Which actions need a reason the author will read.
POST_ACTIONS = {
    ModerationActionKind.HIDE: (service.hide_post, True),
    ModerationActionKind.RESTORE: (service.restore_post, False),
    ModerationActionKind.APPROVE: (service.approve_post, False),
    ModerationActionKind.REJECT: (service.reject_post, True),
    ModerationActionKind.DISMISS: (service.dismiss_reports, False),
}

DONE_MESSAGES = {
    ModerationActionKind.HIDE: gettext_lazy("The post is hidden; its author sees why."),
    ModerationActionKind.RESTORE: gettext_lazy("The post is visible again."),
    ModerationActionKind.APPROVE: gettext_lazy("The post is published."),
    ModerationActionKind.REJECT: gettext_lazy("The post is rejected; its author sees why."),
    ModerationActionKind.DISMISS: gettext_lazy("The reports are closed; the post is unchanged."),
}


def is_moderator(user):
    # Staff also moderate reported private messages, which belong to no space.
    return is_staff(user) or service.moderated_spaces(user).exists()


def _target_or_404(type_id, pk):
    """A registered reportable object (community.moderation.targets), else 404."""
    content_type = get_object_or_404(ContentType, pk=type_id)
    model = content_type.model_class()
    if model is None or spec_for(model) is None:
        raise PermissionDenied
    return get_object_or_404(model._default_manager, pk=pk)


def _require_moderator(request):
    if not is_moderator(request.user):
        raise PermissionDenied


def _render_queue(request, *, bound=None, bound_target=None, status=200):
    """The queue; `bound` = (post id, action, form) re-shows a refused action's form, with
    its error and the typed reason, beside its post; `bound_target` = (content type id,
    object id, form) likewise for a reported private message."""
    user = request.user
    reports, pending = service.queue_counts(user)
    reported = list(service.reported_posts(user)[:QUEUE_LIMIT])
    waiting = list(service.pending_posts(user)[:QUEUE_LIMIT])
    hidden = list(service.hidden_posts(user)[:QUEUE_LIMIT])
    _add_site_links(reported + waiting + hidden)
    response = TemplateResponse(
        request,
        "community/moderation/admin/queue.html",
        {
            "reported": reported,
            "reported_targets": service.reported_targets(user),
            "bound_target": bound_target,
            "pending": waiting,
            "hidden": hidden,
            "blocks": service.active_blocks(user)[:QUEUE_LIMIT],
            "report_count": reports,
            "pending_count": pending,
            "bound": bound,
            "reported_actions": [ModerationActionKind.HIDE, ModerationActionKind.DISMISS],
            "pending_actions": [ModerationActionKind.APPROVE, ModerationActionKind.REJECT],
            "hidden_actions": [ModerationActionKind.RESTORE],
        },
        status=status,
    )
    return response


def _add_site_links(posts):
    """Each post's link on the site, from one lookup of the discussions section (asking each
    post would cost queries per post)."""
    section = (
        DiscussionIndexPage.objects.live().filter(locale=Locale.get_active()).first()
        or DiscussionIndexPage.objects.live().order_by("pk").first()
    )
    base = section.url if section is not None else None
    for post in posts:
        post.site_url = (
            base + section.reverse_subpage("post", args=[post.thread_id, post.pk]) if base else ""
        )


def queue(request):
    _require_moderator(request)
    return _render_queue(request)


def _post_or_404(pk):
    return get_object_or_404(Post.objects.select_related("thread__space", "author"), pk=pk)


@require_POST
def post_action(request, pk, action):
    post = _post_or_404(pk)
    if action not in POST_ACTIONS:
        raise PermissionDenied
    if not can_moderate(request.user, post.thread.space):
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
            return redirect("community_moderation:queue")
    return _render_queue(request, bound=(post.pk, action, form), status=400)


@require_POST
def target_action(request, type_id, pk, action):
    """Dismiss the reports of, or remove, a reported private message (staff only)."""
    if not is_staff(request.user):
        raise PermissionDenied
    target = _target_or_404(type_id, pk)
    remove = action == ModerationActionKind.REMOVE
    if action not in (ModerationActionKind.REMOVE, ModerationActionKind.DISMISS):
        raise PermissionDenied
    form = ReasonForm(request.POST, required=remove)
    if form.is_valid():
        try:
            if remove:
                service.remove_target(target, request.user, reason=form.cleaned_data["reason"])
            else:
                service.dismiss_target_reports(
                    target, request.user, reason=form.cleaned_data["reason"]
                )
        except service.ModerationRefused as refusal:
            refusal_to_form(form, refusal)
        else:
            messages.success(
                request,
                _("The message is removed; its author sees why.")
                if remove
                else _("The reports are closed; the message is unchanged."),
            )
            return redirect("community_moderation:queue")
    return _render_queue(request, bound_target=(type_id, target.pk, form), status=400)


@require_POST
def thread_lock(request, pk):
    thread = get_object_or_404(Thread.objects.select_related("space"), pk=pk)
    locked = request.POST.get("locked") == "1"
    service.lock_thread(thread, request.user, locked=locked, reason=request.POST.get("reason", ""))
    messages.success(
        request,
        _("The thread is locked: no new replies.") if locked else _("The thread is open again."),
    )
    return redirect(request.POST.get("next") or "community_moderation:queue")


def block(request, pk):
    """Block the author of post `pk` from posting in its space (or, staff, everywhere)."""
    post = _post_or_404(pk)
    space = post.thread.space
    if not can_moderate(request.user, space):
        raise PermissionDenied
    staff = is_staff(request.user)
    form = BlockForm(request.POST or None, may_block_everywhere=staff)
    if request.method == "POST" and form.is_valid():
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
            return redirect("community_moderation:queue")
    return TemplateResponse(
        request,
        "community/moderation/admin/block.html",
        {"post": post, "space": space, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
def unblock(request, pk):
    member_block = get_object_or_404(MemberBlock.objects.select_related("space", "member"), pk=pk)
    service.unblock_member(member_block, request.user, reason=request.POST.get("reason", ""))
    messages.success(request, _("The member may post again."))
    return redirect("community_moderation:queue")


urlpatterns = [
    path("", queue, name="queue"),
    # "block" is a form page of its own: it must match before the other post actions.
    path("posts/<int:pk>/block/", block, name="block"),
    path("posts/<int:pk>/<str:action>/", post_action, name="post_action"),
    path("threads/<int:pk>/lock/", thread_lock, name="thread_lock"),
    path("reported/<int:type_id>/<int:pk>/<str:action>/", target_action, name="target_action"),
    path("blocks/<int:pk>/unblock/", unblock, name="unblock"),
]


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return is_moderator(request.user)


class ModerationPanel(Component):
    """The dashboard's count of open reports and posts waiting for approval."""

    name = "moderation"
    order = 90
    template_name = "community/moderation/admin/panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        reports, pending = service.queue_counts(self.user)
        return {
            "report_count": reports,
            "pending_count": pending,
            "queue_url": reverse("community_moderation:queue"),
        }

    def render_html(self, parent_context=None):
        if not is_moderator(self.user):
            return ""
        return super().render_html(parent_context)
