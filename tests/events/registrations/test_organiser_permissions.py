"""Only an event's organisers and staff see and manage its registrations (checked on the
server, view by view)."""

import pytest
from django.contrib.auth.models import Permission
from wagtail.models import Locale

from community.members.factories import UserFactory
from events.pages.factories import FocusGroupPageFactory, WebinarPageFactory
from events.pages.models import RegistrationStatus
from events.registrations import services
from events.registrations.models import Registration
from events.registrations.permissions import can_manage_registrations, managed_events
from tests.events.conftest import make_member

pytestmark = pytest.mark.django_db


def admin_user(email, **flags):
    """A member with admin access and an authenticator app (the admin requires one)."""
    user = UserFactory(email=email, two_factor=True, **flags)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def setup(index):
    organiser = admin_user("org@example.org")
    other_organiser = admin_user("else@example.org")
    webinar = WebinarPageFactory(parent=index, capacity=1, organisers=[organiser])
    elsewhere = WebinarPageFactory(parent=index, organisers=[other_organiser])
    a, b = make_member("a@example.org"), make_member("b@example.org")
    services.register(webinar, user=a)
    services.register(webinar, user=b)
    return webinar, elsewhere, organiser, other_organiser


def urls(webinar):
    base = f"/admin/events/registrations/{webinar.pk}/"
    return [base, base + "export.csv"]


def test_the_events_organiser_sees_counts_waitlist_and_csv(client, setup):
    webinar, _elsewhere, organiser, _other = setup
    client.force_login(organiser)
    page = client.get(urls(webinar)[0])
    assert page.status_code == 200
    assert "a@example.org" in page.content.decode() and "b@example.org" in page.content.decode()
    csv = client.get(urls(webinar)[1])
    assert csv.status_code == 200 and csv["Content-Type"].startswith("text/csv")
    lines = csv.content.decode().splitlines()
    assert lines[0].startswith("position,status,name,email")
    assert len(lines) == 3


def test_another_events_organiser_and_a_plain_editor_are_refused(client, setup):
    webinar, _elsewhere, _organiser, other = setup
    editor = admin_user("editor@example.org")
    for user in (other, editor):
        client.force_login(user)
        for url in urls(webinar):
            refused = client.get(url)
            # Wagtail's admin turns PermissionDenied into a redirect to the dashboard.
            assert (refused.status_code, refused["Location"]) == (302, "/admin/"), (user, url)
        registration = Registration.objects.first()
        post = client.post(f"{urls(webinar)[0]}{registration.pk}/attendance/", {"attended": "1"})
        assert (post.status_code, post["Location"]) == (302, "/admin/")
    assert not Registration.objects.filter(status=RegistrationStatus.ATTENDED).exists()


def test_visitors_are_sent_to_log_in(client, setup):
    webinar = setup[0]
    assert client.get(urls(webinar)[0]).status_code == 302


def test_staff_and_managers_may_manage_every_event(setup):
    webinar = setup[0]
    staff = admin_user("staff@example.org", is_staff=True)
    manager = admin_user("manager@example.org")
    manager.user_permissions.add(Permission.objects.get(codename="manage_all_registrations"))
    manager = type(manager).objects.get(pk=manager.pk)  # fresh permission cache
    assert can_manage_registrations(staff, webinar)
    assert can_manage_registrations(manager, webinar)


def test_organiser_marks_attendance_and_decides_applications(client, index, mailoutbox):
    organiser = admin_user("org@example.org")
    group = FocusGroupPageFactory(parent=index, organisers=[organiser])
    applicant = make_member("x@example.org")
    registration = services.register(group, user=applicant, motivation="Please").registration
    client.force_login(organiser)
    base = f"/admin/events/registrations/{group.pk}/{registration.pk}/"
    assert client.post(base + "approve/").status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    client.post(base + "attendance/", {"attended": "1"})
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.ATTENDED


