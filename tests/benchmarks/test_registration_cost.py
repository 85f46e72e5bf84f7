"""What one registration costs in process: the POST, its redirect and the event page after it.

Run with `make benchmark` (or `pytest tests/benchmarks/test_registration_cost.py -m benchmark
-s`). A webinar of 120 seats among OTHER_EVENTS other events; MEMBERS members with a full
profile register one after the other (the first 120 get a seat, the others wait); for each,
the POST to register, the redirect it answers and the event page shown to the member, with
what runs once the transaction commits (signals, notifications, queued emails, page-cache
purges). Production's choices where they
change the cost: the page cache on (so a registration purges), background tasks queued in the
database (the emails are never rendered in the request).

Prints the queries and the CPU time (`time.process_time`) per registration, early and late in
the burst, and a profile (cProfile, top 25 by cumulative time, then the project's own code) of
a few registrations. Asserts only that every registration succeeds and no seat is oversold;
tests/events/registrations/test_registration_query_counts.py holds the exact query budgets.
SHOW=1 prints the SQL of one registration.
"""

import cProfile
import io
import os
import pstats
import statistics
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.pages.factories import WebinarPageFactory
from events.pages.models import RegistrationStatus
from events.registrations.models import Registration
from tests.events.conftest import make_member

pytestmark = [pytest.mark.benchmark, pytest.mark.django_db]

SEATS = 120
MEMBERS = 160
PROFILED = 10
OTHER_EVENTS = 20


@pytest.fixture
def production_costs(settings):
    """Purges on (the page cache's default) and emails queued for the task worker."""
    settings.PAGE_CACHE_SECONDS = 600
    # django-tasks reloads its backends when TASKS changes (its setting_changed receiver).
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return settings


def _one_registration(client, member, webinar, capture):
    """POST (with what runs once it commits), follow the redirect to the event page:
    (POST queries, page queries, CPU seconds of the POST, CPU seconds of both)."""
    client.force_login(member)
    connection.queries_log.clear()  # CaptureQueriesContext counts within its 9,000-query window
    with CaptureQueriesContext(connection) as posting:
        start = time.process_time()
        with capture(execute=True):
            response = client.post(f"/en/events/register/{webinar.pk}/")
        assert response.status_code == 302, response.status_code
        posted = time.process_time() - start
        with CaptureQueriesContext(connection) as showing:
            while response.status_code in (301, 302):
                response = client.get(response["Location"])
        elapsed = time.process_time() - start
    assert response.status_code == 200
    if os.environ.get("SHOW_QUERIES"):
        print("\n".join(q["sql"][:300] for q in posting.captured_queries))  # noqa: T201
        os.environ.pop("SHOW_QUERIES")
    return len(posting) - len(showing), len(showing), posted, elapsed


def test_one_registration_costs(client, django_capture_on_commit_callbacks, production_costs):
    from cms.factories import make_site
    from events.listing.factories import EventIndexPageFactory

    index = EventIndexPageFactory(parent=make_site())
    webinar = WebinarPageFactory(parent=index, capacity=SEATS)
    for _ in range(OTHER_EVENTS):  # a site has other events: what purges them costs too
        WebinarPageFactory(parent=index)
    members = [
        make_member(
            f"m{n}@example.org",
            stakeholder_type="academia",
            country_code="IT",
            languages=["it"],
        )
        for n in range(MEMBERS)
    ]
    # Warm-up: the first request loads templates and code once per process.
    _one_registration(client, members[0], webinar, django_capture_on_commit_callbacks)

    rows = []
    profile = cProfile.Profile()
    for n, member in enumerate(members[1:], start=1):
        profiled = MEMBERS // 2 <= n < MEMBERS // 2 + PROFILED
        if n == MEMBERS // 2 and os.environ.get("SHOW"):
            os.environ["SHOW_QUERIES"] = "1"
        if profiled:
            profile.enable()
        posting, showing, post_cpu, cpu = _one_registration(
            client, member, webinar, django_capture_on_commit_callbacks
        )
        if profiled:
            profile.disable()
        rows.append((posting, showing, post_cpu, cpu))

    confirmed = Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count()
    waiting = Registration.objects.filter(status=RegistrationStatus.WAITLISTED).count()
    assert (confirmed, waiting) == (SEATS, MEMBERS - SEATS)

    def report(label, part):
        posting = sorted({row[0] for row in part})
        showing = sorted({row[1] for row in part})
        post_cpu = [row[2] * 1000 for row in part]
        cpu = [row[3] * 1000 for row in part]
        return (
            f"{label}: queries POST {posting}, page {showing}, "
            f"CPU ms median {statistics.median(cpu):.1f} "
            f"(POST {statistics.median(post_cpu):.1f}), mean {statistics.mean(cpu):.1f}, "
            f"max {max(cpu):.1f}"
        )

    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).sort_stats("cumulative")
    stats.print_stats(25)
    out.write("the project's own code:\n")
    stats.print_stats(r"/(cms|events|community)/", 25)
    if os.environ.get("PROFILE_ONLY"):  # e.g. PROFILE_ONLY=/events/
        stats.print_stats(os.environ["PROFILE_ONLY"], 40)
    print(  # noqa: T201 - the benchmark's report
        f"\nregistration (POST + redirect + event page), {SEATS} seats, {MEMBERS} members:\n"
        f"  {report('first 20 (seated)', rows[:20])}\n"
        f"  {report('seats 100-119', rows[99:119])}\n"
        f"  {report('waiting list', rows[SEATS:])}\n"
        f"  {report('all', rows)}\n"
        f"profile of {PROFILED} registrations, top 25 by cumulative time:\n{out.getvalue()}"
    )
