"""Account pages: member-written text is escaped and isolated; the two-factor pages are ours."""

import re

import pytest
from django import forms
from django.core import mail
from django.template.loader import render_to_string

from community.members.adapters import user_display
from community.members.factories import UserFactory

pytestmark = pytest.mark.django_db

RLO = "\u202e"
PASSWORD = "a-Long-and-unusual-passphrase-42"


def test_field_help_text_is_escaped_in_account_forms():
    class Form(forms.Form):
        name = forms.CharField(help_text='<img src=x onerror="alert(1)">')

    html = render_to_string("allauth/elements/_bound_field.html", {"field": Form()["name"]})
    assert "<img" not in html
    assert "&lt;img src=x" in html


def test_password_rules_still_render_as_a_list_on_the_signup_page(client):
    html = client.get("/en/accounts/signup/").content.decode()
    assert re.search(r'class="field__help"[^>]*><ul><li>', html)


def test_the_members_name_in_the_header_is_isolated(client):
    client.force_login(UserFactory(display_name=f"{RLO}evil"))
    html = client.get("/en/accounts/email/").content.decode()
    assert f"Account (<bdi>{RLO}evil</bdi>)" in html


def test_allauth_shows_the_members_name_bidi_isolated():
    user = UserFactory.build(display_name=f"{RLO}Ana")
    assert user_display(user) == f"\u2068{RLO}Ana\u2069"


def test_email_confirmation_page_does_not_show_the_account_creators_name(client):
    client.post(
        "/en/accounts/signup/",
        {
            "email": "stranger@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "display_name": "Call +1 555 0100 to claim your prize",
            "preferred_language": "en",
        },
    )
    key = re.search(r"/accounts/confirm-email/([^/\s]+)/", mail.outbox[0].body).group(1)
    client.logout()
    html = client.get(f"/en/accounts/confirm-email/{key}/").content.decode()
    assert "prize" not in html
    assert "stranger@example.org" in html


def test_two_factor_page_is_in_the_account_navigation(client):
    client.force_login(UserFactory())
    html = client.get("/en/accounts/2fa/").content.decode()
    nav = re.search(r'<nav class="account-nav".*?</nav>', html, re.S).group(0)
    assert 'href="/en/accounts/2fa/" aria-current="page"' in nav
    assert 'class="account-panel"' in html
