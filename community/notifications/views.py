"""The notification centre's pages: the member's list, their preferences, and the one-click
unsubscribe that works without logging in (the signed token is the authority)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from community.notifications import services as service
from community.notifications.forms import NotificationPreferencesForm
from community.notifications.models import Notification, NotificationKind

PER_PAGE = 20


@login_required
def notification_list(request):
    queryset = Notification.objects.filter(recipient=request.user).select_related("actor")
    page = Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = service.localize(page.object_list)
    return render(
        request,
        "community/notifications/list.html",
        {"results": page, "notifications": page.object_list},
    )


@login_required
def open_notification(request, pk):
    """Follow a notification's link, marking it read on the way."""
    notification = service.mark_read(request.user, pk)
    if notification is None:
        return redirect("notifications:list")
    (notification,) = service.localize([notification])
    target = notification.display_url
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("notifications:list")


@login_required
@require_POST
def mark_read(request, pk):
    service.mark_read(request.user, pk)
    return redirect(_back(request))


@login_required
@require_POST
def mark_all_read(request):
    count = service.mark_all_read(request.user)
    if count:
        messages.success(request, _("All your notifications are marked as read."))
    return redirect(_back(request))


def _back(request):
    """Back to the page of the list the member was on."""
    page = request.POST.get("page", "")
    url = reverse("notifications:list")
    return f"{url}?page={page}" if page.isdigit() else url


@login_required
def preferences(request):
    form = NotificationPreferencesForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your notification choices are saved."))
        return redirect("notifications:preferences")
    return render(request, "community/notifications/preferences.html", {"form": form})


@csrf_exempt  # mail providers POST here with no cookie or form (RFC 8058); the token decides
def unsubscribe(request, token):
    found = service.read_unsubscribe_token(token)
    if found is None:
        return render(
            request, "community/notifications/unsubscribe.html", {"invalid": True}, status=400
        )
    member, kind = found
    label = (
        _("the daily digest")
        if kind == service.UNSUBSCRIBE_ALL_DIGEST
        else NotificationKind(kind).label
    )
    done = False
    if request.method == "POST":
        service.unsubscribe(member, kind)
        done = True
    return render(
        request,
        "community/notifications/unsubscribe.html",
        {"label": label, "done": done, "token": token},
    )
