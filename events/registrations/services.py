"""The registration engine: register, confirm a guest, cancel, promote, apply, decide, attend.

Every change to an event's registrations happens in one transaction holding a row lock on the
event (`select_for_update`; PostgreSQL queues concurrent writers there, SQLite serialises all
writes anyway), so seats are never oversold and the waitlist keeps its arrival order. Emails
and signals go out once the transaction has committed, from one background task per change
(`tasks.announce_registration`): a registration's request only queues it.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.i18n import active_and_default_language_codes, localized_options
from cms.models import Country
from events.pages.caps import counted_cap_usage, counted_refusal_reason, refusal_reason
from events.pages.models import EventPage, RegistrationStatus
from events.pages.models.choices import SEAT_STATUSES
from events.registrations import signals, tasks
from events.registrations.models import Registration

__all__ = [
    "SNAPSHOT_FIELDS",
    "NotAllowed",
    "RegistrationClosed",
    "RegistrationError",
    "approve_application",
    "cancel",
    "confirm_guest",
    "decline_application",
    "mark_attendance",
    "member_registrations",
    "missing_snapshot_fields",
    "profile_snapshot",
    "promote_waiting",
    "register",
    "seat_summary",
]

SNAPSHOT_FIELDS = ("stakeholder_type", "country_code", "language")
S = RegistrationStatus


class RegistrationError(Exception):
    """A refusal with a message for the person who asked."""

    message = _("This registration cannot be changed.")

    def __init__(self, message=None):
        super().__init__(str(message or self.message))
        if message:
            self.message = message


class RegistrationClosed(RegistrationError):
    message = _("Registration for this event is closed.")


class NotAllowed(RegistrationError):
    message = _("You cannot do this for this event.")


class EventFull(RegistrationError):
    message = _("Every seat is taken: free a seat first.")


@dataclass(frozen=True)
class Result:
    registration: Registration
    changed: bool


# -- snapshot of who registers ----------------------------------------------------------------


def _first_language(languages):
    if isinstance(languages, str):
        return languages.split(",")[0].strip()
    for item in languages or []:
        code = getattr(item, "code", item)
        if code:
            return str(code)
    return ""


def profile_snapshot(user):
    """Stakeholder type, country and language from the member's profile (empty when unknown)."""
    if user is None:
        return dict.fromkeys(SNAPSHOT_FIELDS, "")
    country = getattr(user, "country_code", "") or ""
    return {
        "stakeholder_type": getattr(user, "stakeholder_type", "") or "",
        "country_code": str(country).upper()[:2],
        "language": _first_language(getattr(user, "languages", [])),
    }


def missing_snapshot_fields(user):
    """The snapshot fields the registration form must ask because the profile lacks them."""
    snapshot = profile_snapshot(user)
    return [name for name in SNAPSHOT_FIELDS if not snapshot[name]]


# -- internals ----------------------------------------------------------------------------------


def _lock(event):
    """The registration copy of the event, locked until the transaction ends: found and locked
    in one query (the first real page of the event's translation group, as
    `EventPage.registration_event` says)."""
    locking = EventPage.objects.select_for_update(of=("self",))
    known = event.__dict__.get("registration_event")
    if known is not None:
        return locking.get(pk=known.pk)
    return (
        locking.filter(translation_key=event.translation_key, alias_of__isnull=True)
        .order_by("pk")
        .first()
    ) or locking.get(pk=event.pk)


def _seated(event):
    return list(
        Registration.objects.filter(event=event, status__in=SEAT_STATUSES).values(*SNAPSHOT_FIELDS)
    )


def _next_position(event):
    last = Registration.objects.filter(event=event).aggregate(m=Max("position"))["m"]
    return (last or 0) + 1


def _after_commit(registration, kind, signal):
    """Email the person and announce the change, once the data is really there: one task
    queued, so neither the email nor the notifications are made in the request."""
    pk, name = registration.pk, signals.name_of(signal)
    transaction.on_commit(lambda: tasks.announce_registration.enqueue(pk, kind, name))


def _announce_status(registration, promoted=False):
    if registration.status == S.CONFIRMED:
        if promoted:
            _after_commit(registration, "promoted", signals.registration_promoted)
        else:
            _after_commit(registration, "confirmed", signals.registration_confirmed)
        tasks.schedule_reminder(registration)
    elif registration.status == S.WAITLISTED:
        _after_commit(registration, "waitlisted", signals.registration_waitlisted)
    elif registration.status == S.APPLIED:
        _after_commit(registration, "applied", signals.application_received)
    elif registration.status == S.PENDING:
        pk = registration.pk
        transaction.on_commit(lambda: tasks.send_registration_email.enqueue(pk, "guest_confirm"))


@dataclass(frozen=True)
class Standing:
    """An event's registrations counted under its lock: seats taken in all and by each cap (in
    the order of the caps), the last arrival's position and the registration of whoever asks."""

    seated: int
    taken: list
    last: int
    mine: int | None


