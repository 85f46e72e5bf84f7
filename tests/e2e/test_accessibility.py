"""Accessibility in a real browser: axe-core checks every kind of public page against WCAG 2.1
A and AA, and a keyboard reaches the skip link and the language menu.

axe-core is vendored for the tests only (tests/e2e/vendor/axe-core/, see its README) and injected
into each page by Playwright; nothing is fetched at test time. Besides the WCAG-tagged rules, a
few of axe's "best practice" rules about landmarks, headings and ids are required too: they are
what a screen-reader user navigates by. Accordions are opened before a check, so what they hide is
checked too; the language menu is checked open on pages of its own (open, it covers the content
below it, whose colours axe then cannot measure).
"""

import datetime
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation
from wagtail.models import Locale, Site
from wagtail_localize.synctree import synchronize_tree

from cms.factories import (
    ContentPageFactory,
    CountryFactory,
    DocumentFactory,
    FooterTextFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    OrganisationFactory,
    PersonFactory,
    PilotActionIndexPageFactory,
    PilotActionPageFactory,
    PolicyBriefPageFactory,
    PublicationIndexPageFactory,
    TopicFactory,
    WhitePaperPageFactory,
    make_site,
)
from cms.models import (
    Helix,
    MacroScenario,
    PilotActionIndicator,
    PilotActionStakeholder,
    PilotStatus,
    PolicyLevel,
    SiteSettings,
)
from tests.e2e.waiting import inject_script, wait_until, wait_until_settled

# Transactional: the live server thread must see the data the test makes.
pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
STRUCTURE_RULES = [
    "duplicate-id",
    "duplicate-id-active",
    "empty-heading",
    "empty-table-header",
    "heading-order",
    "landmark-banner-is-top-level",
    "landmark-contentinfo-is-top-level",
    "landmark-main-is-top-level",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "landmark-no-duplicate-main",
    "landmark-one-main",
    "landmark-unique",
    "page-has-heading-one",
    "region",
    "skip-link",
]
# Nothing is excluded from the checks, Leaflet's controls included: where Leaflet's defaults fell
# short (attribution contrast, English control names), static/css/site.css and static/js/map.js
# fix them. Should a third-party element ever need leaving out, exclude its one precise selector
# in axe.run's context with a comment saying why.


