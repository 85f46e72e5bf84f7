"""The language switcher: a GET only navigates; saving a member's language needs a POST."""

import re

import pytest
from django.conf import settings
from django.test import Client

from community.members.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    return UserFactory(email="member@example.org", preferred_language="en")


def test_a_get_from_another_site_does_not_change_a_members_saved_language(client, member):
    client.force_login(member)
    response = client.get("/language/el/", {"next": "/el/"}, HTTP_REFERER="https://other.example/")
    assert response.status_code == 302
    assert response["Location"] == "/el/"
    member.refresh_from_db()
    assert member.preferred_language == "en"


def test_a_post_without_the_csrf_token_is_refused(home, member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post("/language/el/", {"next": "/el/"})
    assert response.status_code == 403
    member.refresh_from_db()
    assert member.preferred_language == "en"


def test_a_post_from_the_switcher_saves_the_members_language_and_sets_the_cookie(home, member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    page = client.get("/en/").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', page, re.S).group(0)
    form = re.search(r'<form method="post" action="/language/el/".*?</form>', switcher, re.S)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.group(0)).group(1)
    response = client.post("/language/el/", {"next": "/el/", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert response["Location"] == "/el/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "el"
    member.refresh_from_db()
    assert member.preferred_language == "el"


def test_visitors_get_plain_links_without_a_csrf_token(client, home):
    page = client.get("/en/").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', page, re.S).group(0)
    assert "<form" not in switcher and "csrfmiddlewaretoken" not in switcher
    assert 'href="/language/it/?next=' in switcher
