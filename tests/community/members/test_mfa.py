"""Two-factor authentication (allauth.mfa, TOTP + recovery codes), required to use the admin."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group, Permission

from community.members.factories import UserFactory
from community.members.two_factor import needs_two_factor_setup, requires_two_factor
from tests.totp import current_code

pytestmark = pytest.mark.django_db

PASSWORD = "resilient-demo"
SETUP_URL = "/en/accounts/2fa/totp/activate/"


def _login(client, email, next_url="/admin/"):
    return client.post(
        f"/en/accounts/login/?next={next_url}", {"login": email, "password": PASSWORD}
    )


def _confirm_password(client):
    """allauth asks for the password again before an authenticator is added (stolen sessions)."""
    response = client.get(SETUP_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/reauthenticate/")
    response = client.post(response["Location"], {"password": PASSWORD})
    assert response.status_code == 302


def test_staff_superusers_and_admin_group_members_require_two_factor_but_members_do_not():
    assert requires_two_factor(UserFactory(is_staff=True, two_factor=False))
    assert requires_two_factor(UserFactory(is_superuser=True, two_factor=False))
    moderator = UserFactory(two_factor=False)
    group = Group.objects.create(name="Admin users")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    moderator.groups.add(group)
    assert requires_two_factor(moderator)
    assert not requires_two_factor(UserFactory())


def test_staff_without_two_factor_is_sent_to_set_it_up_at_login(client):
    staff = UserFactory(email="editor@example.org", is_staff=True, two_factor=False)
    response = _login(client, staff.email)
    assert response.status_code == 302
    assert response["Location"] == SETUP_URL
    _confirm_password(client)
    assert client.get(SETUP_URL).status_code == 200  # the QR code and secret are shown


def test_admin_refuses_staff_until_two_factor_is_set_up(client):
    staff = UserFactory(email="editor@example.org", is_staff=True, two_factor=False)
    client.force_login(staff)
    for url in ("/admin/", "/admin/pages/", "/admin/users/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == SETUP_URL


def test_activating_an_authenticator_app_opens_the_admin(client):
    staff = UserFactory(
        email="admin@example.org", is_staff=True, is_superuser=True, two_factor=False
    )
    _login(client, staff.email)
    _confirm_password(client)
    page = client.get(SETUP_URL)
    secret = page.context["form"].secret
    response = client.post(SETUP_URL, {"code": current_code(secret)})
    assert response.status_code == 302
    assert not needs_two_factor_setup(staff)
    assert Authenticator.objects.filter(user=staff, type="recovery_codes").exists()
    assert client.get("/admin/").status_code == 200


def test_staff_with_two_factor_must_give_a_code_after_the_password(client):
    staff = UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)
    response = _login(client, staff.email)
    assert response["Location"].startswith("/en/accounts/2fa/authenticate/")
    assert "_auth_user_id" not in client.session
    response = client.post("/en/accounts/2fa/authenticate/", {"code": "000000"})
    assert "_auth_user_id" not in client.session
    response = client.post(
        "/en/accounts/2fa/authenticate/", {"code": current_code(staff.totp_secret)}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_replaces_a_lost_authenticator(client):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    staff = UserFactory(email="editor@example.org", is_staff=True)
    code = RecoveryCodes.activate(staff).get_unused_codes()[0]
    _login(client, staff.email)
    client.post("/en/accounts/2fa/authenticate/", {"code": code})
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_members_log_in_without_two_factor(client):
    member = UserFactory(email="member@example.org")
    response = _login(client, member.email, next_url="/en/")
    assert response["Location"] == "/en/"
    assert client.session["_auth_user_id"] == str(member.pk)
