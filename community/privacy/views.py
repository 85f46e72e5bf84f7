"""Privacy pages: accept the policy, download my data, delete my account."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.models import SiteSettings
from cms.next_url import is_local_path
from community.members.consent import SESSION_KEY, needs_consent, record_consent
from community.privacy.exports import request_export
from community.privacy.forms import AcceptPolicyForm, DeleteAccountForm
from community.privacy.models import DataExport
from community.privacy.services import erase_member


def _safe_next(request, fallback="/"):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if is_local_path(target, request):
        return target
    return fallback


@login_required
def accept_policy(request):
    current = needs_consent(request.user)
    if current is None:
        return redirect(_safe_next(request))
    form = AcceptPolicyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        record_consent(request.user, current.version)
        request.session[SESSION_KEY] = current.version
        messages.success(request, _("Thank you. You accepted the privacy policy."))
        return redirect(_safe_next(request))
    privacy_page = SiteSettings.for_request(request).privacy_page
    return render(
        request,
        "community/members/policy_accept.html",
        {
            "form": form,
            "policy": current,
            "privacy_page": privacy_page.localized if privacy_page else None,
            "next": _safe_next(request, ""),
        },
    )


@login_required
def privacy(request):
    return render(
        request,
        "community/privacy/privacy.html",
        {
            "exports": DataExport.objects.filter(user=request.user)[:5],
            "delete_form": DeleteAccountForm(user=request.user),
        },
    )


@login_required
@require_POST
def export_request(request):
    request_export(request.user)
    messages.success(
        request,
        _("We are preparing your data. You will get an email with the download link."),
    )
    return redirect("community:privacy")


@login_required
def export_download(request, token):
    # Owner only: another member's token is a 404, as is an expired archive.
    export = get_object_or_404(DataExport, token=token, user=request.user)
    if not export.is_downloadable():
        raise Http404
    response = FileResponse(
        export.archive.open("rb"),
        as_attachment=True,
        filename=f"my-data-{export.requested_at:%Y-%m-%d}.zip",
        content_type="application/zip",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        member = request.user
        logout(request)
        erase_member(member)
        messages.success(request, _("Your account has been deleted. Goodbye."))
        return redirect("/")
    return render(
        request,
        "community/privacy/privacy.html",
        {"exports": DataExport.objects.filter(user=request.user)[:5], "delete_form": form},
    )
