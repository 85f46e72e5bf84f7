"""Languages in a real browser: the home page in four languages (screenshots kept in
tests/e2e/artifacts/), Arabic really mirrored, the switcher keeps the page and the choice, and a
first visit follows the browser's language."""

import re
import struct
from pathlib import Path

import pytest
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from cms.factories import (
    ContentPageFactory,
    CountryFactory,
    PilotActionIndexPageFactory,
    PilotActionPageFactory,
    make_site,
)
from tests.e2e.waiting import wait_until

# Transactional: the live server thread must see the data the test makes.
pytestmark = pytest.mark.django_db(transaction=True)

ARTIFACTS = Path(__file__).parent / "artifacts"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
VIEWPORT_WIDTH = 1280

HOME_TRANSLATIONS = {
    "it": ("Pagina iniziale", "Innovazione sociale in tutto il Mediterraneo"),
    "el": ("Αρχική σελίδα", "Κοινωνική καινοτομία σε όλη τη Μεσόγειο"),
    "ar": ("الصفحة الرئيسية", "الابتكار الاجتماعي في منطقة البحر الأبيض المتوسط"),
}


def translate(page, code, **fields):
    """A published copy of `page` in language `code` with the given fields."""
    copy = page.copy_for_translation(Locale.objects.get(language_code=code))
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


@pytest.fixture
def site_in_languages():
    """An English home with two pilot actions and an About page; the home translated into
    Italian, Greek and Arabic, About into Italian only; every other page of every language tree
    is a wagtail-localize alias of the English one (as the app's synchronised locales make it)."""
    home = make_site()
    index = PilotActionIndexPageFactory(parent=home, show_in_menus=True)
    PilotActionPageFactory(
        parent=index,
        title="Pilot action in Istria",
        region="Istria",
        country=CountryFactory(name="Croatia", code="HR"),
        latitude="44.866600",
        longitude="13.849600",
    )
    PilotActionPageFactory(
        parent=index,
        title="Pilot action in Aragon",
        region="Aragon",
        country=CountryFactory(name="Spain", code="ES"),
        latitude="41.648800",
        longitude="-0.889100",
    )
    about = ContentPageFactory(parent=home, title="About", slug="about", show_in_menus=True)
    for code, (title, heading) in HOME_TRANSLATIONS.items():
        translate(home, code, title=title, hero_heading=heading)
    translate(about, "it", title="Chi siamo")
    english = Locale.objects.get(language_code="en")
    for locale in Locale.objects.exclude(pk=english.pk):
        synchronize_tree(english, locale)
    return home


def open_home(page, live_server, code):
    page.goto(f"{live_server.url}/{code}/")
    # The map draws its markers from the GeoJSON route: wait so the screenshot shows them.
    wait_until(page, "document.querySelectorAll('[data-map] .leaflet-marker-icon').length === 2")


def box(locator):
    bounds = locator.bounding_box()
    assert bounds is not None, f"{locator} is not rendered"
    return bounds


def right(bounds):
    return bounds["x"] + bounds["width"]


@pytest.mark.parametrize("code", ["en", "it", "el", "ar"])
def test_home_page_screenshot_in_each_language_with_lang_and_direction(
    page, live_server, site_in_languages, code
):
    open_home(page, live_server, code)

    html = page.locator("html")
    assert html.get_attribute("lang") == code
    assert html.get_attribute("dir") == ("rtl" if code == "ar" else "ltr")
    expected = HOME_TRANSLATIONS.get(code, (None, site_in_languages.hero_heading))[1]
    assert page.get_by_role("heading", level=1).inner_text() == expected
    # Nothing pushes the page sideways (a classic right-to-left bug).
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORT_WIDTH

    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"home-{code}.png"
    path.unlink(missing_ok=True)
    page.screenshot(path=str(path), full_page=True)
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    assert len(data) > 10_000
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk comes first
    assert width == VIEWPORT_WIDTH
    assert height >= 900


