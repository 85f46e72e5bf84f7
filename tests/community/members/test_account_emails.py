"""Account emails: nothing a member wrote goes to an unverified address, and every link and
name in them comes from the configured site, not from the request's Host header."""

import re

import pytest
from django.core import mail
from django.utils import translation

from community.members.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-Long-and-unusual-passphrase-42"
PHISHING = "Your parcel is held: pay the fee at http://parcel-fees.example"


def _signup(client, **extra):
    return client.post(
        "/en/accounts/signup/",
        {
            "email": "stranger@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "display_name": PHISHING,
            "preferred_language": "en",
        },
        **extra,
    )


def test_signup_display_name_is_not_in_the_confirmation_email(client):
    _signup(client)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["stranger@example.org"]
    assert "parcel" not in message.body and "parcel" not in message.subject
    assert "/accounts/confirm-email/" in message.body


def test_added_address_confirmation_does_not_carry_the_members_name(client):
    member = UserFactory(email="member@example.org", display_name=PHISHING)
    client.force_login(member)
    client.post("/en/accounts/email/", {"action_add": "", "email": "someone@example.org"})
    sent = [m for m in mail.outbox if m.to == ["someone@example.org"]]
    assert len(sent) == 1
    assert "parcel" not in sent[0].body


@pytest.fixture
def poisoned(settings):
    settings.ALLOWED_HOSTS = ["*"]  # what development settings used to allow
    settings.WAGTAILADMIN_BASE_URL = "https://osc.example.org"
    return {"HTTP_HOST": "attacker.example"}


def test_password_reset_link_uses_the_configured_base_url_not_the_host_header(client, poisoned):
    UserFactory(email="member@example.org")
    client.post("/en/accounts/password/reset/", {"email": "member@example.org"}, **poisoned)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "attacker" not in message.body and "attacker" not in message.subject
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+", message.body).group(0)
    assert link.startswith("https://osc.example.org/en/accounts/password/reset/key/")


def test_confirmation_link_and_site_name_use_the_configured_base_url(client, poisoned):
    _signup(client, **poisoned)
    message = mail.outbox[0]
    assert "attacker" not in message.body and "attacker" not in message.subject
    assert "https://osc.example.org/en/accounts/confirm-email/" in message.body
    assert message.subject.startswith("[OpenSocialCluster] ")


def test_unknown_address_reset_email_links_to_the_configured_site(client, poisoned):
    client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"}, **poisoned)
    assert len(mail.outbox) == 1
    assert "attacker" not in mail.outbox[0].body
    assert "https://osc.example.org/en/accounts/signup/" in mail.outbox[0].body


def test_account_emails_greet_with_the_site_name_and_the_configured_host(client, poisoned):
    _signup(client, **poisoned)
    body = mail.outbox[0].body
    assert body.startswith("Hello from OpenSocialCluster!")
    assert "an account on osc.example.org." in body
    assert "Thank you for using OpenSocialCluster!\nosc.example.org" in body


def test_https_links_in_account_emails_also_point_at_the_configured_site(client, poisoned):
    """A request over HTTPS makes allauth build https:// links on the request's host."""
    client.post(
        "/en/accounts/password/reset/", {"email": "nobody@example.org"}, secure=True, **poisoned
    )
    body = mail.outbox[0].body
    assert "attacker" not in body
    assert "https://osc.example.org/en/accounts/signup/" in body


def test_account_emails_go_out_in_the_members_language_not_the_pages(client):
    UserFactory(email="membro@example.org", preferred_language="it")
    client.post("/en/accounts/password/reset/", {"email": "membro@example.org"})
    with translation.override("it"):
        italian = translation.gettext("Password Reset Email")
    assert italian != "Password Reset Email"
    assert mail.outbox[0].subject == f"[OpenSocialCluster] {italian}"
