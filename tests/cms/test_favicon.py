"""Every page names its icon, and /favicon.ico, which browsers ask for anyway, answers it."""

import re

import pytest

pytestmark = pytest.mark.django_db

ICO_HEADER = b"\x00\x00\x01\x00"


def _fetch(client, url):
    response = client.get(url, follow=True)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_favicon_ico_answers_the_sites_icon(client, home):
    assert _fetch(client, "/favicon.ico").startswith(ICO_HEADER)


def test_every_page_links_its_icon_and_the_icon_is_served(client, home):
    html = client.get("/en/").content.decode()
    icons = re.findall(r'<link rel="icon" href="([^"]+)"', html)
    assert len(icons) == 2
    svg, ico = (_fetch(client, url) for url in icons)
    assert svg.startswith(b"<svg")
    assert ico.startswith(ICO_HEADER)