def test_arabic_home_page_mirrors_the_english_layout(page, live_server, site_in_languages):
    layout = {}
    for code in ("en", "ar"):
        open_home(page, live_server, code)
        items = page.locator(".primary-nav__list > li")
        assert items.count() == 2
        heading = page.get_by_role("heading", level=1)
        main = page.locator("main")
        page.locator(".language-switcher summary").click()
        menu = page.locator(".language-switcher ul")
        menu.wait_for()
        layout[code] = {
            "brand": box(page.locator(".site-brand")),
            "brand_mark": box(page.locator(".site-brand__mark")),
            "brand_name": box(page.locator(".site-brand__name")),
            "tools": box(page.locator(".site-tools")),
            "nav_first": box(items.nth(0)),
            "nav_second": box(items.nth(1)),
            "nav_first_href": items.nth(0).locator("a").get_attribute("href"),
            "heading": box(heading),
            # Where the heading's text itself starts and ends, not just its block.
            "heading_text": heading.evaluate(
                """element => {
                    const range = document.createRange();
                    range.selectNodeContents(element);
                    const rect = range.getBoundingClientRect();
                    return {x: rect.left, width: rect.width};
                }"""
            ),
            "summary": box(page.locator(".language-switcher summary")),
            "menu": box(menu),
            "direction": main.evaluate("element => getComputedStyle(element).direction"),
            "text_align": main.evaluate("element => getComputedStyle(element).textAlign"),
            "heading_direction": heading.evaluate("element => getComputedStyle(element).direction"),
        }
    en, ar = layout["en"], layout["ar"]

    # The brand sits at the left in English, at the right in Arabic, its mark before its name.
    assert en["brand"]["x"] < 200
    assert right(ar["brand"]) > VIEWPORT_WIDTH - 200
    assert ar["brand"]["x"] > VIEWPORT_WIDTH / 2
    assert en["brand_mark"]["x"] < en["brand_name"]["x"]
    assert ar["brand_mark"]["x"] > ar["brand_name"]["x"]
    # The tools (search, languages, account) are on the other side of the header.
    assert en["tools"]["x"] > right(en["brand"])
    assert right(ar["tools"]) < ar["brand"]["x"]

    # The primary navigation starts at the left in English and at the right in Arabic.
    assert en["nav_first_href"] == "/en/pilot-actions/"
    assert ar["nav_first_href"] == "/ar/pilot-actions/"
    assert en["nav_first"]["x"] < 200
    assert en["nav_first"]["x"] < en["nav_second"]["x"]
    assert right(ar["nav_first"]) > VIEWPORT_WIDTH - 200
    assert ar["nav_first"]["x"] > right(ar["nav_second"]) - 1

    # The hero heading and its text hug the start edge: left in English, right in Arabic.
    assert en["heading"]["x"] < 200
    assert right(ar["heading"]) > VIEWPORT_WIDTH - 200
    assert en["heading_text"]["x"] == pytest.approx(en["heading"]["x"], abs=2)
    assert ar["heading_text"]["x"] + ar["heading_text"]["width"] == pytest.approx(
        right(ar["heading"]), abs=2
    )
    # Same container both ways: the Arabic edges mirror the English ones.
    assert VIEWPORT_WIDTH - right(ar["brand"]) == pytest.approx(en["brand"]["x"], abs=2)
    assert VIEWPORT_WIDTH - right(ar["nav_first"]) == pytest.approx(en["nav_first"]["x"], abs=2)

    # The language menu opens towards the page, inside the viewport, either way.
    assert right(en["menu"]) == pytest.approx(right(en["summary"]), abs=2)
    assert ar["menu"]["x"] == pytest.approx(ar["summary"]["x"], abs=2)
    for code in ("en", "ar"):
        assert layout[code]["menu"]["x"] >= 0
        assert right(layout[code]["menu"]) <= VIEWPORT_WIDTH

    assert (en["direction"], ar["direction"]) == ("ltr", "rtl")
    assert ar["heading_direction"] == "rtl"
    # `start` resolves to the right in a right-to-left block.
    assert ar["text_align"] in {"start", "right"}