@pytest.fixture
def site():
    """A realistic English site (hero, a content page with every kind of block, pilot actions,
    publications, news, footer partners and settings) with the home page translated into Arabic
    and Italian; the other Arabic and Italian pages are aliases of the English ones, as the app's
    synchronised locales make them."""
    home = make_site()
    home.hero_heading = "Social innovation across the Mediterranean"
    home.hero_text = "Regions, universities and cooperatives learning together."
    home.hero_image = ImageFactory(title="Harbour at dawn")
    home.body = [
        (
            "key_figures",
            {
                "heading": "The network in numbers",
                "figures": [
                    {"value": "8", "label": "partner countries"},
                    {"value": "37", "label": "social enterprises supported"},
                ],
            },
        )
    ]
    home.save_revision().publish()

    croatia = CountryFactory(name="Croatia", code="HR")
    spain = CountryFactory(name="Spain", code="ES")
    greece = CountryFactory(name="Greece", code="GR")
    topic = TopicFactory(name="Social economy", slug="social-economy")
    university = OrganisationFactory(
        name="University of Rijeka", short_name="UNIRI", country=croatia
    )
    OrganisationFactory(name="Aragon Social Lab", country=spain, website="")

    about = ContentPageFactory(
        parent=home, title="About the network", slug="about", show_in_menus=True
    )
    privacy = ContentPageFactory(parent=home, title="Privacy policy", slug="privacy")
    ContentPageFactory(
        parent=home,
        title="Our approach",
        slug="approach",
        show_in_menus=True,
        summary="How regions, universities, businesses and citizens work together.",
        body=[
            ("heading", "How we work together"),
            (
                "paragraph",
                "<p>Quadruple-helix partnerships in every region, "
                '<a href="/en/about/">as the partners describe</a>.</p>',
            ),
            (
                "image",
                {
                    "image": ImageFactory(title="Workshop"),
                    "alt_text": "Twenty people around a table covered in sticky notes",
                    "caption": "A co-design workshop in Pula",
                    "attribution": "Ana Kovač",
                },
            ),
            (
                "quote",
                {
                    "quote": "Open data made our cooperative visible to the region.",
                    "attribution": "Marta Rossi",
                    "role": "cooperative founder",
                },
            ),
            (
                "key_figures",
                {
                    "heading": "In numbers",
                    "figures": [
                        {"value": "8", "label": "partner countries"},
                        {"value": "1,200", "label": "citizens involved"},
                    ],
                },
            ),
            (
                "documents",
                {
                    "heading": "Background documents",
                    "documents": [
                        {
                            "document": DocumentFactory(title="Network charter"),
                            "title": "",
                            "description": "Signed by every partner in 2020.",
                        }
                    ],
                },
            ),
            (
                "accordion",
                {
                    "heading": "Questions",
                    "items": [
                        {
                            "question": "Who can join the network?",
                            "answer": "<p>Any organisation active in social innovation.</p>",
                        },
                        {
                            "question": "Does it cost anything?",
                            "answer": "<p>No, membership is <b>free</b>.</p>",
                        },
                    ],
                },
            ),
            (
                "call_to_action",
                {
                    "heading": "Read about the network",
                    "text": "Who we are and where we work.",
                    "page": about,
                    "button_text": "Discover the partners",
                },
            ),
        ],
    )

    pilot_actions = PilotActionIndexPageFactory(
        parent=home,
        show_in_menus=True,
        introduction="<p>Experiments across eight regions.</p>",
    )
    for title, country, status, latitude, longitude in [
        ("Youth research lab in Pula", croatia, PilotStatus.COMPLETED, "44.866600", "13.849600"),
        ("Social farming in Aragon", spain, PilotStatus.RUNNING, "41.648800", "-0.889100"),
        ("Blue economy hub in Thessaloniki", greece, PilotStatus.PLANNED, "40.640100", "22.944400"),
    ]:
        pilot = PilotActionPageFactory(
            parent=pilot_actions,
            title=title,
            slug=re.sub(r"\W+", "-", title.lower()),
            country=country,
            status=status,
            latitude=latitude,
            longitude=longitude,
            macro_scenario=MacroScenario.SOCIAL_ECONOMY,
            lead_partner=university,
            sectors=["green", "cultural-creative"],
            topics=[topic],
            outcomes="<p>Twelve young researchers published their first paper.</p>",
            body=[("paragraph", "<p>A lab where young people study their own town.</p>")],
            timeline=[
                (
                    "step",
                    {"date": datetime.date(2020, 2, 1), "title": "Kick-off", "description": ""},
                ),
                (
                    "step",
                    {
                        "date": datetime.date(2021, 11, 20),
                        "title": "Final showcase",
                        "description": "Results shown to the city council.",
                    },
                ),
            ],
        )
        pilot.partners.set([university])
        pilot.save()
        PilotActionStakeholder.objects.create(
            page=pilot, helix=Helix.CIVIL_SOCIETY, description="Youth associations"
        )
        PilotActionStakeholder.objects.create(
            page=pilot, helix=Helix.ACADEMIA, description="The university's sociology department"
        )
        PilotActionIndicator.objects.create(
            page=pilot, label="Young researchers trained", value=Decimal("42"), unit="people"
        )
        PilotActionIndicator.objects.create(
            page=pilot, label="Social return per euro", value=Decimal("3.2"), is_sroi=True
        )

    publications = PublicationIndexPageFactory(
        parent=home, show_in_menus=True, introduction="<p>White papers and policy briefs.</p>"
    )
    author = PersonFactory(name="Ana Kovač")
    WhitePaperPageFactory(
        parent=publications,
        title="Social economy in the Adriatic",
        slug="social-economy-in-the-adriatic",
        authors=[author],
        publisher=university,
        topics=[topic],
        countries=[croatia],
        documents={
            "en": DocumentFactory(title="White paper (English)"),
            "it": DocumentFactory(title="White paper (Italiano)"),
        },
    )
    PolicyBriefPageFactory(
        parent=publications,
        title="Public procurement for inclusion",
        slug="public-procurement-for-inclusion",
        policy_level=PolicyLevel.NATIONAL,
        authors=[author],
        key_recommendations=[
            (
                "recommendation",
                {
                    "title": "Reserve public contracts for inclusion enterprises",
                    "detail": "Up to 5% of regional contract value.",
                },
            ),
            ("recommendation", {"title": "Publish procurement data openly", "detail": ""}),
        ],
        documents={"en": DocumentFactory(title="Policy brief (English)")},
    )

    news = NewsIndexPageFactory(
        parent=home, show_in_menus=True, introduction="<p>What is new in the network.</p>"
    )
    NewsPageFactory(
        parent=news,
        title="Focus group met in Thessaloniki",
        slug="focus-group-met-in-thessaloniki",
        introduction="Twenty stakeholders discussed the blue economy.",
        topics=[topic],
        body=[("paragraph", "<p>The next meeting will be online.</p>")],
    )
    NewsPageFactory(parent=news, title="Newsletter number three", date=datetime.date(2022, 5, 2))

    SiteSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True),
        defaults={
            "contact_email": "hello@example.org",
            "privacy_page": privacy,
        },
    )
    FooterTextFactory(
        address="Via Roma 1\n00100 Roma",
        funding_statement="Co-financed by the European Regional Development Fund.",
    )

    for code, hero_heading in [
        ("ar", "الابتكار الاجتماعي في منطقة البحر الأبيض المتوسط"),
        ("it", "Innovazione sociale in tutto il Mediterraneo"),
    ]:
        translated = home.copy_for_translation(
            Locale.objects.get(language_code=code), copy_parents=True
        )
        translated.hero_heading = hero_heading
        translated.save_revision().publish()
        synchronize_tree(home.locale, translated.locale)
    return home


