"""One member posts in a focus group's private space, another replies with a mention, the first
sees the notification (unread count in the header, then the list, then the reply); a visitor
finds the thread neither by the site search, the discussion search nor its URL."""

import pytest
from django.conf import settings
from wagtail.models import Locale, Page

from cms.factories import make_site
from community.discussions.factories import DiscussionIndexPageFactory
from community.discussions.models import Post, Thread
from community.discussions.services import ensure_event_space
from community.notifications.models import Notification
from events.listing.factories import EventIndexPageFactory
from events.pages.factories import FocusGroupPageFactory
from events.pages.models import RegistrationStatus
from events.registrations.models import Registration
from tests.e2e.sessions import sign_in
from tests.events.conftest import make_member

# Transactional: the live server thread must see the data the test makes.
pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Rooftop gardens for the old town"


@pytest.fixture
def group_space():
    """A discussions section and a focus group whose private space has two approved members."""
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    home = make_site()
    section = DiscussionIndexPageFactory(parent=home)
    group = FocusGroupPageFactory(parent=EventIndexPageFactory(parent=home))
    space = ensure_event_space(group)
    amina = make_member("amina@example.org", display_name="Amina Haddad")
    bruno = make_member("bruno@example.org", display_name="Bruno Rossi")
    for member in (amina, bruno):
        Registration.objects.create(event=group, user=member, status=RegistrationStatus.CONFIRMED)
    return section, space, amina, bruno


def test_private_thread_reply_with_mention_notifies_and_stays_hidden_from_visitors(
    open_page, live_server, group_space
):
    section, space, amina, bruno = group_space
    base = live_server.url + section.url

    # Amina starts a thread in her focus group's private space.
    first = open_page()
    sign_in(first, live_server, amina)
    first.goto(base)
    first.get_by_role("link", name=space.title).click()
    first.get_by_role("link", name="Start a thread").click()
    first.get_by_label("Title").fill(TITLE)
    first.get_by_label("Message").fill("Who knows a building whose roof we could use?")
    first.get_by_role("button", name="Start the thread").click()
    first.get_by_role("heading", name=TITLE).wait_for()
    thread = Thread.objects.get(title=TITLE)
    assert thread.space_id == space.pk
    thread_url = first.url.split("#")[0].split("?")[0]

    # Bruno replies, naming her.
    second = open_page()
    sign_in(second, live_server, bruno)
    second.goto(thread_url)
    second.get_by_label("Message").fill("@Amina-Haddad the library has a flat roof and a lift.")
    second.get_by_role("button", name="Post the reply").click()
    reply = Post.objects.filter(thread=thread, author=bruno).get()
    second.locator(f"#post-{reply.pk}").wait_for()

    # Amina sees the unread count in the header, the notification, and reaches the reply.
    assert Notification.objects.filter(recipient=amina).exists()
    first.goto(base)
    counter = first.locator(".account-menu__count")
    assert counter.inner_text().strip() == str(
        Notification.objects.filter(recipient=amina, read_at__isnull=True).count()
    )
    first.locator(".account-menu summary").click()  # the account menu holds the link
    first.locator(".notifications-link").click()
    notice = first.get_by_test_id("notification-list").get_by_role("link").first
    assert "Bruno Rossi" in notice.inner_text()
    assert TITLE in notice.inner_text()
    notice.click()
    first.locator(f"#post-{reply.pk}").wait_for()
    assert "the library has a flat roof" in first.locator(f"#post-{reply.pk}").inner_text()

    # A visitor finds it neither by search nor by its URL.
    visitor = open_page()
    visitor.goto(f"{live_server.url}/en/search/?query=Rooftop")
    assert TITLE not in visitor.content()
    visitor.goto(base)
    assert space.title not in visitor.content()
    visitor.get_by_label("Search within discussions").fill("Rooftop")
    visitor.get_by_role("button", name="Search").first.click()
    visitor.wait_for_load_state()
    assert "Rooftop gardens" not in visitor.locator("main").inner_text()
    response = visitor.goto(thread_url)
    assert response.status == 404
    assert TITLE not in visitor.content()
    response = visitor.goto(f"{thread_url}posts/{reply.pk}/")
    assert response.status == 404
