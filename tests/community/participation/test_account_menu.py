"""The account menu in the header: a member's own pages, reachable in one disclosure."""

import re

import pytest
from django.test import Client

from community.members.factories import UserFactory

pytestmark = pytest.mark.django_db


def menu_html(html):
    start = html.index('class="account-menu"')
    return html[start : html.index("</details>", start)]


def test_account_menu_links_resolve_for_a_member(home):
    client = Client()
    client.force_login(UserFactory())
    menu = menu_html(client.get("/en/").content.decode())
    links = re.findall(r'href="([^"]+)"', menu)
    assert len(links) == 8
    for label in (
        "My participation",
        "My events",
        "My ideas",
        "Notifications",
        "Messages",
        "Profile",
        "Privacy",
    ):
        assert label in menu
    for link in links:
        assert client.get(link).status_code == 200, link


def test_account_menu_is_a_disclosure_that_needs_no_script(home):
    client = Client()
    client.force_login(UserFactory())
    html = client.get("/en/").content.decode()
    assert re.search(r'class="account-menu"[^>]*>\s*<details>\s*<summary>', html)


def test_visitors_get_log_in_and_sign_up_instead(home):
    html = Client().get("/en/").content.decode()
    assert "account-menu" not in html
    assert "Log in" in html
