"""Every status transition of the registration engine, with its email and signal."""

import datetime

import pytest
from django.utils import timezone

from events.pages.factories import FocusGroupPageFactory, WebinarPageFactory, cap, in_days
from events.pages.models import RegistrationStatus
from events.registrations import services, signals
from events.registrations.models import Registration
from tests.events.conftest import make_member

S = RegistrationStatus
BUSINESS_IT = {"stakeholder_type": "business", "country_code": "IT", "language": "en"}
ACADEMIA_HR = {"stakeholder_type": "academia", "country_code": "HR", "language": "hr"}


@pytest.fixture
def heard():
    """Signals received, as (signal name, registration status)."""
    received = []
    names = list(signals.__all__)
    handlers = []
    for name in names:

        def handler(sender, registration, name=name, **kwargs):
            received.append((name, registration.status))

        getattr(signals, name).connect(handler, weak=False)
        handlers.append((name, handler))
    yield received
    for name, handler in handlers:
        getattr(signals, name).disconnect(handler)


def subjects(mailoutbox):
    return [m.subject for m in mailoutbox]


def test_member_registers_in_one_click_and_gets_a_confirmation_with_join_link_and_ics(
    index, commit, mailoutbox, heard
):
    webinar = WebinarPageFactory(parent=index, title="Open data", capacity=2)
    member = make_member("ana@example.org")
    result = commit(services.register, webinar, user=member, snapshot=BUSINESS_IT)
    assert result.changed and result.registration.status == S.CONFIRMED
    [mail] = mailoutbox
    assert mail.subject == "You are registered: Open data"
    assert webinar.join_url in mail.body
    [(filename, content, mimetype)] = mail.attachments
    assert (filename, mimetype) == ("event.ics", "text/calendar")
    assert heard == [("registration_confirmed", S.CONFIRMED)]


def test_registering_twice_changes_nothing(index, commit, mailoutbox):
    webinar = WebinarPageFactory(parent=index)
    member = make_member("ana@example.org")
    first = commit(services.register, webinar, user=member).registration
    again = commit(services.register, webinar, user=member)
    assert not again.changed and again.registration.pk == first.pk
    assert Registration.objects.count() == 1 and len(mailoutbox) == 1


def test_when_seats_run_out_people_wait_in_arrival_order(index, commit, mailoutbox, heard):
    webinar = WebinarPageFactory(parent=index, capacity=1, title="Tiny")
    people = [make_member(f"p{n}@example.org") for n in range(3)]
    statuses = [commit(services.register, webinar, user=p).registration.status for p in people]
    assert statuses == [S.CONFIRMED, S.WAITLISTED, S.WAITLISTED]
    assert subjects(mailoutbox)[1] == "You are on the waiting list: Tiny"
    waiting = list(Registration.objects.waiting().values_list("user__email", flat=True))
    assert waiting == ["p1@example.org", "p2@example.org"]
    assert ("registration_waitlisted", S.WAITLISTED) in heard


def test_cancelling_a_seat_promotes_the_first_person_waiting_who_is_emailed(
    index, commit, mailoutbox, heard
):
    webinar = WebinarPageFactory(parent=index, capacity=1, title="Tiny")
    first, second, third = (make_member(f"p{n}@example.org") for n in range(3))
    seat = commit(services.register, webinar, user=first).registration
    commit(services.register, webinar, user=second)
    commit(services.register, webinar, user=third)
    mailoutbox.clear()
    heard.clear()
    commit(services.cancel, seat)
    statuses = dict(Registration.objects.values_list("user__email", "status"))
    assert statuses == {
        "p0@example.org": S.CANCELLED,
        "p1@example.org": S.CONFIRMED,
        "p2@example.org": S.WAITLISTED,
    }
    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["p0@example.org"], "Registration cancelled: Tiny"),
        (["p1@example.org"], "A seat is yours: Tiny"),
    ]
    assert webinar.join_url in mailoutbox[1].body
    assert heard == [
        ("registration_cancelled", S.CANCELLED),
        ("registration_promoted", S.CONFIRMED),
    ]


