"""Small screens: no page is wider than a phone, in English and in Arabic, at 320 and 390 px.

Every page type is built with the content that used to push it off the screen: an indicators
table with long labels and big numbers, long partner names, long unbroken words, many sectors.
A page overflows when the document is wider than the viewport
(`document.documentElement.scrollWidth > clientWidth`), which cuts its text on a phone.
"""

import datetime
from decimal import Decimal

import pytest
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from cms import factories as f
from cms.models import OrganisationKind, PilotStatus

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = (320, 390)
LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitänskajütenschlüssel"
OVERFLOW = """() => {
    const root = document.documentElement;
    const wide = [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
        .filter((el) => !el.closest(".leaflet-container"))
        .slice(0, 4)
        .map((el) => {
            const text = el.textContent.trim().slice(0, 40);
            return `${el.tagName.toLowerCase()}.${el.className} "${text}"`;
        });
    return {scroll: root.scrollWidth, client: root.clientWidth, wide};
}"""


def build_site():
    home = f.make_site()
    country = f.CountryFactory(name="Bosnia and Herzegovina", code="BA")
    partners = [
        f.OrganisationFactory(
            name=f"Chamber of Commerce, Industry and Crafts of the Region {n} ({LONG_WORD})",
            kind=OrganisationKind.PARTNER,
        )
        for n in range(3)
    ]
    f.ContentPageFactory(
        parent=home,
        title="About +RESILIENT",
        slug="about",
        summary=f"Mediterranean Open REsouRcEs for Social Innovation ({LONG_WORD}).",
        show_in_menus=True,
    )
    pilots = f.PilotActionIndexPageFactory(parent=home, show_in_menus=True)
    pilot = f.PilotActionPageFactory(
        parent=pilots,
        title=f"Innovations for sustainable regional development {LONG_WORD}",
        slug="istria",
        country=country,
        status=PilotStatus.COMPLETED,
        sectors=["green", "blue", "cultural-creative", "public-procurement"],
    )
    pilot.partners.set(partners)
    for n in range(4):
        pilot.indicators.create(
            label=f"Young people reached by the social-innovation laboratories {LONG_WORD} {n}",
            value=Decimal("1234567890.25"),
            unit="participants in secondary schools",
        )
    pilot.save_revision().publish()
    publications = f.PublicationIndexPageFactory(parent=home, show_in_menus=True)
    f.WhitePaperPageFactory(
        parent=publications,
        title=f"Social innovation through transitions {LONG_WORD}",
        slug="white-paper",
        publication_date=datetime.date(2021, 3, 22),
    )
    f.PolicyBriefPageFactory(
        parent=publications,
        title="Social clauses in public procurement",
        slug="policy-brief",
        publication_date=datetime.date(2021, 6, 1),
    )
    news = f.NewsIndexPageFactory(parent=home, show_in_menus=True)
    f.NewsPageFactory(parent=news, title=f"Final conference in Venice {LONG_WORD}", slug="venice")
    english = Locale.objects.get(language_code="en")
    synchronize_tree(english, Locale.objects.get(language_code="ar"))


PATHS = [
    "/",
    "/about/",
    "/pilot-actions/",
    "/pilot-actions/?status=completed",
    "/pilot-actions/istria/",
    "/publications/",
    "/publications/white-paper/",
    "/publications/policy-brief/",
    "/news/",
    "/news/venice/",
    f"/search/?q={LONG_WORD}",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/no-such-page/",
]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_no_page_is_wider_than_a_phone(open_page, live_server, language, width):
    build_site()
    page = open_page(viewport={"width": width, "height": 800})
    wider = {}
    for path in PATHS:
        page.goto(f"{live_server.url}/{language}{path}")
        measured = page.evaluate(OVERFLOW)
        if measured["scroll"] > measured["client"]:
            wider[path] = measured
    assert not wider, wider


def test_key_facts_come_before_the_article_on_a_phone(open_page, live_server):
    build_site()
    page = open_page(viewport={"width": 390, "height": 800})
    page.goto(f"{live_server.url}/en/pilot-actions/istria/")
    facts = page.locator(".facts").bounding_box()
    indicators = page.locator("#indicators-heading").bounding_box()
    assert facts["y"] < indicators["y"]
    # ...and beside it on a wide screen.
    page.set_viewport_size({"width": 1280, "height": 900})
    facts = page.locator(".facts").bounding_box()
    article = page.locator(".layout-sidebar__main").bounding_box()
    assert facts["x"] > article["x"] + article["width"] - 1


WIDE_CSV = (
    ",".join(f"column_{n}_{LONG_WORD[:12]}" for n in range(11))
    + "\n"
    + ",".join(f"Cooperativa sociale {n} di Zaragoza" for n in range(11))
    + "\n"
).encode()


@pytest.mark.parametrize("width", (390, 1280))
@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_wide_data_preview_scrolls_in_its_own_box_by_keyboard_too(
    open_page, live_server, language, width
):
    from django.core.files.base import ContentFile

    from cms.opendata import factories as od
    from cms.opendata.vocabularies import FileFormat

    home = f.make_site()
    index = od.DatasetIndexPageFactory(parent=home)
    document = od.CsvDocumentFactory(file=ContentFile(WIDE_CSV, name="wide.csv"))
    od.DatasetPageFactory(
        parent=index,
        title="Suppliers",
        slug="suppliers",
        distributions=[{"document": document, "format": FileFormat.CSV, "title": "Register"}],
    )
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ar"))
    page = open_page(viewport={"width": width, "height": 800})
    page.goto(f"{live_server.url}/{language}/open-data/suppliers/")
    measured = page.evaluate(OVERFLOW)
    assert measured["scroll"] <= measured["client"], measured
    box = page.locator(".table-wrapper")
    assert box.get_attribute("role") == "region"
    assert box.get_attribute("aria-labelledby")
    sizes = box.evaluate("el => [el.clientWidth, el.scrollWidth]")
    assert sizes[1] > sizes[0]  # the table is wider than its box: the box scrolls
    # Keyboard users reach the box with Tab and scroll it with the arrow keys.
    box.focus()
    assert page.evaluate("document.activeElement.classList.contains('table-wrapper')")
    # The table follows its content's direction (an English fallback stays left to right).
    direction = box.evaluate("el => getComputedStyle(el).direction")
    key = "ArrowLeft" if direction == "rtl" else "ArrowRight"
    for _ in range(5):
        page.keyboard.press(key)
    # Scrolling by key may be animated: wait for it rather than read it at once.
    page.wait_for_function(
        "() => Math.abs(document.querySelector('.table-wrapper').scrollLeft) > 0", timeout=3000
    )