def open_accordions(page):
    page.evaluate("document.querySelectorAll('main details').forEach(d => { d.open = true; })")


def open_the_language_menu(page):
    page.locator(".language-switcher summary").click()
    page.locator(".language-switcher ul").wait_for()


def wait_for_maps(page):
    """Let Leaflet draw the maps (markers, controls) before they are checked."""
    if page.locator("[data-map]").count():
        page.locator("[data-map] .leaflet-marker-icon").first.wait_for()
        page.wait_for_load_state("networkidle")


def submit_invalid_signup(page):
    page.get_by_label("Email").fill("newcomer@example.org")
    page.get_by_label("Password", exact=True).fill("short")
    page.get_by_label(re.compile(r"Password \(again\)")).fill("different")
    page.get_by_role("button", name="Sign up", exact=True).click()
    page.locator(".field--invalid").first.wait_for()


def open_a_map_popup(page):
    page.locator("[data-map] .leaflet-marker-icon").first.click()
    page.locator(".leaflet-popup-content a").wait_for()
    # Leaflet fades popups in: check the colours once it is fully opaque.
    wait_until(page, "getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'")


# id: the behaviour checked, (path, action after loading)
PAGES = {
    "home_with_hero_map_and_latest_items": ("/en/", None),
    "home_in_arabic_right_to_left": ("/ar/", None),
    "home_in_italian": ("/it/", None),
    "home_with_the_language_menu_open": ("/en/", open_the_language_menu),
    "arabic_home_with_the_language_menu_open": ("/ar/", open_the_language_menu),
    "content_page_with_every_kind_of_block": ("/en/approach/", None),
    "pilot_action_index_with_filters_map_and_cards": ("/en/pilot-actions/", None),
    "pilot_action_index_with_a_map_popup_open": ("/en/pilot-actions/", open_a_map_popup),
    "pilot_action_index_filtered": ("/en/pilot-actions/?country=HR&status=completed", None),
    "untranslated_pilot_action_in_arabic_with_its_notice": (
        "/ar/pilot-actions/youth-research-lab-in-pula/",
        None,
    ),
    "pilot_action_with_indicators_stakeholders_and_timeline": (
        "/en/pilot-actions/youth-research-lab-in-pula/",
        None,
    ),
    "publication_index_with_filters_and_cards": ("/en/publications/", None),
    "white_paper_with_documents": ("/en/publications/social-economy-in-the-adriatic/", None),
    "policy_brief_with_recommendations": (
        "/en/publications/public-procurement-for-inclusion/",
        None,
    ),
    "news_index": ("/en/news/", None),
    "news_article": ("/en/news/focus-group-met-in-thessaloniki/", None),
    "search_results": ("/en/search/?q=social", None),
    "page_not_found": ("/en/no-such-page/", None),
    "login_form": ("/en/accounts/login/", None),
    "signup_form": ("/en/accounts/signup/", None),
    "signup_form_showing_errors": ("/en/accounts/signup/", submit_invalid_signup),
}


