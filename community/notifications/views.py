"""The notification centre's pages: the member's list, their preferences, and the one-click
unsubscribe that works without logging in (the signed token is the authority)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponseNotModified, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

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


def unread_label(count):
    """What a screen reader hears after "Notifications" in the header (empty when none)."""
    if not count:
        return ""
    # The header template's own words (navigation/account_links.html), so one translation.
    return ngettext("(%(counter)s unread)", "(%(counter)s unread)", count) % {"counter": count}


@require_GET
def unread_count(request):
    """The header's unread count as JSON, polled by static/js/notification-count.js.

    One aggregate query; its ETag names the member, the count, the newest unread id and the
    language of the label, so an unchanged count answers 304 with no body. A visitor gets 403
    (the script stops polling)."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": "login required"}, status=403)
    count, newest = service.unread_state(request.user)
    etag = f'"n-{request.user.pk}-{count}-{newest}-{get_language()}"'
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponseNotModified()
    else:
        response = JsonResponse({"count": count, "label": unread_label(count)})
    response["ETag"] = etag
    # The answer is the member's own: never shared by a cache, always revalidated.
    response["Cache-Control"] = "private, no-cache"
    response["Vary"] = "Cookie"
    return response


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
