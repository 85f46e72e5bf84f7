"""Accounts: sign-up with mandatory email verification, email login, password management."""

import re
from html import unescape

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import translation

from community.members.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-Long-and-unusual-passphrase-42"


def _signup(client, **overrides):
    data = {
        "email": "new.member@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "display_name": "New Member",
        "preferred_language": "it",
        **overrides,
    }
    return client.post("/en/accounts/signup/", data)


def test_user_model_logs_in_by_email_and_has_no_username():
    user = get_user_model().objects.create_user("Someone@Example.ORG", "pw")
    assert user.email == "someone@example.org"
    assert get_user_model().USERNAME_FIELD == "email"
    assert not hasattr(user, "username") or user.username is None


def test_display_name_falls_back_to_full_name_then_email_local_part():
    user = get_user_model()(email="ana.kovac@example.org")
    assert user.get_display_name() == "ana.kovac"
    user.first_name, user.last_name = "Ana", "Kovač"
    assert user.get_display_name() == "Ana Kovač"
    user.display_name = "Ana K."
    assert str(user) == "Ana K."


def test_signup_sends_verification_email_in_preferred_language_and_blocks_login_until_verified(
    client,
):
    response = _signup(client)
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]
    user = get_user_model().objects.get(email="new.member@example.org")
    assert user.display_name == "New Member"
    assert user.preferred_language == "it"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.member@example.org"]

    client.logout()
    response = client.post(
        "/en/accounts/login/", {"login": "new.member@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]
    assert "_auth_user_id" not in client.session


def test_following_the_verification_link_verifies_the_address_and_logs_in(client):
    _signup(client, preferred_language="en")
    key = re.search(r"/accounts/confirm-email/([^/\s]+)/", mail.outbox[0].body).group(1)
    confirm_url = f"/en/accounts/confirm-email/{key}/"
    assert client.get(confirm_url).status_code == 200  # a GET never confirms (link scanners)
    response = client.post(confirm_url)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="new.member@example.org").verified
    assert client.session["_auth_user_id"]


def test_signup_with_bad_input_shows_errors_beside_fields_and_keeps_what_was_typed(client):
    response = _signup(
        client, email="not-an-email", password2="something-else", display_name="Keep Me"
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "email" in form.errors
    assert "password2" in form.errors
    html = response.content.decode()
    assert 'value="Keep Me"' in html
    assert 'value="not-an-email"' in html
    assert not get_user_model().objects.exists()


def test_signup_with_a_taken_email_creates_nobody_and_does_not_reveal_the_account(client):
    UserFactory(email="taken@example.org")
    response = _signup(client, email="taken@example.org")
    # Same answer as a fresh sign-up (allauth prevents account enumeration) ...
    assert response.status_code == 302
    assert get_user_model().objects.filter(email="taken@example.org").count() == 1
    # ... and the owner of the address is told someone tried.
    assert mail.outbox[-1].to == ["taken@example.org"]


def test_verified_member_logs_in_with_email_and_logs_out_with_post(client):
    UserFactory(email="member@example.org", password="resilient-demo")
    response = client.post(
        "/en/accounts/login/", {"login": "member@example.org", "password": "resilient-demo"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"]
    client.post("/en/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_wrong_password_is_refused_with_a_message(client):
    UserFactory(email="member@example.org", password="resilient-demo")
    response = client.post(
        "/en/accounts/login/", {"login": "member@example.org", "password": "wrong"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session


def test_password_reset_emails_a_link_that_sets_a_new_password(client):
    UserFactory(email="member@example.org", password="resilient-demo")
    response = client.post("/en/accounts/password/reset/", {"email": "member@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/\S+/password/reset/key/\S+/)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    response = client.post(form_url, {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    assert get_user_model().objects.get(email="member@example.org").check_password(PASSWORD)


def test_member_changes_password_after_giving_the_current_one(client):
    user = UserFactory(email="member@example.org", password="resilient-demo")
    client.force_login(user)
    response = client.post(
        "/en/accounts/password/change/",
        {"oldpassword": "wrong", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 200
    assert "oldpassword" in response.context["form"].errors
    response = client.post(
        "/en/accounts/password/change/",
        {"oldpassword": "resilient-demo", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def _element(html, pattern):
    found = re.search(pattern, html, re.S)
    assert found, pattern
    return " ".join(unescape(re.sub(r"<[^>]+>", "", found.group(0))).split())


@pytest.mark.parametrize(("code", "direction"), [("it", "ltr"), ("ar", "rtl"), ("en", "ltr")])
def test_account_pages_are_served_in_the_language_of_the_url_prefix(client, code, direction):
    response = client.get(f"/{code}/accounts/login/")
    assert response.status_code == 200
    html = response.content.decode()
    # The document's own language, not a lang="" the language switcher prints on every page.
    assert re.search(r"<html[^>]*>", html).group(0) == f'<html lang="{code}" dir="{direction}">'
    with translation.override(code):
        sign_in = translation.gettext("Log in")
        remember = translation.gettext("Keep me logged in")
    assert (sign_in != "Log in") == (code != "en")
    assert _element(html, r"<h1[^>]*>.*?</h1>") == sign_in
    assert _element(html, r'<label for="id_remember">.*?</label>') == remember