def _standing(event, caps, whose=None):
    """The event's `Standing` in one query, whatever the number of registrations; `whose`
    (a Q) finds the registration of whoever asks (one per member or guest address)."""
    seated = Q(status__in=SEAT_STATUSES)
    counted = {
        f"cap_{n}": Count("pk", filter=seated & Q(**{cap.dimension: cap.value}))
        for n, cap in enumerate(caps)
    }
    if whose is not None:
        counted["mine"] = Max("pk", filter=whose)
    totals = Registration.objects.filter(event=event).aggregate(
        seated=Count("pk", filter=seated), last=Max("position"), **counted
    )
    return Standing(
        seated=totals["seated"],
        taken=[totals[f"cap_{n}"] for n in range(len(caps))],
        last=totals["last"] or 0,
        mine=totals.get("mine"),
    )


def _admit(event, registration, now, standing=None):
    """Seat or waitlist, at the end of the queue."""
    caps = event.cap_rules()
    standing = standing or _standing(event, caps)
    reason = counted_refusal_reason(
        registration.snapshot(), standing.seated, standing.taken, event.capacity, caps
    )
    registration.status = S.WAITLISTED if reason else S.CONFIRMED
    registration.position = standing.last + 1
    if registration.status == S.CONFIRMED:
        registration.confirmed_at = now


def _promote(event, now):
    """Seat the first people waiting whose admission keeps every cap, in arrival order."""
    if now >= event.start:
        return []
    seated = _seated(event)
    caps = event.cap_rules()
    promoted = []
    for waiting in Registration.objects.filter(event=event, status=S.WAITLISTED).order_by(
        "position"
    ):
        reason = refusal_reason(waiting.snapshot(), seated, event.capacity, caps)
        if reason == "full":
            break
        if reason:
            continue
        waiting.status = S.CONFIRMED
        waiting.confirmed_at = now
        waiting.save(update_fields=["status", "confirmed_at", "updated_at"])
        seated.append(waiting.snapshot())
        promoted.append(waiting)
        _announce_status(waiting, promoted=True)
    return promoted


# -- public actions -----------------------------------------------------------------------------


def register(
    event,
    *,
    user=None,
    guest_name="",
    guest_email="",
    guest_language="",
    snapshot=None,
    motivation="",
    now=None,
):
    """Register a member (or a guest) for `event`: seat, waitlist, application or pending guest.

    Idempotent: a person already registered (in any active status) gets their registration back
    unchanged. Raises RegistrationClosed outside the registration window, NotAllowed for a
    guest where guests are not allowed.
    """
    now = now or timezone.now()
    snapshot = {**profile_snapshot(user), **{k: v for k, v in (snapshot or {}).items() if v}}
    guest_email = (guest_email or "").strip().lower()
    if user is None and not guest_email:
        raise NotAllowed(_("Sign in or give your email address."))
    with transaction.atomic():
        event = _lock(event)
        whose = Q(user=user) if user is not None else Q(user=None, guest_email=guest_email)
        # Seats, caps, arrival order and the person's own registration: one query.
        standing = _standing(event, event.cap_rules(), whose)
        existing = Registration.objects.get(pk=standing.mine) if standing.mine else None
        if existing and (existing.is_active or existing.status == S.DECLINED):
            return Result(existing, False)
        if event.registration_state(now) != "open":
            raise RegistrationClosed()
        if user is None and not event.allow_guests:
            raise NotAllowed(_("Sign in to register for this event."))
        registration = existing or Registration(event=event, user=user)
        registration.guest_name = guest_name.strip() if user is None else ""
        registration.guest_email = guest_email if user is None else ""
        registration.guest_language = guest_language if user is None else ""
        for name in SNAPSHOT_FIELDS:
            setattr(registration, name, snapshot.get(name, ""))
        registration.motivation = motivation.strip()
        registration.cancelled_at = None
        registration.confirmed_at = None
        registration.reminder_sent_at = None
        if user is None:
            registration.status = S.PENDING
            registration.position = standing.last + 1
        elif event.specific_class.participation == "application":
            registration.status = S.APPLIED
            registration.position = standing.last + 1
        else:
            _admit(event, registration, now, standing)
        registration.save()
        _announce_status(registration)
    return Result(registration, True)


def confirm_guest(token, now=None):
    """A guest followed the emailed link: their registration now takes a seat or waits."""
    now = now or timezone.now()
    with transaction.atomic():
        found = Registration.objects.filter(token=token).select_related("event").first()
        if found is None:
            raise NotAllowed(_("This confirmation link is not valid."))
        event = _lock(found.event)
        registration = Registration.objects.get(pk=found.pk)
        if registration.status != S.PENDING:
            return Result(registration, False)
        if event.registration_state(now) != "open":
            raise RegistrationClosed()
        _admit(event, registration, now)
        registration.save()
        _announce_status(registration)
    return Result(registration, True)


