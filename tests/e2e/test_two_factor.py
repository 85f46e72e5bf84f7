"""In a browser: a staff member sets up two-factor authentication before the admin opens, and a
member changes language with the keyboard (the switcher posts a form for members)."""

import re

import pytest

from cms.factories import make_site
from community.members.factories import UserFactory
from tests.e2e.test_accessibility import axe_violations
from tests.totp import current_code

PASSWORD = "resilient-demo"


@pytest.fixture
def home(transactional_db):
    return make_site()


def _log_in(page, email):
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()


def test_staff_sets_up_an_authenticator_app_before_the_admin_opens(page, live_server, home):
    UserFactory(email="admin@example.org", is_staff=True, is_superuser=True, two_factor=False)
    page.goto(f"{live_server.url}/admin/")
    page.wait_for_url(re.compile(r"/en/accounts/login/\?next="))
    _log_in(page, "admin@example.org")

    # allauth asks for the password again before an authenticator is added.
    page.wait_for_url(re.compile(r"/en/accounts/reauthenticate/"))
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()

    page.wait_for_url(f"{live_server.url}/en/accounts/2fa/totp/activate/")
    assert page.locator("img.account-qr").count() == 1
    assert axe_violations(page) == []
    secret = page.locator("#authenticator_secret").input_value()
    code = current_code(secret)
    page.get_by_label("Authenticator code").fill(code)
    page.get_by_role("button", name="Activate").click()

    page.wait_for_url(re.compile(r"/en/accounts/2fa/recovery-codes/"))
    page.goto(f"{live_server.url}/admin/")
    assert page.url == f"{live_server.url}/admin/"  # not sent back to set-up or login


def test_member_changes_language_with_the_keyboard_and_it_is_saved(page, live_server, home):
    member = UserFactory(email="member@example.org", preferred_language="en")
    page.goto(f"{live_server.url}/en/accounts/login/")
    _log_in(page, member.email)
    page.wait_for_url(f"{live_server.url}/en/")

    switcher = page.get_by_role("navigation", name="Languages")
    switcher.locator("summary").focus()
    page.keyboard.press("Enter")
    italiano = switcher.get_by_role("button", name=re.compile(r"^Italiano"))
    italiano.focus()
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(rf"{live_server.url}/it/"))
    assert "django_language=it" in page.evaluate("document.cookie")
    member.refresh_from_db()
    assert member.preferred_language == "it"
