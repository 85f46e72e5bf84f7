"""The map page in a real browser: switch a layer off, filter by CPV code, and reach the same
results in the list under the map by keyboard alone."""

import re

import pytest

from cms.factories import CountryFactory, PilotActionIndexPageFactory, PilotActionPageFactory
from cms.opendata.factories import MapPageFactory, PremisesFactory, SocialEconomyEntityFactory
from events.listing.factories import EventIndexPageFactory
from events.pages.factories import MeetingPageFactory
from tests.e2e.waiting import wait_until

# Transactional: the live server thread must see the data the test makes.
pytestmark = pytest.mark.django_db(transaction=True)

ENTITIES_COUNT = "document.querySelector('[data-map-layers]').dataset.layerEntitiesCount"
EVENTS_COUNT = "document.querySelector('[data-map-layers]').dataset.layerEventsCount"


@pytest.fixture
def map_page(home):
    spain = CountryFactory(name="Spain", code="ES")
    pilots = PilotActionIndexPageFactory(parent=home)
    PilotActionPageFactory(
        parent=pilots,
        title="Reserved contracts in Aragon",
        region="Aragon",
        country=spain,
        latitude="41.650000",
        longitude="-0.880000",
    )
    for n in range(12):
        # Close together in Zaragoza: the map clusters them.
        SocialEconomyEntityFactory(
            name=f"Limpiezas {n:02d}",
            region="Aragon",
            latitude=f"{41.64 + n * 0.001:.6f}",
            longitude=f"{-0.89 + n * 0.001:.6f}",
            website=f"https://cleaning-{n}.example.org/",
            cpv_codes=["90910000"],
            sectors=["social-services"],
        )
    for n in range(3):
        SocialEconomyEntityFactory(
            name=f"Cocina {n}",
            region="Aragon",
            website=f"https://cocina-{n}.example.org/",
            cpv_codes=["55520000"],
            sectors=["agrifood"],
        )
    for n in range(3):
        PremisesFactory(name=f"Maribor room {n}")
    # An upcoming event with a place: the events app's layer (events:upcoming_geojson).
    MeetingPageFactory(
        parent=EventIndexPageFactory(parent=home),
        title="Reserved contracts workshop",
        latitude="41.656000",
        longitude="-0.877000",
    )
    return MapPageFactory(parent=home)


def list_items(page, layer):
    return page.locator(f'[data-layer-list="{layer}"] .map-list__items > li')


def test_switch_a_layer_filter_and_reach_the_same_results_in_the_list_by_keyboard(
    page, live_server, map_page
):
    page.goto(live_server.url + map_page.url)
    wait_until(page, "document.querySelector('[data-map-ready]') !== null")
    wait_until(page, f"{ENTITIES_COUNT} === '15'")
    # Fifteen suppliers close together are drawn as clusters, not fifteen markers.
    assert page.locator("[data-map-layers] .marker-cluster").count() >= 1
    assert list_items(page, "premises").count() == 3
    # The upcoming-events layer is drawn from the events app's GeoJSON, and switches off too.
    wait_until(page, f"{EVENTS_COUNT} === '1'")
    events = page.get_by_role("checkbox", name="Upcoming events")
    assert events.is_checked()
    events.focus()
    page.keyboard.press("Space")
    assert page.locator('[data-layer-list="events"]').is_hidden()
    assert "layer=events" not in page.url

    # Switch the premises layer off from the keyboard: gone from the map and the list at once.
    premises = page.get_by_role("checkbox", name="Premises for social innovators")
    premises.focus()
    page.keyboard.press("Space")
    assert not premises.is_checked()
    assert page.locator('[data-layer-list="premises"]').is_hidden()

    # Filter by CPV code prefix, submitting with Enter.
    page.get_by_label("CPV code starts with").fill("9091")
    page.get_by_label("CPV code starts with").press("Enter")
    page.wait_for_url(re.compile(r"cpv=9091"))
    wait_until(page, "document.querySelector('[data-map-ready]') !== null")
    wait_until(page, f"{ENTITIES_COUNT} === '12'")
    # The layer stays off after the filter; the list shows what the map shows.
    assert not page.get_by_role("checkbox", name="Premises for social innovators").is_checked()
    assert page.locator('[data-layer-list="premises"]').is_hidden()
    assert list_items(page, "entities").count() == 12
    assert "Cocina" not in page.locator(".map-list").inner_text()

    # Keyboard only: the skip link leads past the map to the list and its first result.
    skip = page.get_by_role("link", name="Skip the map to the list of results")
    skip.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "map-list-heading"
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "document.activeElement.closest('[data-layer-list]')?.dataset.layerList || ''"
    )
    assert focused in ("pilot-actions", "entities")
    for _n in range(3):
        if page.evaluate("document.activeElement.textContent").startswith("Limpiezas"):
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").startswith("Limpiezas 00")
    assert all("127.0.0.1" not in url for url in page.blocked_requests)