def test_organiser_emails_every_confirmed_participant(client, setup, mailoutbox):
    webinar, _elsewhere, organiser, _other = setup
    client.force_login(organiser)
    mailoutbox.clear()
    response = client.post(
        f"/admin/events/registrations/{webinar.pk}/email/",
        {"subject": "Room change", "message": "We meet in room B."},
    )
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [["a@example.org"]]  # b is waiting, not confirmed
    assert "We meet in room B." in mailoutbox[0].body


@pytest.fixture
def roles(setup):
    """Every kind of user the rule tells apart, by name."""
    from django.contrib.auth.models import AnonymousUser

    webinar, _elsewhere, organiser, other = setup
    manager = admin_user("manager@example.org")
    manager.user_permissions.add(Permission.objects.get(codename="manage_all_registrations"))
    italian = webinar.copy_for_translation(
        Locale.objects.get(language_code="it"), copy_parents=True
    )
    italian.save_revision().publish()
    # Named on the Italian copy only: still this event's organiser. (A ParentalManyToManyField
    # is written when its page is saved.)
    webinar.organisers.clear()
    webinar.save()
    inactive = UserFactory(email="gone@example.org", is_active=False)
    italian.organisers.add(organiser, inactive)
    italian.save()
    return {
        "organiser": organiser,
        "another event's organiser": other,
        "member": make_member("plain@example.org"),
        "inactive organiser": inactive,
        "inactive staff": UserFactory(email="old@example.org", is_staff=True, is_active=False),
        "staff": UserFactory(email="staff@example.org", is_staff=True),
        "superuser": UserFactory(email="root@example.org", is_superuser=True),
        "manager": type(manager).objects.get(pk=manager.pk),  # fresh permission cache
        "visitor": AnonymousUser(),
        "nobody": None,
    }, italian


MANAGES_ALL = {"staff", "superuser", "manager"}


def test_each_role_manages_exactly_the_registrations_it_may_on_any_language_copy(setup, roles):
    webinar, elsewhere, *_ = setup
    users, italian = roles
    assert not webinar.organisers.exists() and italian.organisers.count() == 2
    for name, user in users.items():
        expected = name in MANAGES_ALL or name == "organiser"
        for copy in (webinar, italian):
            assert can_manage_registrations(user, copy) is expected, (name, copy.locale)
        on_elsewhere = name in MANAGES_ALL or name == "another event's organiser"
        assert can_manage_registrations(user, elsewhere) is on_elsewhere, name


def test_managed_events_lists_the_registration_copies_each_role_may_manage(setup, roles):
    webinar, elsewhere, *_ = setup
    users, italian = roles
    alias = WebinarPageFactory(parent=webinar.get_parent(), organisers=[users["organiser"]])
    alias = alias.create_alias(parent=italian.get_parent(), update_locale=italian.locale)
    every_copy = {webinar.pk, elsewhere.pk, italian.pk, alias.alias_of_id}
    for name, user in users.items():
        managed = set(managed_events(user).values_list("pk", flat=True))
        if name in MANAGES_ALL:
            assert managed == every_copy, name
        elif name == "organiser":
            assert managed == {webinar.pk, italian.pk, alias.alias_of_id}, name
        elif name == "another event's organiser":
            assert managed == {elsewhere.pk}, name
        else:
            assert managed == set(), name


def test_the_participants_list_numbers_people_and_names_their_country_and_language(client, index):
    from cms.factories import CountryFactory

    CountryFactory(name="Croatia", code="HR")
    organiser = admin_user("org@example.org")
    webinar = WebinarPageFactory(parent=index, capacity=5, organisers=[organiser])
    for email in ("a@example.org", "b@example.org"):
        # Seats written without an arrival order (as imports and demo data may): still 1, 2.
        Registration.objects.create(
            event=webinar,
            user=make_member(email),
            status=RegistrationStatus.CONFIRMED,
            country_code="HR",
            language="it",
        )
    client.force_login(organiser)
    html = client.get(urls(webinar)[0]).content.decode()
    table = html.split('<table class="listing">')[-1]
    assert "<td>1</td>" in table and "<td>2</td>" in table and "<td>0</td>" not in table
    assert "<td>Croatia</td>" in table and "<td>HR</td>" not in table
    assert "<td>Italian</td>" in table