def cancel(registration, *, by_organiser=False, now=None):
    """Cancel; a freed seat goes to the first person waiting whose admission keeps every cap."""
    now = now or timezone.now()
    with transaction.atomic():
        event = _lock(registration.event)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status in (S.CANCELLED, S.DECLINED, S.ATTENDED):
            return Result(registration, False)
        if now >= event.start and not by_organiser:
            raise RegistrationClosed(
                _("The event has started: registrations can no longer change.")
            )
        had_seat = registration.holds_seat
        registration.status = S.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at", "updated_at"])
        _after_commit(registration, "cancelled", signals.registration_cancelled)
        if had_seat:
            _promote(event, now)
    return Result(registration, True)


def promote_waiting(event, now=None):
    """Seat whoever can be seated now (after the capacity or caps were raised)."""
    now = now or timezone.now()
    with transaction.atomic():
        return _promote(_lock(event), now)


def approve_application(registration, *, by, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        event = _lock(registration.event)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status not in (S.APPLIED, S.DECLINED):
            return Result(registration, False)
        if event.capacity is not None and len(_seated(event)) >= event.capacity:
            raise EventFull()
        registration.status = S.CONFIRMED
        registration.confirmed_at = now
        registration.decided_by = by
        registration.position = _next_position(event)
        registration.save()
        _after_commit(registration, "approved", signals.application_approved)
        tasks.schedule_reminder(registration)
    return Result(registration, True)


def decline_application(registration, *, by):
    with transaction.atomic():
        _lock(registration.event)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status != S.APPLIED:
            return Result(registration, False)
        registration.status = S.DECLINED
        registration.decided_by = by
        registration.save(update_fields=["status", "decided_by", "updated_at"])
        _after_commit(registration, "declined", signals.application_declined)
    return Result(registration, True)


def mark_attendance(registration, attended):
    """Confirmed <-> attended; nobody else can have attended."""
    with transaction.atomic():
        _lock(registration.event)
        registration = Registration.objects.get(pk=registration.pk)
        wanted = S.ATTENDED if attended else S.CONFIRMED
        if registration.status not in SEAT_STATUSES or registration.status == wanted:
            return Result(registration, False)
        registration.status = wanted
        registration.save(update_fields=["status", "updated_at"])
    return Result(registration, True)


def _country_names(caps):
    """{ISO code: name in the reader's language} of the countries `caps` count (no query when
    none does)."""
    codes = {cap.value for cap in caps if cap.dimension == "country_code"}
    if not codes:
        return {}
    return dict(localized_options(Country.objects.filter(code__in=codes), "code"))


def seat_summary(event):
    """Counts by status, seats left and the balance by cap (counts only), in one query whatever
    the number of registrations (two more name the countries when a cap counts a country).

    Registrations hang off the event's registration copy only, so those of its translation
    group are that copy's: no query to find it."""
    caps = event.cap_rules()
    seated = Q(status__in=SEAT_STATUSES)
    counted = {f"status_{status}": Count("pk", filter=Q(status=status)) for status in S.values}
    counted.update(
        {
            f"cap_{n}": Count("pk", filter=seated & Q(**{cap.dimension: cap.value}))
            for n, cap in enumerate(caps)
        }
    )
    totals = Registration.objects.filter(
        event__translation_key=event.translation_key, event__alias_of__isnull=True
    ).aggregate(**counted)
    counts = {status: totals[f"status_{status}"] for status in S.values}
    taken = sum(counts[status] for status in SEAT_STATUSES)
    return {
        "counts": counts,
        "taken": taken,
        "capacity": event.capacity,
        "left": None if event.capacity is None else max(event.capacity - taken, 0),
        "waiting": counts[S.WAITLISTED],
        "balance": counted_cap_usage(
            [totals[f"cap_{n}"] for n in range(len(caps))], caps, _country_names(caps)
        ),
    }


def member_registrations(user):
    """The member's registrations as (upcoming, past): lists of {"registration", "event"}, each
    event in the reader's language where it has a live copy, the soonest upcoming first and the
    latest past first. Two queries whatever their number ("My events", "My participation")."""
    registrations = list(
        Registration.objects.filter(user=user)
        .select_related("event")
        .order_by("-event__start", "pk")
    )
    keys = [registration.event.translation_key for registration in registrations]
    translated = (
        {
            page.translation_key: page
            for page in EventPage.objects.filter(
                translation_key__in=keys,
                # A join, not a Locale lookup: one query less.
                locale__language_code=active_and_default_language_codes()[0],
            ).live()
        }
        if keys
        else {}
    )
    rows = [
        {
            "registration": registration,
            "event": translated.get(registration.event.translation_key, registration.event),
        }
        for registration in registrations
    ]
    upcoming = [row for row in rows if not row["event"].is_past()]
    past = [row for row in rows if row["event"].is_past()]
    upcoming.reverse()  # soonest first
    return upcoming, past