# Phone and desktop: the 390 px layout (stacked filters, collapsed menus, full-width cards) is a
# different page to a screen reader and to contrast checks.
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

# axe's "incomplete" results: nodes it could not decide and leaves to a person. Each kind below
# was looked at (at 1280 and 390 px, in English, Italian and Arabic) and is accepted for the
# reason given; anything else (another rule, another reason, another element) fails the test until
# someone reviews it and adds it here with its reason, or fixes the page.
# (rule id, axe's reason, targets it applies to (regex), only with the language menu open?, why)
LEAFLET_SYMBOL_BUTTONS = r"\.leaflet-(control-zoom-(in|out)|popup-close-button)"
ACCEPTED_INCOMPLETE = [
    (
        "label-content-name-mismatch",
        "label-content-name-mismatch",
        rf"{LEAFLET_SYMBOL_BUTTONS}$",
        False,
        "Leaflet's zoom and popup-close buttons show a symbol (+, −, ×), not text, and are named "
        "in words in the page's language (static/js/map.js); 2.5.3 Label in Name is about "
        "visible text labels, which a symbol is not.",
    ),
    (
        "color-contrast",
        "nonBmp",
        rf"{LEAFLET_SYMBOL_BUTTONS}( > span\[aria-hidden=\"true\"\])?$",
        False,
        "The same symbols, hidden from assistive technology: axe does not rate the contrast of "
        "symbol-only content; they are drawn in the buttons' ink (--ink on white, 16:1).",
    ),
    (
        "color-contrast",
        "bgGradient",
        r"^(#hero-heading|\.lead( > bdi)?|\.hero[^ ]*( .*)?)$",
        False,
        "The hero's background is a gradient from --sand (#f5f1e8) to --paper (#fff); its text "
        "(--ink #1a1d21; the lead in --ink-muted #4b5563, and the isolate around an editor's "
        "lead inherits it) has at least 6.8:1 against either end.",
    ),
    (
        "color-contrast",
        "elmPartiallyObscured",
        r"^tr(:nth-child\(\d+\))? > t[dh](:nth-child\(\d+\))?$",
        False,
        "At 390 px a wide table scrolls sideways inside its .table-wrapper (a labelled, focusable "
        "region); the cells past its edge are clipped, so axe cannot see their background. They "
        "share the colours of the cells it does measure.",
    ),
    (
        "color-contrast",
        "bgOverlap",
        r".*",
        True,
        "Only with the language menu open, which covers the content under it; the same page is "
        "checked with the menu closed, where nothing overlaps.",
    ),
]


def _accepted(rule, reason, target, menu_open):
    return any(
        rule == accepted_rule
        and reason == accepted_reason
        and re.search(targets, target)
        and (menu_open or not only_with_menu_open)
        for accepted_rule, accepted_reason, targets, only_with_menu_open, _why in (
            ACCEPTED_INCOMPLETE
        )
    )


