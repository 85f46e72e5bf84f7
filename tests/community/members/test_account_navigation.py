"""A member finds every personal page from their account: profile, events, ideas, data."""

import pytest
from django.urls import reverse
from django.utils import translation

from community.members.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_account_pages_link_a_members_profile_events_ideas_directory_and_data(client):
    client.force_login(UserFactory())
    html = client.get("/en/accounts/email/").content.decode()
    nav = html.split('class="account-nav"')[1].split("</nav>")[0]
    with translation.override("en"):
        for name in [
            "community:profile_edit",
            "events:mine",
            "community:my_ideas",
            "community:directory",
            "community:organisations",
            "community:privacy",
        ]:
            assert f'href="{reverse(name)}"' in nav, name
    # Every one of them opens for the member.
    for href in nav.split('href="')[1:]:
        url = href.split('"')[0]
        if "logout" not in url:
            assert client.get(url).status_code == 200, url
