"""A member registers for a webinar in the browser, sees the seats change, cancels, and the
first person waiting is promoted (and emailed); the same journey in Arabic passes axe."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail_localize.synctree import synchronize_tree

from cms.factories import CountryFactory, make_site
from events.listing.factories import EventIndexPageFactory
from events.pages.factories import WebinarPageFactory
from events.pages.models import RegistrationStatus
from events.registrations import services
from events.registrations.models import Registration
from tests.e2e.sessions import sign_in
from tests.e2e.test_accessibility import axe_violations, describe
from tests.events.conftest import make_member

# Transactional: the live server thread must see the data the test makes.
pytestmark = pytest.mark.django_db(transaction=True)

S = RegistrationStatus


@pytest.fixture
def webinar():
    """A two-seat webinar with one seat taken, in English, aliased into the other languages."""
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    home = make_site()
    index = EventIndexPageFactory(parent=home)
    start = timezone.now() + datetime.timedelta(days=12)
    event = WebinarPageFactory(
        parent=index,
        title="Open data clinic",
        capacity=2,
        start=start,
        end=start + datetime.timedelta(hours=2),
    )
    italy = CountryFactory(code="IT", name="Italy")
    services.register(event, user=make_member("first@example.org"))
    for code in ("it", "ar"):
        synchronize_tree(Locale.get_default(), Locale.objects.get(language_code=code))
    return event, italy


def member(email, country):
    user = make_member(email, stakeholder_type="academia", languages=["it"])
    user.country = country
    user.save()
    return user


def seats(page):
    return " ".join(page.get_by_test_id("seats").inner_text().split())


def journey(page, live_server, event, country, language, check=lambda page: None):
    me = member(f"me-{language}@example.org", country)
    sign_in(page, live_server, me)
    url = f"{live_server.url}/{language}/events/{event.slug}/"
    page.goto(url)
    before = seats(page)
    check(page)
    page.locator("#registration form button[type=submit]").click()
    page.wait_for_url(f"{url}#registration")
    after = seats(page)
    assert after != before
    mine = Registration.objects.get(user=me)
    assert mine.status == S.CONFIRMED
    check(page)
    # Someone else arrives: the event is full, they wait.
    waiting = services.register(event, user=make_member(f"late-{language}@example.org"))
    assert waiting.registration.status == S.WAITLISTED
    page.goto(url)
    mail.outbox.clear()
    page.locator("#registration form button[type=submit]").click()  # cancel
    page.wait_for_url(f"{url}#registration")
    check(page)
    mine.refresh_from_db()
    waiting.registration.refresh_from_db()
    assert mine.status == S.CANCELLED
    assert waiting.registration.status == S.CONFIRMED  # the first person waiting is promoted
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [f"me-{language}@example.org", f"late-{language}@example.org"]
    )
    return before, after


def test_member_registers_sees_seats_change_cancels_and_the_first_waiting_is_promoted(
    page, live_server, webinar
):
    event, country = webinar
    before, after = journey(page, live_server, event, country, "en")
    assert (before, after) == ("1 seat left of 2", "0 seats left of 2")


def test_the_registration_journey_in_arabic_passes_axe(page, live_server, webinar):
    event, country = webinar

    def no_violations(page):
        assert page.locator("html").get_attribute("dir") == "rtl"
        violations = axe_violations(page)
        assert not violations, describe(violations)

    journey(page, live_server, event, country, "ar", check=no_violations)
