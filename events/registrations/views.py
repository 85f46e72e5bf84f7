"""Member-facing views: register, cancel, guest confirmation, "My events". Thin: the rules are
in services.py and permissions.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from cms.next_url import is_local_path
from cms.visibility import visible_pages
from events.pages.models import EventPage, RegistrationStatus
from events.registrations import services
from events.registrations.forms import RegistrationForm
from events.registrations.models import Registration

# Lazy: looked up in the reader's language when the message is stored, not at import time.
STATUS_MESSAGES = {
    RegistrationStatus.CONFIRMED: gettext_lazy(
        "You are registered. A confirmation is on its way by email."
    ),
    RegistrationStatus.WAITLISTED: gettext_lazy(
        "Every seat is taken: you are on the waiting list. We will email you if a seat frees up."
    ),
    RegistrationStatus.PENDING: gettext_lazy(
        "Almost done: follow the link we emailed you to confirm."
    ),
    RegistrationStatus.APPLIED: gettext_lazy(
        "Your application is in. The organisers will email you."
    ),
}


def _visible_event(request, page_id):
    """The event as its base class: registering reads nothing of its kind's own fields (its
    kind's class comes with the row), so its specific row is read only to show the page."""
    page = visible_pages(EventPage.objects.filter(pk=page_id), request).first()
    if page is None:
        raise Http404
    return page


@require_POST
def register(request, page_id):
    event = _visible_event(request, page_id)
    user = request.user if request.user.is_authenticated else None
    form = RegistrationForm(request.POST, event=event, user=user)
    if not form.is_valid():
        response = event.specific.render(request, context_overrides={"registration_form": form})
        response.status_code = 400
        return response
    try:
        result = services.register(
            event,
            user=user,
            guest_name=form.cleaned_data.get("guest_name", ""),
            guest_email=form.cleaned_data.get("guest_email", ""),
            guest_language=get_language(),
            snapshot=form.snapshot(),
            motivation=form.cleaned_data.get("motivation", ""),
        )
    except services.RegistrationError as refusal:
        messages.error(request, refusal.message)
    else:
        if result.changed:
            messages.success(request, STATUS_MESSAGES.get(result.registration.status, ""))
        else:
            messages.info(request, _("You were already registered: nothing has changed."))
    return redirect(event.url + "#registration")


@require_POST
@login_required
def cancel(request, registration_id):
    registration = get_object_or_404(Registration, pk=registration_id)
    if registration.user_id != request.user.pk:
        raise PermissionDenied
    try:
        services.cancel(registration)
    except services.RegistrationError as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect(request.POST["next"] if _safe(request) else "events:mine")


def _safe(request):
    target = request.POST.get("next", "")
    return is_local_path(target, request)


def guest_confirm(request, token):
    """GET shows a button (mail scanners follow links); POST confirms."""
    registration = get_object_or_404(Registration, token=token, user__isnull=True)
    if request.method == "POST":
        try:
            result = services.confirm_guest(token)
        except services.RegistrationError as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, STATUS_MESSAGES.get(result.registration.status, ""))
        registration.refresh_from_db()
    return render(
        request,
        "events/registrations/guest_registration.html",
        _guest_context(registration, "confirm"),
    )


def guest_cancel(request, token):
    registration = get_object_or_404(Registration, token=token, user__isnull=True)
    if request.method == "POST":
        try:
            services.cancel(registration)
        except services.RegistrationError as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("Your registration is cancelled."))
        registration.refresh_from_db()
    return render(
        request,
        "events/registrations/guest_registration.html",
        _guest_context(registration, "cancel"),
    )


def _guest_context(registration, action):
    event = _event_for_reader(registration.event)
    return {"registration": registration, "event": event, "action": action}


def _event_for_reader(event):
    locale = Locale.get_active()
    translated = event.get_translation_or_none(locale)
    return (translated or event).specific


@login_required
def my_events(request):
    upcoming, past = services.member_registrations(request.user)
    return render(
        request, "events/registrations/my_events.html", {"upcoming": upcoming, "past": past}
    )