def test_cancelling_a_waiting_place_promotes_nobody(index, commit):
    webinar = WebinarPageFactory(parent=index, capacity=1)
    first, second = make_member("a@example.org"), make_member("b@example.org")
    commit(services.register, webinar, user=first)
    waiting = commit(services.register, webinar, user=second).registration
    commit(services.cancel, waiting)
    assert list(Registration.objects.order_by("position").values_list("status", flat=True)) == [
        S.CONFIRMED,
        S.CANCELLED,
    ]


def test_a_cancelled_member_who_registers_again_goes_to_the_back_of_the_queue(index, commit):
    webinar = WebinarPageFactory(parent=index, capacity=1)
    a, b, c = (make_member(f"{n}@example.org") for n in "abc")
    commit(services.register, webinar, user=a)
    b_reg = commit(services.register, webinar, user=b).registration
    commit(services.register, webinar, user=c)
    commit(services.cancel, b_reg)
    again = commit(services.register, webinar, user=b).registration
    assert again.pk == b_reg.pk and again.status == S.WAITLISTED
    assert list(Registration.objects.waiting().values_list("user__email", flat=True)) == [
        "c@example.org",
        "b@example.org",
    ]


def test_a_registration_over_a_cap_waits_and_promotion_skips_to_who_keeps_every_cap(index, commit):
    webinar = WebinarPageFactory(
        parent=index, capacity=3, caps=[cap("stakeholder_type", "business", seats=1)]
    )
    biz = [make_member(f"biz{n}@example.org") for n in range(3)]
    statuses = [
        commit(services.register, webinar, user=u, snapshot=BUSINESS_IT).registration.status
        for u in biz
    ]
    assert statuses == [S.CONFIRMED, S.WAITLISTED, S.WAITLISTED]
    academic = commit(
        services.register, webinar, user=make_member("uni@example.org"), snapshot=ACADEMIA_HR
    ).registration
    assert academic.status == S.CONFIRMED  # a seat is free and no cap stops them
    # A third person, academic, waits behind the business people only when seats run out.
    other = commit(
        services.register, webinar, user=make_member("uni2@example.org"), snapshot=ACADEMIA_HR
    ).registration
    assert other.status == S.CONFIRMED
    late = commit(
        services.register, webinar, user=make_member("uni3@example.org"), snapshot=ACADEMIA_HR
    ).registration
    assert late.status == S.WAITLISTED
    # The academic seat frees: business people waiting first are skipped (cap), uni3 is seated.
    commit(services.cancel, other)
    late.refresh_from_db()
    assert late.status == S.CONFIRMED
    assert Registration.objects.filter(stakeholder_type="business", status=S.CONFIRMED).count() == 1


def test_percentage_caps_are_of_the_capacity_rounded_down(index, commit):
    webinar = WebinarPageFactory(
        parent=index, capacity=5, caps=[cap("country_code", "it", percent=40)]
    )
    statuses = [
        commit(
            services.register, webinar, user=make_member(f"i{n}@example.org"), snapshot=BUSINESS_IT
        ).registration.status
        for n in range(3)
    ]
    assert statuses == [S.CONFIRMED, S.CONFIRMED, S.WAITLISTED]  # 40 % of 5 = 2, code upper-cased


def test_registration_closes_at_its_closing_time_or_at_the_start(index, commit):
    closed = WebinarPageFactory(
        parent=index,
        start=in_days(3),
        registration_closes=timezone.now() - datetime.timedelta(hours=1),
    )
    started = WebinarPageFactory(
        parent=index, start=timezone.now() - datetime.timedelta(minutes=5), end=in_days(1)
    )
    not_yet = WebinarPageFactory(
        parent=index, registration_opens=timezone.now() + datetime.timedelta(days=1)
    )
    member = make_member("ana@example.org")
    for event in (closed, started, not_yet):
        with pytest.raises(services.RegistrationClosed):
            commit(services.register, event, user=member)
    assert not Registration.objects.exists()


