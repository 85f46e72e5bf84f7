"""Members report a post to the moderators (the moderators' queue is in the admin:
community/moderation/admin.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from community.discussions.models import PostStatus
from community.discussions.permissions import visible_posts
from community.moderation import services as service
from community.moderation.forms import ReportForm, refusal_to_form
from community.moderation.models import Report

__all__ = ["report_post"]


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
