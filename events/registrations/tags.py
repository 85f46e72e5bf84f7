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


@register.inclusion_tag("events/registrations/registration_panel.html", takes_context=True)
def registration_panel(context, page):
    """Seats, balance, the reader's registration and what they can do next."""
    request = context["request"]
    user = request.user if request.user.is_authenticated else None
    target = page.registration_event
    registration = None
    if user is not None:
        registration = Registration.objects.filter(event=target, user=user).first()
    form = context.get("registration_form") or RegistrationForm(event=page, user=user)
    summary = seat_summary(page)
    context["event_seat_summary"] = summary
    waiting_position = None
    if registration is not None and registration.status == RegistrationStatus.WAITLISTED:
        waiting_position = (
            Registration.objects.filter(
                event=target,
                status=RegistrationStatus.WAITLISTED,
                position__lt=registration.position,
            ).count()
            + 1
        )
    return {
        "request": request,
        "page": page,
        "state": page.registration_state(),
        "summary": summary,
        "registration": registration,
        "is_active": registration is not None and registration.is_active,
        "holds_seat": registration is not None and registration.status in SEAT_STATUSES,
        "waiting_position": waiting_position,
        "form": form,
        "register_url": reverse("events:register", args=[page.pk]),
        "cancel_url": reverse("events:cancel", args=[registration.pk]) if registration else "",
        "is_application": page.participation == "application",
        "guests_allowed": page.allow_guests,
        "can_manage": can_manage_registrations(user, page) if user else False,
        "admin_url": reverse("events_admin:registrations", args=[target.pk]),
    }


@register.simple_tag(takes_context=True)
def join_link(context, page):
    """The webinar's join link for a confirmed registrant, else ""."""
    request = context["request"]
    if not getattr(page, "join_url", "") or not can_see_join_link(request.user, page):
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