def test_the_closing_time_is_the_servers_not_the_clients(index, commit):
    webinar = WebinarPageFactory(parent=index, start=in_days(2))
    member = make_member("ana@example.org")
    after_start = webinar.start + datetime.timedelta(minutes=1)
    with pytest.raises(services.RegistrationClosed):
        services.register(webinar, user=member, now=after_start)


def test_guests_register_by_email_and_take_a_seat_only_when_they_confirm(
    index, commit, mailoutbox, heard
):
    webinar = WebinarPageFactory(parent=index, allow_guests=True, capacity=1, title="Guests")
    pending = commit(
        services.register,
        webinar,
        guest_name="Guest",
        guest_email="Guest@Example.org ",
        guest_language="it",
    ).registration
    assert (pending.status, pending.guest_email) == (S.PENDING, "guest@example.org")
    [mail] = mailoutbox
    assert mail.to == ["guest@example.org"]
    assert mail.extra_headers["Content-Language"] == "it"
    assert f"/it/events/guest/{pending.token}/confirm/" in mail.body
    confirmed = commit(services.confirm_guest, pending.token).registration
    assert confirmed.status == S.CONFIRMED
    assert heard[-1] == ("registration_confirmed", S.CONFIRMED)
    again = commit(services.confirm_guest, pending.token)
    assert not again.changed


def test_guests_are_refused_where_the_event_does_not_allow_them(index):
    webinar = WebinarPageFactory(parent=index, allow_guests=False)
    with pytest.raises(services.NotAllowed):
        services.register(webinar, guest_email="guest@example.org")


def test_focus_group_application_is_approved_or_declined_and_the_member_told(
    index, commit, mailoutbox, heard
):
    group = FocusGroupPageFactory(parent=index, title="Skills", capacity=5)
    organiser = make_member("org@example.org")
    yes, no = make_member("yes@example.org"), make_member("no@example.org")
    applied = commit(
        services.register, group, user=yes, snapshot=BUSINESS_IT, motivation="I run a co-op."
    ).registration
    declined = commit(services.register, group, user=no, snapshot=ACADEMIA_HR).registration
    assert (applied.status, applied.motivation) == (S.APPLIED, "I run a co-op.")
    mailoutbox.clear()
    commit(services.approve_application, applied, by=organiser)
    commit(services.decline_application, declined, by=organiser)
    applied.refresh_from_db()
    declined.refresh_from_db()
    assert (applied.status, applied.decided_by) == (S.CONFIRMED, organiser)
    assert declined.status == S.DECLINED
    assert subjects(mailoutbox) == [
        "Welcome to the group: Skills",
        "About your application: Skills",
    ]
    assert ("application_approved", S.CONFIRMED) in heard
    assert ("application_declined", S.DECLINED) in heard
    # A declined member applying again changes nothing.
    assert not commit(services.register, group, user=no).changed


def test_approving_beyond_capacity_is_refused(index, commit):
    group = FocusGroupPageFactory(parent=index, capacity=1)
    organiser = make_member("org@example.org")
    first, second = (
        commit(services.register, group, user=make_member(f"{n}@example.org")).registration
        for n in "ab"
    )
    commit(services.approve_application, first, by=organiser)
    with pytest.raises(services.EventFull):
        commit(services.approve_application, second, by=organiser)


def test_attendance_is_marked_only_for_confirmed_registrants(index, commit):
    webinar = WebinarPageFactory(parent=index, capacity=1)
    seat = commit(services.register, webinar, user=make_member("a@example.org")).registration
    waiting = commit(services.register, webinar, user=make_member("b@example.org")).registration
    assert services.mark_attendance(seat, True).registration.status == S.ATTENDED
    assert services.mark_attendance(seat, False).registration.status == S.CONFIRMED
    assert not services.mark_attendance(waiting, True).changed


