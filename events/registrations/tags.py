"""Template tags for event pages: the registration panel, times, JSON-LD, transcripts."""

from django import template
from django.urls import reverse

from events.calendars.timezones import reader_times
from events.pages.models.choices import SEAT_STATUSES, RegistrationStatus
from events.pages.structured_data import event_json_ld, json_ld_script
from events.registrations.forms import RegistrationForm
from events.registrations.models import Registration
from events.registrations.permissions import can_manage_registrations, can_see_join_link
from events.registrations.services import seat_summary

register = template.Library()


def _reader_registration(request, page):
    """The reader's registration for this event (any language copy), else None: one query per
    request and event, shared by the registration panel and the join link."""
    user = request.user if request.user.is_authenticated else None
    if user is None:
        return None
    known = request.__dict__.setdefault("_event_registrations", {})
    if page.translation_key not in known:
        known[page.translation_key] = Registration.objects.filter(
            event__translation_key=page.translation_key, event__alias_of__isnull=True, user=user
        ).first()
    return known[page.translation_key]


@register.inclusion_tag("events/registrations/registration_panel.html", takes_context=True)
def registration_panel(context, page):
    """Seats, balance, the reader's registration and what they can do next."""
    request = context["request"]
    user = request.user if request.user.is_authenticated else None
    registration = _reader_registration(request, page)
    summary = seat_summary(page)
    context["event_seat_summary"] = summary
    state = page.registration_state()
    is_active = registration is not None and registration.is_active
    waiting_position = None
    if registration is not None and registration.status == RegistrationStatus.WAITLISTED:
        waiting_position = (
            Registration.objects.filter(
                event_id=registration.event_id,
                status=RegistrationStatus.WAITLISTED,
                position__lt=registration.position,
            ).count()
            + 1
        )
    # The form only where the panel shows it: nothing to ask someone already registered.
    form = None
    if not is_active and state == "open":
        form = context.get("registration_form") or RegistrationForm(event=page, user=user)
    can_manage = can_manage_registrations(user, page) if user else False
    return {
        "request": request,
        "page": page,
        "state": state,
        "summary": summary,
        "registration": registration,
        "is_active": is_active,
        "holds_seat": registration is not None and registration.status in SEAT_STATUSES,
        "waiting_position": waiting_position,
        "form": form,
        "register_url": reverse("events:register", args=[page.pk]),
        "cancel_url": reverse("events:cancel", args=[registration.pk]) if registration else "",
        "is_application": page.participation == "application",
        "guests_allowed": page.allow_guests,
        "can_manage": can_manage,
        "admin_url": (
            reverse("events_admin:registrations", args=[page.registration_event.pk])
            if can_manage
            else ""
        ),
    }


@register.simple_tag(takes_context=True)
def join_link(context, page):
    """The webinar's join link for a confirmed registrant, else ""."""
    request = context["request"]
    if not getattr(page, "join_url", "") or not request.user.is_authenticated:
        return ""
    registration = _reader_registration(request, page)
    if registration is None or not can_see_join_link(request.user, page, registration):
        return ""
    return page.join_url


@register.simple_tag(takes_context=True)
def member_times(context, page):
    request = context["request"]
    return reader_times(page, request.user)


@register.simple_tag(takes_context=True)
def event_structured_data(context, page):
    return json_ld_script(event_json_ld(page, context.get("request")))


@register.simple_tag
def transcript_for(page, language):
    return page.transcript_for(language)
