"""The long main menu in groups: by keyboard, on a phone, in Arabic (cms.navigation)."""

import pytest
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from cms import factories as f
from events.listing.factories import EventIndexPageFactory
from tests.e2e.test_accessibility import axe_violations, describe
from tests.e2e.test_overflow import OVERFLOW

pytestmark = pytest.mark.django_db(transaction=True)


def build_site():
    home = f.make_site()
    for title, slug in [("About", "about"), ("Partners", "partners"), ("Contact", "contact")]:
        f.ContentPageFactory(parent=home, title=title, slug=slug, show_in_menus=True)
    f.PilotActionIndexPageFactory(
        parent=home, title="Pilot actions", slug="pilot-actions", show_in_menus=True
    )
    f.PublicationIndexPageFactory(
        parent=home, title="Publications", slug="publications", show_in_menus=True
    )
    f.NewsIndexPageFactory(parent=home, title="News", slug="news", show_in_menus=True)
    EventIndexPageFactory(parent=home, title="Events", slug="events", show_in_menus=True)
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ar"))


def is_focused(locator):
    return locator.evaluate("element => element === document.activeElement")


def test_keyboard_opens_a_menu_group_reaches_its_links_and_escape_closes_it(page, live_server):
    build_site()
    page.goto(f"{live_server.url}/en/")
    menu = page.get_by_role("navigation", name="Main")
    resources = menu.locator("details", has=page.locator("summary", has_text="Resources"))
    summary = resources.locator("summary")
    assert not resources.evaluate("d => d.open")
    assert not menu.get_by_role("link", name="News").is_visible()

    for _ in range(30):
        page.keyboard.press("Tab")
        if is_focused(summary):
            break
    assert is_focused(summary), "Tab never reached the Resources group"
    page.keyboard.press("Enter")
    assert resources.evaluate("d => d.open")
    page.keyboard.press("Tab")
    assert is_focused(menu.get_by_role("link", name="Publications"))
    page.keyboard.press("Tab")
    assert is_focused(menu.get_by_role("link", name="News"))

    page.keyboard.press("Escape")
    assert not resources.evaluate("d => d.open")
    assert is_focused(summary), "Escape must hand focus back to the group's button"


def test_opening_one_group_closes_the_other_and_a_click_elsewhere_closes_both(page, live_server):
    build_site()
    page.goto(f"{live_server.url}/en/")
    menu = page.get_by_role("navigation", name="Main")
    project = menu.locator("details", has=page.locator("summary", has_text="Project"))
    resources = menu.locator("details", has=page.locator("summary", has_text="Resources"))
    project.locator("summary").click()
    assert project.evaluate("d => d.open")
    resources.locator("summary").click()
    assert resources.evaluate("d => d.open") and not project.evaluate("d => d.open")
    page.locator("main h1").first.click()
    assert not resources.evaluate("d => d.open")


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_open_menu_group_fits_a_phone_and_passes_axe(open_page, live_server, language, width):
    build_site()
    page = open_page(viewport={"width": width, "height": 800})
    page.goto(f"{live_server.url}/{language}/")
    menu = page.locator("nav.primary-nav--grouped")  # named "Main" in the page's language
    menu.locator("summary").first.click()
    panel = menu.locator("details[open] .primary-nav__panel")
    links = panel.get_by_role("link")
    assert links.count() == 4  # About, Partners, Contact, Pilot actions
    for index in range(links.count()):
        box = links.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, box
    measured = page.evaluate(OVERFLOW)
    assert measured["scroll"] <= measured["client"], measured
    violations = axe_violations(page)
    assert not violations, describe(violations)