def test_a_member_cannot_cancel_after_the_start_but_an_organiser_can(index, commit):
    webinar = WebinarPageFactory(parent=index, start=in_days(1))
    seat = commit(services.register, webinar, user=make_member("a@example.org")).registration
    later = webinar.start + datetime.timedelta(minutes=1)
    with pytest.raises(services.RegistrationClosed):
        services.cancel(seat, now=later)
    assert services.cancel(seat, now=later, by_organiser=True).registration.status == S.CANCELLED


def test_the_snapshot_comes_from_the_profile_and_the_form_fills_only_gaps(index, commit):
    webinar = WebinarPageFactory(parent=index)
    member = make_member(
        "ana@example.org", stakeholder_type="public", country_code="gr", languages=["el", "en"]
    )
    registration = commit(
        services.register, webinar, user=member, snapshot={"stakeholder_type": "", "language": ""}
    ).registration
    assert registration.snapshot() == {
        "stakeholder_type": "public",
        "country_code": "GR",
        "language": "el",
    }
    assert services.missing_snapshot_fields(member) == []
    assert services.missing_snapshot_fields(make_member("new@example.org")) == [
        "stakeholder_type",
        "country_code",
        "language",
    ]


def test_emails_are_in_the_members_language(index, commit, mailoutbox):
    webinar = WebinarPageFactory(parent=index, title="Dati aperti")
    member = make_member("it@example.org", preferred_language="it")
    member.save()
    commit(services.register, webinar, user=member)
    [mail] = mailoutbox
    assert mail.extra_headers["Content-Language"] == "it"
    assert "Dati aperti" in mail.subject and "You are registered" not in mail.subject


def test_publishing_more_seats_seats_the_people_waiting_in_order(index, commit, mailoutbox):
    webinar = WebinarPageFactory(parent=index, capacity=1, title="Tiny")
    people = [make_member(f"p{n}@example.org") for n in range(3)]
    for person in people:
        commit(services.register, webinar, user=person)
    mailoutbox.clear()
    webinar.capacity = 2
    commit(lambda: webinar.save_revision().publish())
    statuses = list(Registration.objects.order_by("position").values_list("status", flat=True))
    assert statuses == [S.CONFIRMED, S.CONFIRMED, S.WAITLISTED]
    assert [m.subject for m in mailoutbox] == ["A seat is yours: Tiny"]


def test_a_guest_gets_the_calendar_file_and_a_cancel_link_only_once_seated(
    index, commit, mailoutbox
):
    webinar = WebinarPageFactory(parent=index, allow_guests=True, title="Guests")
    pending = commit(
        services.register, webinar, guest_name="Guest", guest_email="guest@example.org"
    ).registration
    [first] = mailoutbox
    assert first.attachments == []  # nothing for the calendar before the seat is confirmed
    assert "attached" not in first.body
    commit(services.confirm_guest, pending.token)
    confirmed = mailoutbox[-1]
    [(filename, _content, _mimetype)] = confirmed.attachments
    assert filename == "event.ics"
    # The guest's link cancels: it says so, not "Your registrations".
    assert "To cancel your registration: http://" in confirmed.body
    assert f"/events/guest/{pending.token}/cancel/" in confirmed.body
    assert "Your registrations:" not in confirmed.body


def test_a_one_day_event_gives_its_date_once_in_the_email(index, commit, mailoutbox):
    start = in_days(30, hour=9).replace(minute=30)
    webinar = WebinarPageFactory(
        parent=index,
        title="One day",
        time_zone="Europe/Rome",
        start=start,
        end=start + datetime.timedelta(hours=7),
    )
    commit(services.register, webinar, user=make_member("ana@example.org"))
    body = mailoutbox[-1].body
    when = next(line for line in body.splitlines() if line.startswith("When:"))
    day = webinar.start_local.strftime("%Y")
    assert when.count(day) == 1, when
    assert " – " in when
