"""The organiser's desk in the Wagtail admin: counts, waitlist, attendance, applications,
CSV export and a message to every confirmed participant. Every view checks
`permissions.can_manage_registrations` on the server."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.i18n import localized_options, with_localized_labels
from cms.models import Country
from events.pages.models import EventPage, RegistrationStatus
from events.registrations import services, tasks
from events.registrations.forms import OrganiserMessageForm
from events.registrations.models import Registration
from events.registrations.permissions import can_manage_registrations, managed_events

S = RegistrationStatus
CSV_COLUMNS = (
    "position",
    "status",
    "name",
    "email",
    "member",
    "stakeholder_type",
    "country_code",
    "language",
    "registered",
    "confirmed",
    "cancelled",
    "motivation",
)


def _event(request, page_id):
    event = get_object_or_404(EventPage, pk=page_id)
    if not can_manage_registrations(request.user, event):
        raise PermissionDenied
    return event.registration_event.specific


def event_list(request):
    events = managed_events(request.user).order_by("-start")
    # One row per event, whatever the number of language copies.
    seen, rows = set(), []
    for event in events.order_by("translation_key", "pk"):
        if event.translation_key not in seen:
            seen.add(event.translation_key)
            rows.append(event)
    rows.sort(key=lambda e: e.start, reverse=True)
    with_localized_labels(rows)  # titles in the reader's language, one query
    return TemplateResponse(request, "events/registrations/admin/event_list.html", {"events": rows})


def _language_name(code):
    try:
        return get_language_info(code)["name_translated"] if code else ""
    except KeyError:
        return code


def registrations(request, page_id):
    event = _event(request, page_id)
    rows = list(
        Registration.objects.filter(event=event).select_related("user").order_by("position", "pk")
    )
    # People read countries and languages by name; the codes stay in the CSV export.
    countries = dict(localized_options(Country.objects.all(), "code"))
    for row in rows:
        row.country_name = countries.get(row.country_code, row.country_code)
        row.language_name = _language_name(row.language)
    return TemplateResponse(
        request,
        "events/registrations/admin/registrations.html",
        {
            "event": event,
            "summary": services.seat_summary(event),
            "confirmed": [r for r in rows if r.status in (S.CONFIRMED, S.ATTENDED)],
            "waiting": [r for r in rows if r.status == S.WAITLISTED],
            "applications": [r for r in rows if r.status == S.APPLIED],
            "others": [r for r in rows if r.status in (S.PENDING, S.CANCELLED, S.DECLINED)],
            "status_choices": S.choices,
            "message_form": OrganiserMessageForm(),
        },
    )


def _registration(request, page_id, registration_id):
    event = _event(request, page_id)
    return event, get_object_or_404(Registration, pk=registration_id, event=event)


@require_POST
def attendance(request, page_id, registration_id):
    event, registration = _registration(request, page_id, registration_id)
    services.mark_attendance(registration, request.POST.get("attended") == "1")
    return redirect("events_admin:registrations", event.pk)


@require_POST
def decide(request, page_id, registration_id, decision):
    if decision not in ("approve", "decline"):
        raise Http404
    event, registration = _registration(request, page_id, registration_id)
    try:
        if decision == "approve":
            services.approve_application(registration, by=request.user)
            messages.success(request, _("Application approved; the member is told by email."))
        else:
            services.decline_application(registration, by=request.user)
            messages.success(request, _("Application declined; the member is told by email."))
    except services.RegistrationError as refusal:
        messages.error(request, refusal.message)
    return redirect("events_admin:registrations", event.pk)


@require_POST
def cancel_registration(request, page_id, registration_id):
    event, registration = _registration(request, page_id, registration_id)
    services.cancel(registration, by_organiser=True)
    messages.success(request, _("Registration cancelled."))
    return redirect("events_admin:registrations", event.pk)


def export_csv(request, page_id):
    event = _event(request, page_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-registrations.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    rows = Registration.objects.filter(event=event).select_related("user").order_by("position")
    for r in rows:
        writer.writerow(
            [
                r.position,
                r.status,
                _csv_safe(r.display_name),
                r.email,
                "yes" if r.user_id else "no",
                r.stakeholder_type,
                r.country_code,
                r.language,
                r.created_at.isoformat(),
                r.confirmed_at.isoformat() if r.confirmed_at else "",
                r.cancelled_at.isoformat() if r.cancelled_at else "",
                _csv_safe(r.motivation),
            ]
        )
    return response


def _csv_safe(value):
    """Spreadsheets run cells starting with = + - @ as formulas: neutralise them."""
    value = value or ""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


@require_POST
def email_participants(request, page_id):
    event = _event(request, page_id)
    form = OrganiserMessageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a subject and a message."))
        return redirect("events_admin:registrations", event.pk)
    tasks.send_organiser_message.enqueue(
        event.pk,
        form.cleaned_data["subject"],
        form.cleaned_data["message"],
        request.user.get_full_name() or request.user.email,
    )
    messages.success(request, _("Your message is being sent to every confirmed participant."))
    return redirect("events_admin:registrations", event.pk)
