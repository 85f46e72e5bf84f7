"""Seats are never oversold: concurrent registrations from separate connections (PostgreSQL).

Each thread has its own database connection, as separate web requests would. The event's row
lock serialises them; the test checks exactly `capacity` seats, caps kept, everybody else
waiting in the order they got the lock, no error and no duplicate.
"""

import threading

import pytest
from django.conf import settings
from django.db import connection, connections
from wagtail.models import Locale, Page

from cms.factories import make_site
from events.listing.factories import EventIndexPageFactory
from events.pages.caps import refusal_reason
from events.pages.factories import WebinarPageFactory, cap
from events.pages.models import RegistrationStatus
from events.registrations import services
from events.registrations.models import Registration
from tests.events.conftest import make_member

S = RegistrationStatus
# PostgreSQL's default max_connections is 100: 55 connections at once leaves room.
THREADS = 55

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrency tests need PostgreSQL (row locks, many connections); SQLite "
        "serialises every write, so there is no race to test. "
        "Run with DATABASE_URL=postgres://...",
    ),
]


@pytest.fixture
def index(transactional_db):
    """Real commits between threads: a transactional test flushes the tables after each test,
    Wagtail's root page and the locales included, so they are made again here."""
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    return EventIndexPageFactory(parent=make_site())


def race(callables):
    """Run every callable at once in its own thread and connection; return errors."""
    barrier = threading.Barrier(len(callables))
    errors = []

    def run(action):
        try:
            barrier.wait()
            action()
        except Exception as error:  # noqa: BLE001 - every failure is a test failure
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(action,)) for action in callables]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def snapshot(n):
    kinds = ["business", "academia", "public", "civil-society"]
    return {
        "stakeholder_type": kinds[n % 4],
        "country_code": "IT" if n % 2 else "HR",
        "language": "en",
    }


def test_fifty_five_concurrent_registrations_fill_ten_seats_exactly_and_queue_the_rest(index):
    webinar = WebinarPageFactory(parent=index, capacity=10)
    members = [make_member(f"m{n}@example.org") for n in range(THREADS)]
    # Each member clicks twice: the second click races the others' first and changes nothing.
    actions = [
        (lambda m=m: (services.register(webinar, user=m), services.register(webinar, user=m)))
        for m in members
    ]
    errors = race(actions)
    assert errors == []
    rows = list(Registration.objects.filter(event=webinar).order_by("position"))
    assert len(rows) == THREADS  # no duplicates
    assert len({r.user_id for r in rows}) == THREADS
    assert sum(r.status == S.CONFIRMED for r in rows) == 10
    # Arrival order: the first ten to get the lock are seated, everybody after them waits.
    assert [r.status for r in rows] == [S.CONFIRMED] * 10 + [S.WAITLISTED] * (THREADS - 10)
    assert [r.position for r in rows] == list(range(1, THREADS + 1))


def test_concurrent_registrations_keep_every_cap(index):
    webinar = WebinarPageFactory(
        parent=index,
        capacity=10,
        caps=[cap("stakeholder_type", "business", percent=40), cap("country_code", "IT", seats=5)],
    )
    members = [make_member(f"c{n}@example.org") for n in range(THREADS)]
    errors = race(
        [
            (lambda m=m, n=n: services.register(webinar, user=m, snapshot=snapshot(n)))
            for n, m in enumerate(members)
        ]
    )
    assert errors == []
    rows = list(Registration.objects.filter(event=webinar).order_by("position"))
    seated = [r for r in rows if r.status == S.CONFIRMED]
    assert len(rows) == THREADS and len(seated) == 10
    assert sum(r.stakeholder_type == "business" for r in seated) <= 4
    assert sum(r.country_code == "IT" for r in seated) <= 5
    # Nobody waiting could have been seated: each waiting person hits a cap or a full house.
    caps = webinar.cap_rules()
    for waiting in [r for r in rows if r.status == S.WAITLISTED]:
        earlier = [s.snapshot() for s in seated if s.position < waiting.position]
        assert refusal_reason(waiting.snapshot(), earlier, 10, caps)


def test_cancellations_raced_against_registrations_never_oversell(index):
    webinar = WebinarPageFactory(parent=index, capacity=10)
    first = [make_member(f"f{n}@example.org") for n in range(20)]
    for member in first:
        services.register(webinar, user=member)
    seated = list(Registration.objects.filter(event=webinar, status=S.CONFIRMED))
    newcomers = [make_member(f"n{n}@example.org") for n in range(40)]
    actions = [(lambda r=r: services.cancel(r)) for r in seated[:8]]
    actions += [(lambda m=m: services.register(webinar, user=m)) for m in newcomers]
    errors = race(actions)
    assert errors == []
    rows = list(Registration.objects.filter(event=webinar).order_by("position"))
    confirmed = [r for r in rows if r.status == S.CONFIRMED]
    assert len(confirmed) == 10
    assert sum(r.status == S.CANCELLED for r in rows) == 8
    assert len(rows) == 60
    # The eight freed seats went to the first people waiting (those of the initial 20).
    waiting_before = [r for r in rows if r.user.email.startswith("f")][10:]
    assert all(r.status == S.CONFIRMED for r in waiting_before[:8])
