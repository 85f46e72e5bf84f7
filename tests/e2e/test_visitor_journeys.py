"""A visitor and a newcomer, in a real browser: browse, filter, map, download, sign up."""

import re

import pytest
from django.core import mail

from cms.factories import (
    CountryFactory,
    DocumentFactory,
    PilotActionIndexPageFactory,
    PilotActionPageFactory,
    PublicationIndexPageFactory,
    WhitePaperPageFactory,
)
from tests.e2e.waiting import wait_until

# Transactional: the live server thread must see the data the test makes.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def network(home):
    home.show_in_menus = True
    home.save()
    croatia = CountryFactory(name="Croatia", code="HR")
    spain = CountryFactory(name="Spain", code="ES")
    index = PilotActionIndexPageFactory(parent=home, show_in_menus=True)
    PilotActionPageFactory(
        parent=index,
        title="Pilot action in Istria",
        region="Istria",
        country=croatia,
        latitude="44.866600",
        longitude="13.849600",
    )
    PilotActionPageFactory(
        parent=index,
        title="Pilot action in Aragon",
        region="Aragon",
        country=spain,
        latitude="41.648800",
        longitude="-0.889100",
    )
    publications = PublicationIndexPageFactory(parent=home, show_in_menus=True)
    WhitePaperPageFactory(
        parent=publications,
        title="Socially responsive clusters",
        documents={
            "en": DocumentFactory(title="White paper (English)"),
            "it": DocumentFactory(title="White paper (Italiano)"),
        },
    )
    return index


def test_visitor_browses_pilot_actions_on_the_map_filters_them_and_opens_one(
    page, live_server, network
):
    page.goto(f"{live_server.url}/en/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Pilot actions").click()
    page.wait_for_url(re.compile(r"/en/pilot-actions/$"))

    # The map draws one marker per pilot action from the GeoJSON route (tiles stay blank here).
    markers = page.locator("[data-map] .leaflet-marker-icon")
    markers.first.wait_for()
    assert markers.count() == 2

    page.get_by_label("Country").select_option("HR")
    page.get_by_role("button", name=re.compile("Apply|Filter", re.I)).click()
    page.wait_for_url(re.compile(r"country=HR"))
    assert page.locator(".card-grid > li").count() == 1
    wait_until(page, "document.querySelectorAll('[data-map] .leaflet-marker-icon').length === 1")

    page.get_by_role("link", name="Pilot action in Istria").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Pilot action in Istria"
    assert "Istria" in page.locator("main").inner_text()
    assert all("127.0.0.1" not in url for url in page.blocked_requests)


def test_visitor_opens_the_italian_document_of_a_white_paper(page, live_server, network):
    page.goto(f"{live_server.url}/en/publications/")
    page.get_by_role("link", name="Socially responsive clusters").click()
    link = page.locator('.document-list a[hreflang="it"]')
    href = link.get_attribute("href")
    assert href.endswith(".pdf")
    with page.expect_response(re.compile(r"/documents/")) as response_info:
        link.click()
    response = response_info.value
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.finished() is None  # served to the end, without a network error
    assert page.request.get(f"{live_server.url}{href}").body().startswith(b"%PDF")


def test_newcomer_signs_up_confirms_the_email_and_is_logged_in(page, live_server, home):
    page.goto(f"{live_server.url}/en/accounts/signup/")
    page.get_by_label("Email").fill("newcomer@example.org")
    page.get_by_label("Display name").fill("Newcomer")
    page.get_by_label("Password", exact=True).fill("a-Long-and-unusual-passphrase-42")
    page.get_by_label(re.compile("Password \\(again\\)")).fill("a-Long-and-unusual-passphrase-42")
    page.get_by_role("button", name="Sign up", exact=True).click()
    page.wait_for_url(re.compile(r"confirm-email"))

    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    path = re.sub(r"^https?://[^/]+", "", link)
    page.goto(f"{live_server.url}{path}")
    page.get_by_role("button", name="Confirm").click()
    # Signed in: the header shows the account menu (which holds "Log out").
    page.locator(".account-menu summary").wait_for()
    assert "Newcomer" in page.get_by_role("navigation", name="Your account").inner_text()
