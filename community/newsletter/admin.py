"""The newsletter in the Wagtail admin: one page per issue to fill it with recent pages, send a
test to oneself, send it, and follow the progress. Every action checks its right on the server:
editing the issue to fill or test it, publishing it to send it (services.newsletter.can_send)."""

from functools import partial, wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied

from community.newsletter import services as newsletter
from community.newsletter.content import render_preview
from community.newsletter.models import NewsletterPage, NewsletterSend, NewsletterSubscription
from community.newsletter.tasks import send_newsletter


def forbidden_as_403(view):
    """Wagtail's admin turns PermissionDenied into a redirect to the dashboard; a refused action
    here answers 403, so a script or a guessed URL learns nothing else."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as refusal:
            return permission_denied(request, refusal)

    return wrapper


def _issue(request, page_id):
    page = get_object_or_404(NewsletterPage.objects.select_related("locale"), pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


@forbidden_as_403
def issue(request, page_id):
    page = _issue(request, page_id)
    send = NewsletterSend.objects.filter(page=page).first()
    context = {
        "page": page,
        "send": send,
        "progress": newsletter.progress(send) if send else None,
        "can_send": newsletter.can_send(page, request.user),
        "send_refusal": newsletter.send_refusal(page),
        "recipients": NewsletterSubscription.objects.recipients_of(page).count(),
        "last_issue": page.last_sent_issue(),
    }
    return TemplateResponse(request, "community/newsletter/admin/issue.html", context)


@forbidden_as_403
def email_preview(request, page_id):
    """The latest draft as the email's HTML."""
    page = _issue(request, page_id)
    return render_preview(page.get_latest_revision_as_object(), request)


@forbidden_as_403
@require_POST
def fill(request, page_id):
    page = _issue(request, page_id)
    added = newsletter.fill_with_recent_pages(page, request.user)
    if added:
        messages.success(
            request,
            ngettext(
                "%(count)d page added to the draft. Review and publish it.",
                "%(count)d pages added to the draft. Review and publish it.",
                added,
            )
            % {"count": added},
        )
    else:
        messages.info(request, _("No page was published since the last issue."))
    return redirect("community_newsletter:issue", page.pk)


@forbidden_as_403
@require_POST
def send_test(request, page_id):
    page = _issue(request, page_id)
    newsletter.send_test(page, request.user)
    messages.success(request, _("A test was sent to %(email)s.") % {"email": request.user.email})
    return redirect("community_newsletter:issue", page.pk)


@forbidden_as_403
@require_POST
def send(request, page_id):
    page = _issue(request, page_id)
    try:
        sending = newsletter.request_send(page, request.user)
    except newsletter.CannotSend as refusal:
        messages.error(request, str(refusal))
    else:
        transaction.on_commit(partial(send_newsletter.enqueue, sending.pk))
        messages.success(request, _("The issue is being sent."))
    return redirect("community_newsletter:issue", page.pk)


@forbidden_as_403
@require_POST
def resume(request, page_id):
    page = _issue(request, page_id)
    sending = get_object_or_404(NewsletterSend, page=page)
    try:
        newsletter.resume_send(sending, request.user)
    except newsletter.CannotSend as refusal:
        messages.error(request, str(refusal))
    else:
        transaction.on_commit(partial(send_newsletter.enqueue, sending.pk))
        messages.success(request, _("Sending resumes where it stopped."))
    return redirect("community_newsletter:issue", page.pk)