def axe_results(page):
    """axe-core's WCAG 2.1 A/AA and structure results on the current page, as plain dicts:
    {"violations": [...], "incomplete": [...]}.

    Runs once the page has settled: axe measures colours where elements are at that moment, and
    an element still moving under another (a map zooming, a menu sliding, a font swapping) is
    reported "partly obscured" and left undecided."""
    wait_until_settled(page)
    inject_script(page, AXE)
    return page.evaluate(
        """async ([tags, rules]) => {
            const wcag = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            const structure = await axe.run(document, {runOnly: {type: 'rule', values: rules}});
            const plain = results => results.map(result => ({
                id: result.id,
                impact: result.impact,
                help: result.help,
                helpUrl: result.helpUrl,
                nodes: result.nodes.map(node => ({
                    target: node.target.join(' '),
                    html: node.html.slice(0, 200),
                    summary: node.failureSummary || '',
                    reasons: [...node.any, ...node.all, ...node.none].map(
                        check => (check.data && check.data.messageKey) || check.id
                    ),
                })),
            }));
            return {
                violations: plain(wcag.violations.concat(structure.violations)),
                incomplete: plain(wcag.incomplete.concat(structure.incomplete)),
            };
        }""",
        [WCAG_21_AA, STRUCTURE_RULES],
    )


def axe_violations(page):
    return axe_results(page)["violations"]


