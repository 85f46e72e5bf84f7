"""The Content-Security-Policy holds in a real browser: no page type breaks it (issue 6/11).

Every page of the accessibility suite's site (home in three languages, content blocks, maps and
their popups, listings with filters, publications, news, search, 404, log-in and sign-up, with
their interactions) loads under the strict policy without a single violation reported by the
browser, and the map still draws. A violation is caught two ways: the `securitypolicyviolation`
event (registered before any page script, so nothing escapes it) and Chromium's console message.
"""

import pytest

from tests.e2e.test_accessibility import PAGES, site, wait_for_maps  # noqa: F401 - fixture
from tests.e2e.waiting import wait_until

# Transactional: the live server thread must see the data the test makes. `site` builds every
# page type of the accessibility suite.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("site")]

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
        + ` at ${event.sourceFile}:${event.lineNumber} (${event.sample})`
    );
});
"""


@pytest.fixture
def watched_page(page):
    """A page that records every CSP violation, from the events and from the console."""
    page.add_init_script(LISTEN)
    page.console_violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and page.console_violations.append(message.text)
        ),
    )
    return page


def violations(page):
    return page.evaluate("window.__cspViolations") + page.console_violations


@pytest.mark.parametrize(("path", "action"), PAGES.values(), ids=PAGES.keys())
def test_page_breaks_no_content_security_policy_rule(watched_page, live_server, path, action):
    response = watched_page.goto(f"{live_server.url}{path}")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    wait_for_maps(watched_page)
    if action:
        action(watched_page)
    watched_page.wait_for_load_state("networkidle")
    assert violations(watched_page) == []


def test_the_listener_catches_an_inline_script_the_policy_refuses(watched_page, live_server):
    """The check above can fail: an injected inline script is reported."""
    watched_page.goto(f"{live_server.url}/en/")
    watched_page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.inlineRan = true;";
            document.body.append(script);
        }"""
    )
    wait_until(watched_page, "window.__cspViolations.length > 0")
    assert watched_page.evaluate("window.inlineRan") is None
    assert any("script-src" in violation for violation in violations(watched_page))


def test_the_map_still_draws_its_markers_under_the_policy(watched_page, live_server):
    watched_page.goto(f"{live_server.url}/en/pilot-actions/")
    markers = watched_page.locator("[data-map] .leaflet-marker-icon")
    markers.first.wait_for()
    assert markers.count() >= 1
    assert violations(watched_page) == []


@pytest.fixture
def editor_page(watched_page, live_server):
    """The watched page, signed in as a superuser who has set up two-factor authentication."""
    from allauth.mfa.models import Authenticator
    from django.test import Client

    from community.members.factories import UserFactory

    user = UserFactory(is_staff=True, is_superuser=True)
    Authenticator.objects.get_or_create(
        user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "JBSWY3DPEHPK3PXP"}}
    )
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    watched_page.context.add_cookies(
        [{"name": "sessionid", "value": cookie.value, "url": live_server.url}]
    )
    return watched_page


def test_the_admin_works_under_its_own_policy(editor_page, live_server):
    from wagtail.models import Page

    news = Page.objects.get(slug="focus-group-met-in-thessaloniki", locale__language_code="en")
    for path in (
        "/admin/",
        f"/admin/pages/{news.get_parent().pk}/",
        f"/admin/pages/{news.pk}/edit/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/snippets/",
    ):
        response = editor_page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert "'unsafe-inline'" in response.headers["content-security-policy"]
        editor_page.wait_for_load_state("networkidle")
    # A chooser opens in a modal built by script from the server's answer.
    editor_page.goto(f"{live_server.url}/admin/pages/{news.pk}/edit/")
    chooser = editor_page.locator("button", has_text="Choose an image").first
    panel = chooser.evaluate("button => button.closest('[role=tabpanel]').id")
    editor_page.locator(f'[role=tab][aria-controls="{panel}"]').click()
    chooser.click()
    editor_page.locator(".modal-content").wait_for()
    editor_page.wait_for_load_state("networkidle")
    assert violations(editor_page) == []
