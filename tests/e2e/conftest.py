"""Browser journeys: Debian's Chromium driven by Playwright against pytest-django's live server.

Every request that does not go to the live server is aborted, so a journey proves the site
needs nothing from the internet (map tiles simply stay blank).
"""

import os
from urllib.parse import urlparse

import pytest

CHROMIUM = "/usr/bin/chromium"


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium")
    # Playwright's sync API keeps an event loop in the test thread for the whole session; the
    # ORM calls the tests make meanwhile (building data, flushing) are synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def open_page(browser, live_server):
    """A factory of pages, each in a new browser context (its own cookies) that reaches only the
    live server; keyword arguments go to `browser.new_context`, e.g. locale="el-GR"."""
    allowed = urlparse(live_server.url).netloc
    contexts = []

    def open_page(**context_options):
        options = {"viewport": {"width": 1280, "height": 900}, "accept_downloads": True}
        context = browser.new_context(**{**options, **context_options})
        contexts.append(context)
        blocked = []

        def only_live_server(route):
            if urlparse(route.request.url).netloc == allowed:
                route.continue_()
            else:
                blocked.append(route.request.url)
                route.abort()

        context.route("**/*", only_live_server)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.blocked_requests = blocked
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_page):
    return open_page()


@pytest.fixture(autouse=True)
def _media_on_disk(settings, tmp_path):
    """The live server thread serves uploaded files: keep them in a real folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


@pytest.fixture(autouse=True)
def _server_idle_before_flush(live_server, transactional_db):
    """On SQLite the live server's request threads share the test's in-memory connection, so a
    request still being served when a test ends (a download, a click nobody waited for) makes
    the teardown flush fail and leaves rows for the next test. The browser contexts close first
    (this fixture is set up before `page`), then every request thread is waited for."""
    yield
    for thread in list(getattr(live_server.thread.httpd, "_threads", ())):
        thread.join(timeout=15)
        if thread.is_alive():
            pytest.fail("the live server was still answering a request 15 s after the test")


@pytest.fixture(autouse=True)
def _rows_migrations_made(transactional_db):
    """A transactional test starts from a flushed database: put back the tree roots that
    Wagtail's migrations create (locales come back with post_migrate after the flush)."""
    from wagtail.models import Collection, Locale, Page

    from cms.locales import ensure_locales

    ensure_locales()
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Page.objects.exists():
        Page.add_root(title="Root", slug="root", locale=Locale.get_default())
