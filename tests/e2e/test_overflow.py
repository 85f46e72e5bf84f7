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
