"""On a phone (390 px), in English and in Arabic: member A replies to member B's thread and
mentions B; B's header count rises without a reload (the page polls a small JSON endpoint that
answers 304 while nothing changed); B opens the thread at the first unread post, on its page,
then replies from "My participation"."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import Locale, Page

from cms.factories import make_site
from community.discussions import reading, services
from community.discussions.factories import DiscussionIndexPageFactory, DiscussionSpaceFactory
from community.discussions.models import Post, Thread
from community.notifications.models import Notification
from tests.e2e.sessions import sign_in
from tests.events.conftest import make_member

# Transactional: the live server thread must see the data the test makes.
pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def conversation(settings):
    """A public space where Bruno started a thread that Amina answered 20 times; Bruno has read
    the first page (20 posts). The header polls every second."""
    settings.NOTIFICATION_POLL_SECONDS = 1
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    home = make_site()
    section = DiscussionIndexPageFactory(parent=home)
    space = DiscussionSpaceFactory(title="Neighbourhoods", slug="neighbourhoods")
    amina = make_member("amina@example.org", display_name="Amina Haddad")
    bruno = make_member("bruno@example.org", display_name="Bruno Rossi")
    services.create_thread(space, bruno, title="Rooftop gardens", body="<p>Who has a roof?</p>")
    thread = Thread.objects.get()
    start = timezone.now() - datetime.timedelta(hours=1)
    Post.objects.bulk_create(
        Post(
            thread=thread,
            author=amina,
            body=f"<p>Earlier answer {index}</p>",
            language="en",
            created_at=start + datetime.timedelta(minutes=index),
        )
        for index in range(20)
    )
    read_up_to = thread.posts.order_by("created_at", "pk")[19]  # the last post of page 1
    reading.advance(thread, bruno, read_up_to)
    Notification.objects.all().delete()
    return section, thread, amina, bruno


@pytest.mark.parametrize("language", ["en", "ar"])
def test_member_sees_the_count_rise_jumps_to_the_first_unread_and_replies_from_participation(
    open_page, live_server, conversation, language
):
    section, thread, amina, bruno = conversation
    bruno.preferred_language = language
    bruno.save(update_fields=["preferred_language"])
    page = open_page(viewport=PHONE)
    sign_in(page, live_server, bruno)
    statuses = []
    page.on(
        "response",
        lambda response: "unread-count.json" in response.url and statuses.append(response.status),
    )

    # Bruno has the site open; nothing unread yet.
    page.goto(f"{live_server.url}/{language}/community/participation/")
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    badge = page.locator(".account-menu__count")
    assert badge.is_hidden()
    page.evaluate("window.notReloaded = true")
    page.wait_for_timeout(2500)  # a few polls: the first answers 200, the next ones 304
    assert 304 in statuses

    # Amina replies, naming him.
    reply = services.reply(
        thread, amina, body="<p>@Bruno-Rossi the library has a flat roof.</p>", language="en"
    )
    unread = Notification.objects.filter(recipient=bruno, read_at__isnull=True).count()
    assert unread >= 1

    # The count rises without a reload, its screen-reader text and live region with it.
    badge.wait_for(state="visible", timeout=10_000)
    assert badge.inner_text().strip() == str(unread)
    assert page.evaluate("window.notReloaded") is True
    assert (
        str(unread) in page.locator(".account-menu summary [data-notification-label]").inner_text()
    )
    assert page.locator("[data-notification-live]").inner_text().strip() != ""
    assert page.locator("[data-notification-live]").get_attribute("aria-live") == "polite"

    # The account menu opens (no script needed) and its links are within the phone's width.
    page.locator(".account-menu summary").click()
    menu = page.locator(".account-menu__list")
    menu.wait_for(state="visible")
    box = menu.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1
    page.keyboard.press("Escape")

    # "My participation" (reloaded) lists the thread with its one new post; the link lands on
    # page 2, at Amina's reply.
    page.reload()
    entry = page.locator(f'[data-thread="{thread.pk}"]')
    entry.locator(".badge--new").click()
    page.wait_for_url(re.compile(rf"\?page=2#post-{reply.pk}$"))
    page.locator(f"#post-{reply.pk}").wait_for()
    assert page.locator("#first-unread").count() == 1

    # Back on "My participation": the quick reply posts to the thread.
    page.goto(f"{live_server.url}/{language}/community/participation/")
    entry = page.locator(f'[data-thread="{thread.pk}"]')
    entry.locator("summary").click()
    entry.locator(f"#thread-{thread.pk}-body").fill("Then let us meet at the library on Friday.")
    entry.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"#post-\d+$"))
    mine = Post.objects.get(thread=thread, author=bruno, body__contains="library on Friday")
    assert page.url.endswith(f"#post-{mine.pk}")
    page.locator(f"#post-{mine.pk}").wait_for()