def test_arabic_listing_mirrors_its_filters_cards_and_map_controls(
    page, live_server, site_in_languages
):
    layout = {}
    for code in ("en", "ar"):
        page.goto(f"{live_server.url}/{code}/pilot-actions/")
        wait_until(
            page, "document.querySelectorAll('[data-map] .leaflet-marker-icon').length === 2"
        )
        fields = page.locator(".filters__fields .field")
        cards = page.locator(".card-grid > li")
        map_box = box(page.locator("[data-map]"))
        layout[code] = {
            "map": map_box,
            "zoom": box(page.locator(".leaflet-control-zoom")),
            "attribution": box(page.locator(".leaflet-control-attribution")),
            "first_field": box(fields.nth(0)),
            "second_field": box(fields.nth(1)),
            "first_label": box(fields.nth(0).locator("label")),
            "first_card": box(cards.nth(0)),
            "second_card": box(cards.nth(1)),
            "form_direction": page.locator("form.filters").evaluate(
                "element => getComputedStyle(element).direction"
            ),
        }
    en, ar = layout["en"], layout["ar"]

    # The filter form reads from the right: its first field is the rightmost, labels hug it.
    assert en["first_field"]["x"] < en["second_field"]["x"]
    assert ar["first_field"]["x"] > ar["second_field"]["x"]
    assert right(ar["first_label"]) == pytest.approx(right(ar["first_field"]), abs=2)
    assert (en["form_direction"], ar["form_direction"]) == ("ltr", "rtl")
    # So does the list of cards.
    assert en["first_card"]["x"] < en["second_card"]["x"]
    assert ar["first_card"]["x"] > ar["second_card"]["x"]
    # The map's zoom control moves to the top right and the attribution to the bottom left.
    assert en["zoom"]["x"] - en["map"]["x"] < 60
    assert right(ar["map"]) - right(ar["zoom"]) < 60
    assert right(en["map"]) - right(en["attribution"]) < 10
    assert ar["attribution"]["x"] - ar["map"]["x"] < 10


def test_switcher_goes_to_the_same_page_in_the_chosen_language_and_the_choice_sticks(
    page, live_server, site_in_languages
):
    page.goto(f"{live_server.url}/en/about/")
    assert page.get_by_role("heading", level=1).inner_text() == "About"
    switcher = page.get_by_role("navigation", name="Languages")
    switcher.locator("summary").click()
    switcher.get_by_role("link", name=re.compile(r"^Italiano")).click()

    page.wait_for_url(f"{live_server.url}/it/about/")
    assert page.locator("html").get_attribute("lang") == "it"
    assert page.get_by_role("heading", level=1).inner_text() == "Chi siamo"
    assert page.get_by_role("note").count() == 0  # really translated: no notice
    assert "django_language=it" in page.evaluate("document.cookie")

    # An unprefixed visit goes to the chosen language, not the browser's (English) one.
    page.goto(f"{live_server.url}/")
    assert page.url == f"{live_server.url}/it/"
    assert page.locator("html").get_attribute("lang") == "it"

    # About is not translated into Greek: the switcher says so and still keeps the page.
    page.goto(f"{live_server.url}/it/about/")
    with translation.override("it"):
        switcher = page.get_by_role("navigation", name=translation.gettext("Languages"))
    switcher.locator("summary").click()
    greek = switcher.get_by_role("link", name=re.compile(r"^Ελληνικά"))
    assert greek.get_attribute("class") == "is-unavailable"
    greek.click()

    page.wait_for_url(f"{live_server.url}/el/about/")
    assert page.locator("html").get_attribute("lang") == "el"
    assert page.get_by_role("heading", level=1).inner_text() == "About"
    notice = page.get_by_role("note")
    assert notice.count() == 1
    with translation.override("el"):
        english_in_greek = str(translation.get_language_info("en")["name_translated"])
    assert english_in_greek != "English"
    # Inside the sentence, as a Greek writer puts it: "στα αγγλικά".
    assert english_in_greek.lower() in notice.inner_text()
    # The untranslated content keeps its own language inside the Greek page.
    assert page.locator(".page-content").get_attribute("lang") == "en"
    back = notice.get_by_role("link", name="English")
    assert back.get_attribute("hreflang") == "en"
    assert "django_language=el" in page.evaluate("document.cookie")

    back.click()
    page.wait_for_url(f"{live_server.url}/en/about/")
    assert page.get_by_role("note").count() == 0


@pytest.mark.parametrize(("browser_locale", "code"), [("el-GR", "el"), ("ar-EG", "ar")])
def test_first_visit_follows_the_browsers_accept_language(
    open_page, live_server, site_in_languages, browser_locale, code
):
    page = open_page(locale=browser_locale)
    with page.expect_request(f"{live_server.url}/") as first:
        page.goto(f"{live_server.url}/")
    assert first.value.headers["accept-language"].startswith(browser_locale)
    assert page.url == f"{live_server.url}/{code}/"
    assert page.locator("html").get_attribute("lang") == code
    assert page.get_by_role("heading", level=1).inner_text() == HOME_TRANSLATIONS[code][1]
