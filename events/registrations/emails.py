"""The events app's emails, each in the recipient's language; the event is attached as .ics
once the person holds a seat (and a cancelling .ics when they lose it), never before.

Every message goes through `cms.mail.send_templated_mail`; templates are
`templates/emails/events_<kind>_{subject,message}.txt` (and `_message.html`).
"""

from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.mail import Attachment, base_url, recipient_language, send_templated_mail
from events.calendars.ical import build_calendar, event_component
from events.calendars.timezones import zone_for_user
from events.pages.models import RegistrationStatus
from events.registrations.models import Registration
from events.registrations.permissions import can_see_join_link

__all__ = ["EMAIL_KINDS", "send_organiser_message", "send_registration_email"]

EMAIL_KINDS = (
    "confirmed",
    "waitlisted",
    "promoted",
    "cancelled",
    "reminder",
    "applied",
    "approved",
    "declined",
    "guest_confirm",
)

# The emails of someone holding a seat: only they get the event for their calendar.
SEAT_KINDS = ("confirmed", "promoted", "approved", "reminder")


def when_text(start, end):
    """The event's dates in the current language, the day said once for a one-day event."""
    if start.date() == end.date():
        return _("%(date)s, %(start)s – %(end)s") % {
            "date": date_format(start, "DATE_FORMAT"),
            "start": time_format(start, "TIME_FORMAT"),
            "end": time_format(end, "TIME_FORMAT"),
        }
    return f"{date_format(start, 'DATETIME_FORMAT')} – {date_format(end, 'DATETIME_FORMAT')}"


def event_in_language(event, language):
    """The live copy of the event in `language`, else the event itself."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is not None and locale.pk != event.locale_id:
        translated = event.get_translation_or_none(locale)
        if translated is not None and translated.live:
            return translated.specific
    return event.specific


def _absolute(path):
    return base_url() + path


def _language_for(registration):
    if registration.user_id:
        return recipient_language(registration.user)
    return recipient_language(None, registration.guest_language)


def _ics(event, registration, kind):
    join_url = ""
    if kind in ("confirmed", "promoted", "approved", "reminder") and can_see_join_link(
        registration.user, event, registration=registration
    ):
        join_url = getattr(event, "join_url", "")
    component = event_component(event, join_url=join_url, cancelled=kind == "cancelled")
    calendar = build_calendar(
        [], method="CANCEL" if kind == "cancelled" else "PUBLISH", components=[component]
    )
    return Attachment("event.ics", calendar.to_ical(), "text/calendar")


def send_registration_email(registration, kind):
    """Tell the person what happened to their registration."""
    language = _language_for(registration)
    event = event_in_language(registration.event, language)
    with translation.override(language):
        my_events = _absolute(reverse("events:mine"))
        guest_confirm = _absolute(reverse("events:guest_confirm", args=[registration.token]))
        guest_cancel = _absolute(reverse("events:guest_cancel", args=[registration.token]))
        when = when_text(event.start_local, event.end_local)
        # A guest's link cancels (they have no account page): it is labelled as what it does.
        if not registration.is_guest:
            manage_label = _("Your registrations:")
        elif kind != "cancelled":
            manage_label = _("To cancel your registration:")
        else:
            manage_label = ""
    path = event.get_url_parts()[2] if event.get_url_parts() else "/"
    join_url = ""
    if kind in ("confirmed", "promoted", "approved", "reminder") and can_see_join_link(
        registration.user, event, registration=registration
    ):
        join_url = getattr(event, "join_url", "")
    zone = zone_for_user(registration.user)
    context = {
        "registration": registration,
        "event": event,
        "event_url": _absolute(path),
        "join_url": join_url,
        "start": event.start_local,
        "end": event.end_local,
        "reader_start": event.start.astimezone(zone),
        "reader_zone": str(zone),
        "show_reader_time": str(zone) != event.time_zone,
        "name": registration.display_name,
        "when": when,
        "manage_url": guest_cancel if registration.is_guest else my_events,
        "manage_label": manage_label,
        "attached": kind in SEAT_KINDS,
        "confirm_url": guest_confirm,
        "is_waitlisted": registration.status == RegistrationStatus.WAITLISTED,
    }
    return send_templated_mail(
        f"events_{kind}",
        registration.user,
        context,
        email=registration.guest_email or None,
        language=language,
        attachments=[_ics(event, registration, kind)]
        if kind in SEAT_KINDS or kind == "cancelled"
        else [],
    )


def send_organiser_message(event, subject, message, sender_name=""):
    """An organiser's message to every confirmed participant, each in their own language."""
    sent = 0
    seated = Registration.objects.filter(
        event=event.registration_event, status__in=(RegistrationStatus.CONFIRMED,)
    ).select_related("user")
    for registration in seated:
        language = _language_for(registration)
        translated = event_in_language(event, language)
        send_templated_mail(
            "events_organiser_message",
            registration.user,
            {
                "event": translated,
                "event_url": _absolute(translated.get_url_parts()[2]),
                "subject": subject,
                "message": message,
                "sender_name": sender_name,
                "name": registration.display_name,
            },
            email=registration.guest_email or None,
            language=language,
            attachments=[_ics(translated, registration, "confirmed")],
        )
        sent += 1
    return sent