def unreviewed_incomplete(incomplete, menu_open=False):
    """The incomplete results not covered by ACCEPTED_INCOMPLETE."""
    unreviewed = []
    for result in incomplete:
        nodes = [
            node
            for node in result["nodes"]
            if not node["reasons"]
            or not all(
                _accepted(result["id"], reason, node["target"], menu_open)
                for reason in node["reasons"]
            )
        ]
        if nodes:
            unreviewed.append({**result, "nodes": nodes})
    return unreviewed


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
            f" <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            summary = " ".join(node["summary"].split()) or ", ".join(node.get("reasons", []))
            lines.append(f"    {node['target']}\n      {node['html']}\n      {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize(("path", "action"), PAGES.values(), ids=PAGES.keys())
def test_page_has_no_wcag_21_aa_violations_on_desktop_or_phone(
    page, live_server, site, path, action
):
    """Checked at 1280 px and again at 390 px (the same data, so one site build serves both);
    axe's undecided ("incomplete") results must each be a reviewed, accepted kind."""
    problems = []
    for viewport_name, viewport in VIEWPORTS.items():
        page.set_viewport_size(viewport)
        response = page.goto(f"{live_server.url}{path}")
        expected_status = 404 if "no-such-page" in path else 200
        assert response.status == expected_status, f"{path} answered {response.status}"
        wait_for_maps(page)
        if action:
            action(page)
        open_accordions(page)

        results = axe_results(page)
        if results["violations"]:
            problems.append(f"violations at {viewport_name}:\n{describe(results['violations'])}")
        unreviewed = unreviewed_incomplete(
            results["incomplete"], menu_open=action is open_the_language_menu
        )
        if unreviewed:
            problems.append(
                f"unreviewed incomplete results at {viewport_name} (review each, then add it to "
                f"ACCEPTED_INCOMPLETE with the reason, or fix the page):\n{describe(unreviewed)}"
            )

    assert not problems, f"axe on {path}:\n" + "\n".join(problems)


def test_accessibility_checks_wait_for_a_moving_element_to_reach_its_final_box(
    page, live_server, site
):
    """axe judges contrast where elements are when it runs: the shared helper must wait until a
    late change (here a one-second slide, like a map zooming in) has finished."""
    page.goto(f"{live_server.url}/en/")
    page.evaluate(
        """() => {
            const main = document.querySelector('main');
            main.style.transition = 'transform 1s linear';
            main.getBoundingClientRect();  // start from the current box
            main.style.transform = 'translateY(200px)';
        }"""
    )
    wait_until_settled(page)
    assert page.evaluate("document.getAnimations().length") == 0
    assert page.evaluate("getComputedStyle(document.querySelector('main')).transform") == (
        "matrix(1, 0, 0, 1, 0, 200)"
    )


def focused(page):
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {tag: el.tagName.toLowerCase(), id: el.id, text: el.textContent.trim(),
                    className: el.className};
        }"""
    )


def test_keyboard_reaches_the_skip_link_first_and_it_moves_focus_to_main(page, live_server, site):
    page.goto(f"{live_server.url}/en/")
    page.keyboard.press("Tab")

    skip_link = page.locator(".skip-link")
    assert focused(page)["className"] == "skip-link"
    assert skip_link.inner_text() == "Skip to main content"
    bounds = skip_link.bounding_box()
    assert bounds["y"] >= 0 and bounds["x"] >= 0, "the focused skip link is off screen"
    assert bounds["width"] > 20 and bounds["height"] > 10
    assert skip_link.is_visible()
    assert skip_link.evaluate("element => getComputedStyle(element).outlineStyle") != "none"

    page.keyboard.press("Enter")
    wait_until(page, "document.activeElement && document.activeElement.id === 'main'")
    assert focused(page)["tag"] == "main"
    # Focus left the skip link, so it is out of sight again.
    assert skip_link.bounding_box()["y"] < 0
    # The next Tab continues inside the main content, not back at the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


def test_keyboard_opens_the_language_menu_and_reaches_every_language(page, live_server, site):
    page.goto(f"{live_server.url}/en/")
    switcher = page.get_by_role("navigation", name="Languages")
    summary = switcher.locator("summary")
    details = switcher.locator("details")

    for _ in range(20):
        page.keyboard.press("Tab")
        if summary.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail(f"Tab never reached the language menu; focus is on {focused(page)}")
    assert details.get_attribute("open") is None

    page.keyboard.press("Enter")
    assert details.get_attribute("open") is not None
    links = switcher.get_by_role("link")
    assert links.count() == 9
    for index in range(links.count()):
        page.keyboard.press("Tab")
        assert links.nth(index).evaluate("element => element === document.activeElement"), (
            f"Tab {index + 1} in the open menu is on {focused(page)}"
        )
        assert links.nth(index).is_visible()

    # Escape closes the menu and gives focus back to its button.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Escape")
    assert details.get_attribute("open") is None
    assert summary.evaluate("element => element === document.activeElement")

    # Space opens it too, and a link is followed with Enter.
    page.keyboard.press("Space")
    assert details.get_attribute("open") is not None
    italian = switcher.get_by_role("link", name=re.compile(r"^Italiano"))
    for _ in range(links.count()):
        page.keyboard.press("Tab")
        if italian.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail(f"Tab never reached Italiano; focus is on {focused(page)}")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/it/")
    assert page.locator("html").get_attribute("lang") == "it"


def test_map_controls_are_named_in_the_pages_language(page, live_server, site):
    """Leaflet names its zoom buttons and popup close button in English; the map script gives
    them the page's own (translated) names."""
    page.goto(f"{live_server.url}/it/pilot-actions/")
    wait_for_maps(page)
    with translation.override("it"):
        names = [translation.gettext(text) for text in ("Zoom in", "Zoom out", "Close popup")]
    zoom_in = page.locator("[data-map] .leaflet-control-zoom-in")
    zoom_out = page.locator("[data-map] .leaflet-control-zoom-out")
    assert zoom_in.get_attribute("aria-label") == names[0]
    assert zoom_out.get_attribute("aria-label") == names[1]

    page.locator("[data-map] .leaflet-marker-icon").first.press("Enter")
    close = page.locator("[data-map] .leaflet-popup-close-button")
    close.wait_for()
    assert close.get_attribute("aria-label") == names[2]
    close.click()
    page.locator("[data-map] .leaflet-popup").wait_for(state="detached")


def overlap(first, second):
    a, b = first.bounding_box(), second.bounding_box()
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


@pytest.mark.parametrize("code", ["en", "ar"])
def test_map_message_stays_clear_of_the_attribution(page, live_server, site, code):
    """Tiles are blocked here, so the map says its background could not be loaded; that message
    must not cover the attribution, which wraps onto two lines in a small Arabic map."""
    page.goto(f"{live_server.url}/{code}/pilot-actions/youth-research-lab-in-pula/")
    wait_for_maps(page)
    message = page.locator("[data-map] .map__message")
    message.wait_for()
    attribution = page.locator("[data-map] .leaflet-control-attribution")
    assert not overlap(message, attribution)
    for link in attribution.get_by_role("link").all():
        assert not overlap(message, link)
