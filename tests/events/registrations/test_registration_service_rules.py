"""The registration engine's exact rules: refusal messages, stored guest fields, which event a
registration belongs to, return values, positions, timestamps, signals and the seat summary.

Companion of test_registration_engine.py (the journeys); these pin each rule down so that a
changed message, a lost timestamp or a registration reused across events is noticed.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from events.pages.caps import Cap
from events.pages.factories import FocusGroupPageFactory, WebinarPageFactory, cap
from events.pages.models import EventPage, RegistrationStatus
from events.registrations import services, signals
from events.registrations.models import Registration
from tests.events.conftest import make_member

S = RegistrationStatus
BUSINESS = {"stakeholder_type": "business", "country_code": "IT", "language": "en"}
ACADEMIA = {"stakeholder_type": "academia", "country_code": "HR", "language": "hr"}


@pytest.fixture
def now():
    """A fixed moment, distinct from the clock, that the engine must use when given it."""
    return timezone.now().replace(microsecond=0) - datetime.timedelta(hours=3)


def refusal(excinfo):
    return str(excinfo.value)


def set_capacity(event, capacity):
    """Change the seats without publishing (publishing promotes on its own)."""
    EventPage.objects.filter(pk=event.pk).update(capacity=capacity)


# -- refusals and their messages ----------------------------------------------------------------


@pytest.mark.parametrize("missing_email", [{}, {"guest_email": ""}, {"guest_email": None}])
def test_nobody_signed_in_without_an_email_is_asked_to_sign_in_or_give_one(index, missing_email):
    webinar = WebinarPageFactory(parent=index, allow_guests=True)
    with pytest.raises(services.NotAllowed) as excinfo:
        services.register(webinar, guest_name="Gia", **missing_email)
    assert refusal(excinfo) == "Sign in or give your email address."
    assert not Registration.objects.exists()


def test_a_guest_where_guests_are_not_allowed_is_asked_to_sign_in(index):
    webinar = WebinarPageFactory(parent=index, allow_guests=False)
    with pytest.raises(services.NotAllowed) as excinfo:
        services.register(webinar, guest_email="guest@example.org")
    assert refusal(excinfo) == "Sign in to register for this event."
    assert excinfo.value.message == "Sign in to register for this event."


def test_an_unknown_confirmation_link_is_refused_as_not_valid(index):
    with pytest.raises(services.NotAllowed) as excinfo:
        services.confirm_guest("no-such-token")
    assert refusal(excinfo) == "This confirmation link is not valid."


def test_a_refusal_without_a_message_says_the_default_of_its_kind(index):
    assert str(services.RegistrationClosed()) == "Registration for this event is closed."
    assert str(services.NotAllowed()) == "You cannot do this for this event."
    assert str(services.RegistrationError()) == "This registration cannot be changed."
    custom = services.NotAllowed("Not today.")
    assert (str(custom), custom.message) == ("Not today.", "Not today.")


def test_a_guest_confirming_after_registration_closed_is_refused_on_the_given_clock(index, commit):
    webinar = WebinarPageFactory(parent=index, allow_guests=True)
    pending = commit(services.register, webinar, guest_email="g@example.org").registration
    after_start = webinar.start + datetime.timedelta(minutes=1)
    with pytest.raises(services.RegistrationClosed) as excinfo:
        services.confirm_guest(pending.token, now=after_start)
    assert refusal(excinfo) == "Registration for this event is closed."
    pending.refresh_from_db()
    assert pending.status == S.PENDING


def test_a_member_cannot_cancel_from_the_very_moment_the_event_starts(index, commit):
    webinar = WebinarPageFactory(parent=index)
    seat = commit(services.register, webinar, user=make_member("a@example.org")).registration
    with pytest.raises(services.RegistrationClosed) as excinfo:
        services.cancel(seat, now=webinar.start)
    assert refusal(excinfo) == "The event has started: registrations can no longer change."
    seat.refresh_from_db()
    assert seat.status == S.CONFIRMED


# -- what a registration stores -----------------------------------------------------------------


def test_a_guest_registration_stores_the_trimmed_name_lower_cased_email_and_language(index):
    webinar = WebinarPageFactory(parent=index, allow_guests=True)
    result = services.register(
        webinar, guest_name="  Gia Rossi ", guest_email=" Gia@Example.ORG ", guest_language="it"
    )
    registration = Registration.objects.get(pk=result.registration.pk)
    assert (
        registration.user,
        registration.guest_name,
        registration.guest_email,
        registration.guest_language,
        registration.status,
    ) == (None, "Gia Rossi", "gia@example.org", "it", S.PENDING)


def test_a_guest_who_gives_only_an_email_has_no_name_language_or_motivation(index):
    webinar = WebinarPageFactory(parent=index, allow_guests=True)
    registration = services.register(webinar, guest_email="g@example.org").registration
    registration.refresh_from_db()
    assert (registration.guest_name, registration.guest_language, registration.motivation) == (
        "",
        "",
        "",
    )


def test_a_member_registration_keeps_no_guest_fields_even_when_the_form_sent_them(index):
    webinar = WebinarPageFactory(parent=index, allow_guests=True)
    member = make_member("ana@example.org")
    registration = services.register(
        webinar,
        user=member,
        guest_name="Someone",
        guest_email="someone@example.org",
        guest_language="it",
    ).registration
    registration.refresh_from_db()
    assert registration.user == member
    assert (registration.guest_name, registration.guest_email, registration.guest_language) == (
        "",
        "",
        "",
    )
    assert registration.motivation == ""


def test_registering_through_a_language_copy_registers_for_the_original_event(index):
    webinar = WebinarPageFactory(parent=index)
    italian = webinar.copy_for_translation(
        Locale.objects.get(language_code="it"), copy_parents=True
    )
    italian.save_revision().publish()
    registration = services.register(italian, user=make_member("a@example.org")).registration
    assert registration.event_id == webinar.pk
    assert Registration.objects.filter(event=italian).count() == 0


# -- an existing registration is this person's at this event only ------------------------------


def test_a_member_registered_elsewhere_gets_a_new_registration_for_this_event(index):
    first, second = WebinarPageFactory(parent=index), WebinarPageFactory(parent=index)
    member = make_member("ana@example.org")
    there = services.register(first, user=member).registration
    result = services.register(second, user=member)
    assert result.changed is True
    assert result.registration.pk != there.pk and result.registration.event_id == second.pk
    assert Registration.objects.filter(user=member).count() == 2


def test_a_guest_registered_elsewhere_gets_a_new_registration_for_this_event(index):
    first = WebinarPageFactory(parent=index, allow_guests=True)
    second = WebinarPageFactory(parent=index, allow_guests=True)
    there = services.register(first, guest_email="g@example.org").registration
    result = services.register(second, guest_email="g@example.org")
    assert result.changed is True
    assert result.registration.pk != there.pk and result.registration.event_id == second.pk


def test_two_guests_at_one_event_each_get_their_own_registration(index):
    webinar = WebinarPageFactory(parent=index, allow_guests=True)
    one = services.register(webinar, guest_email="one@example.org")
    two = services.register(webinar, guest_email="two@example.org")
    assert one.changed is True and two.changed is True
    assert one.registration.pk != two.registration.pk
    assert sorted(Registration.objects.values_list("guest_email", flat=True)) == [
        "one@example.org",
        "two@example.org",
    ]


def test_a_guest_registering_again_gets_the_same_registration_back_unchanged(index):
    webinar = WebinarPageFactory(parent=index, allow_guests=True)
    first = services.register(webinar, guest_email="g@example.org").registration
    again = services.register(webinar, guest_email="G@example.org")
    assert again.changed is False
    assert again.registration.pk == first.pk
    assert Registration.objects.count() == 1


def test_seats_taken_at_another_event_do_not_fill_this_one(index):
    elsewhere = WebinarPageFactory(parent=index, capacity=1)
    services.register(elsewhere, user=make_member("a@example.org"))
    webinar = WebinarPageFactory(parent=index, capacity=1)
    registration = services.register(webinar, user=make_member("b@example.org")).registration
    assert registration.status == S.CONFIRMED


# -- arrival order ------------------------------------------------------------------------------


def test_members_arrive_in_positions_one_two_three(index):
    webinar = WebinarPageFactory(parent=index, capacity=1)
    positions = [
        services.register(webinar, user=make_member(f"p{n}@example.org")).registration.position
        for n in range(3)
    ]
    assert positions == [1, 2, 3]


def test_guests_and_applicants_are_numbered_in_arrival_order_per_event(index):
    webinar = WebinarPageFactory(parent=index, allow_guests=True)
    group = FocusGroupPageFactory(parent=index)
    guests = [
        services.register(webinar, guest_email=f"g{n}@example.org").registration.position
        for n in range(2)
    ]
    applicants = [
        services.register(group, user=make_member(f"a{n}@example.org")).registration.position
        for n in range(2)
    ]
    assert guests == [1, 2] and applicants == [1, 2]


# -- timestamps ---------------------------------------------------------------------------------


def test_a_seat_is_confirmed_at_the_given_moment_and_a_waiting_place_is_not(index, now):
    webinar = WebinarPageFactory(parent=index, capacity=1)
    seat = services.register(webinar, user=make_member("a@example.org"), now=now).registration
    waiting = services.register(webinar, user=make_member("b@example.org"), now=now).registration
    seat.refresh_from_db()
    waiting.refresh_from_db()
    assert (seat.status, seat.confirmed_at) == (S.CONFIRMED, now)
    assert (waiting.status, waiting.confirmed_at) == (S.WAITLISTED, None)


def test_a_guest_confirming_is_seated_at_the_given_moment(index, now):
    webinar = WebinarPageFactory(parent=index, allow_guests=True)
    pending = services.register(webinar, guest_email="g@example.org", now=now).registration
    result = services.confirm_guest(pending.token, now=now)
    assert result.changed is True and result.registration.pk == pending.pk
    pending.refresh_from_db()
    assert (pending.status, pending.confirmed_at) == (S.CONFIRMED, now)


def test_confirming_a_guest_twice_returns_the_same_registration_unchanged(index):
    webinar = WebinarPageFactory(parent=index, allow_guests=True)
    pending = services.register(webinar, guest_email="g@example.org").registration
    services.confirm_guest(pending.token)
    again = services.confirm_guest(pending.token)
    assert again.changed is False
    assert again.registration.pk == pending.pk and again.registration.status == S.CONFIRMED


def test_cancelling_records_the_moment_and_says_it_changed(index, now):
    webinar = WebinarPageFactory(parent=index)
    seat = services.register(webinar, user=make_member("a@example.org")).registration
    result = services.cancel(seat, now=now)
    assert result.changed is True and result.registration.pk == seat.pk
    seat.refresh_from_db()
    assert (seat.status, seat.cancelled_at) == (S.CANCELLED, now)


def test_cancelling_twice_returns_the_same_registration_unchanged(index, now):
    webinar = WebinarPageFactory(parent=index)
    seat = services.register(webinar, user=make_member("a@example.org")).registration
    services.cancel(seat, now=now)
    again = services.cancel(seat)
    assert again.changed is False
    assert again.registration.pk == seat.pk and again.registration.cancelled_at == now


# -- promotion ----------------------------------------------------------------------------------


def test_nobody_is_promoted_from_the_moment_the_event_starts(index):
    webinar = WebinarPageFactory(parent=index, capacity=1)
    services.register(webinar, user=make_member("a@example.org"))
    waiting = services.register(webinar, user=make_member("b@example.org")).registration
    set_capacity(webinar, 2)
    assert services.promote_waiting(webinar, now=webinar.start) == []
    waiting.refresh_from_db()
    assert waiting.status == S.WAITLISTED
    just_before = webinar.start - datetime.timedelta(minutes=1)
    assert [r.pk for r in services.promote_waiting(webinar, now=just_before)] == [waiting.pk]


def test_promotion_returns_whoever_it_seated_until_the_seats_run_out(index, now):
    webinar = WebinarPageFactory(parent=index, capacity=1)
    services.register(webinar, user=make_member("a@example.org"))
    second, third = (
        services.register(webinar, user=make_member(f"{n}@example.org")).registration for n in "bc"
    )
    set_capacity(webinar, 2)
    promoted = services.promote_waiting(webinar, now=now)
    assert [r.pk for r in promoted] == [second.pk]
    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.status, second.confirmed_at) == (S.CONFIRMED, now)
    assert third.status == S.WAITLISTED


def test_promotion_counts_each_person_it_seats_against_the_caps(index, now):
    webinar = WebinarPageFactory(
        parent=index, capacity=1, caps=[cap("stakeholder_type", "business", seats=1)]
    )
    services.register(webinar, user=make_member("uni@example.org"), snapshot=ACADEMIA)
    first, second = (
        services.register(
            webinar, user=make_member(f"biz{n}@example.org"), snapshot=BUSINESS
        ).registration
        for n in range(2)
    )
    set_capacity(webinar, 3)
    promoted = services.promote_waiting(webinar, now=now)
    assert [r.pk for r in promoted] == [first.pk]
    second.refresh_from_db()
    assert second.status == S.WAITLISTED


def test_a_freed_seat_goes_to_someone_waiting_for_this_event_not_another(index, commit):
    elsewhere = WebinarPageFactory(parent=index, capacity=0)
    stranger = commit(services.register, elsewhere, user=make_member("x@example.org")).registration
    webinar = WebinarPageFactory(parent=index, capacity=1)
    seat = commit(services.register, webinar, user=make_member("a@example.org")).registration
    waiting = commit(services.register, webinar, user=make_member("b@example.org")).registration
    assert (stranger.position, stranger.status) == (1, S.WAITLISTED)
    commit(services.cancel, seat)
    stranger.refresh_from_db()
    waiting.refresh_from_db()
    assert stranger.status == S.WAITLISTED
    assert waiting.status == S.CONFIRMED


# -- applications -------------------------------------------------------------------------------


def test_approving_confirms_at_the_given_moment_at_the_back_of_the_queue(index, now):
    group = FocusGroupPageFactory(parent=index, capacity=5)
    organiser = make_member("org@example.org")
    first, second = (
        services.register(group, user=make_member(f"{n}@example.org")).registration for n in "ab"
    )
    result = services.approve_application(first, by=organiser, now=now)
    assert result.changed is True and result.registration.pk == first.pk
    assert result.registration.status == S.CONFIRMED
    first.refresh_from_db()
    assert (first.status, first.confirmed_at, first.position) == (S.CONFIRMED, now, 3)
    assert first.decided_by == organiser and second.position == 2


def test_approving_without_a_moment_confirms_now(index):
    group = FocusGroupPageFactory(parent=index)
    applied = services.register(group, user=make_member("a@example.org")).registration
    before = timezone.now()
    services.approve_application(applied, by=make_member("org@example.org"))
    applied.refresh_from_db()
    assert before <= applied.confirmed_at <= timezone.now()


def test_approving_someone_already_confirmed_changes_nothing(index):
    group = FocusGroupPageFactory(parent=index)
    organiser = make_member("org@example.org")
    applied = services.register(group, user=make_member("a@example.org")).registration
    services.approve_application(applied, by=organiser)
    again = services.approve_application(applied, by=organiser)
    assert again.changed is False
    assert again.registration.pk == applied.pk and again.registration.status == S.CONFIRMED


def test_declining_records_who_decided_and_says_it_changed(index):
    group = FocusGroupPageFactory(parent=index)
    organiser = make_member("org@example.org")
    applied = services.register(group, user=make_member("a@example.org")).registration
    result = services.decline_application(applied, by=organiser)
    assert result.changed is True and result.registration.pk == applied.pk
    applied.refresh_from_db()
    assert (applied.status, applied.decided_by) == (S.DECLINED, organiser)


def test_declining_twice_returns_the_same_registration_unchanged(index):
    group = FocusGroupPageFactory(parent=index)
    organiser = make_member("org@example.org")
    applied = services.register(group, user=make_member("a@example.org")).registration
    services.decline_application(applied, by=organiser)
    again = services.decline_application(applied, by=organiser)
    assert again.changed is False
    assert again.registration.pk == applied.pk and again.registration.status == S.DECLINED


def test_applying_emails_the_applicant_that_the_application_was_received(index, commit, mailoutbox):
    group = FocusGroupPageFactory(parent=index, title="Skills")
    commit(services.register, group, user=make_member("a@example.org"))
    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["a@example.org"], "Application received: Skills")
    ]


# -- attendance ---------------------------------------------------------------------------------


def test_marking_attendance_says_when_it_changed_and_returns_the_registration(index):
    webinar = WebinarPageFactory(parent=index)
    seat = services.register(webinar, user=make_member("a@example.org")).registration
    marked = services.mark_attendance(seat, True)
    assert marked.changed is True and marked.registration.pk == seat.pk
    again = services.mark_attendance(seat, True)
    assert again.changed is False
    assert again.registration.pk == seat.pk and again.registration.status == S.ATTENDED
    back = services.mark_attendance(seat, False)
    assert back.changed is True and back.registration.status == S.CONFIRMED


# -- signals ------------------------------------------------------------------------------------


def test_signals_are_sent_by_registration_with_the_row_and_its_member_loaded(index, commit):
    """Listeners connect with sender=Registration (the notification centre does). The member is
    loaded with the row; the event too, though the notification centre's own receiver, which
    runs first, would load it anyway."""
    webinar = WebinarPageFactory(parent=index, title="Loaded")
    received = []

    def listener(sender, registration, **kwargs):
        with CaptureQueriesContext(connection) as queries:
            details = (registration.event.title, registration.user.email)
        received.append((sender, details, len(queries.captured_queries)))

    signals.registration_confirmed.connect(listener, weak=False)
    try:
        commit(services.register, webinar, user=make_member("a@example.org"))
    finally:
        signals.registration_confirmed.disconnect(listener)
    assert received == [(Registration, ("Loaded", "a@example.org"), 0)]


# -- seat summary -------------------------------------------------------------------------------


def test_the_seat_summary_counts_every_status_seats_left_and_each_caps_balance(index):
    webinar = WebinarPageFactory(
        parent=index, capacity=2, caps=[cap("stakeholder_type", "business", seats=1)]
    )
    biz, biz2, uni, uni2 = (make_member(f"{n}@example.org") for n in ("b1", "b2", "u1", "u2"))
    services.register(webinar, user=biz, snapshot=BUSINESS)
    services.register(webinar, user=biz2, snapshot=BUSINESS)  # over the cap: waits
    seated = services.register(webinar, user=uni, snapshot=ACADEMIA).registration
    services.register(webinar, user=uni2, snapshot=ACADEMIA)  # full: waits
    services.mark_attendance(seated, True)
    assert services.seat_summary(webinar) == {
        "counts": {
            "pending": 0,
            "confirmed": 1,
            "waitlisted": 2,
            "cancelled": 0,
            "attended": 1,
            "applied": 0,
            "declined": 0,
        },
        "taken": 2,
        "capacity": 2,
        "left": 0,
        "waiting": 2,
        "balance": [
            {
                "cap": Cap("stakeholder_type", "business", 1, "business"),
                "label": "Business and social enterprise",
                "taken": 1,
                "limit": 1,
            }
        ],
    }


def test_the_seat_summary_of_an_unlimited_event_has_no_seats_left_count(index):
    webinar = WebinarPageFactory(parent=index, capacity=None)
    services.register(webinar, user=make_member("a@example.org"))
    summary = services.seat_summary(webinar)
    assert (summary["taken"], summary["capacity"], summary["left"]) == (1, None, None)


# -- the profile snapshot -----------------------------------------------------------------------


def test_nobody_and_an_anonymous_visitor_have_an_empty_snapshot():
    empty = {"stakeholder_type": "", "country_code": "", "language": ""}
    assert services.profile_snapshot(None) == empty
    assert services.profile_snapshot(AnonymousUser()) == empty


def test_the_snapshot_upper_cases_the_country_to_two_letters():
    person = SimpleNamespace(stakeholder_type="civil", country_code="gbr", languages=["en"])
    assert services.profile_snapshot(person) == {
        "stakeholder_type": "civil",
        "country_code": "GB",
        "language": "en",
    }


@pytest.mark.parametrize(
    ("languages", "first"),
    [
        ("hr,en", "hr"),
        (" hr , en", "hr"),
        ("", ""),
        (["", None, "de", "en"], "de"),
        ([SimpleNamespace(code="sl"), SimpleNamespace(code="en")], "sl"),
        ([SimpleNamespace(code=""), "it"], "it"),
        ([], ""),
        (None, ""),
    ],
)
def test_the_snapshot_language_is_the_first_language_given(languages, first):
    person = SimpleNamespace(languages=languages)
    assert services.profile_snapshot(person)["language"] == first
