"""On a phone (390 px wide), in English and in Arabic: a member writes to another from their
profile, the other sees the unread conversation in their inbox, reads it and answers, and the
first reads the answer. Selectors use the form's ids, not its words, so the journey holds in
every language."""

import pytest
from django.conf import settings
from wagtail.models import Locale, Page

from cms.factories import make_site
from community.conversations.models import Conversation, Message
from community.members.models import MessagePolicy
from tests.e2e.sessions import sign_in
from tests.e2e.test_accessibility import axe_violations, describe
from tests.events.conftest import make_member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}}


@pytest.fixture
def members():
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    make_site()
    amina = make_member("amina@example.org", display_name="Amina Haddad")
    bruno = make_member("bruno@example.org", display_name="Bruno Rossi")
    bruno.message_policy = MessagePolicy.MEMBERS
    bruno.save(update_fields=["message_policy"])
    return amina, bruno


def no_sideways_scroll(page):
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_member_writes_to_another_who_reads_and_answers_on_a_phone(
    open_page, live_server, members, language
):
    amina, bruno = members
    base = f"{live_server.url}/{language}/community"

    # Amina finds Bruno's profile and writes to him.
    first = open_page(**PHONE)
    sign_in(first, live_server, amina)
    first.goto(f"{base}/members/{bruno.pk}/")
    first.locator('[data-testid="contact"] a.button').click()
    assert first.locator("#id_recipients").evaluate(
        "select => Array.from(select.selectedOptions).map(o => o.value)"
    ) == [str(bruno.pk)]
    first.locator("#id_subject").fill("Rooftop gardens")
    first.locator("#id_body").fill("Hello Bruno,\nshall we visit the library roof on Friday?")
    first.locator("form.new-message-form button[type=submit]").click()
    first.locator('[data-testid="message-list"]').wait_for()
    conversation = Conversation.objects.get()
    assert first.locator("html").get_attribute("lang") == language

    # Bruno sees it unread in his inbox, opens it, and answers.
    second = open_page(**PHONE)
    sign_in(second, live_server, bruno)
    second.goto(f"{base}/messages/")
    item = second.locator(".conversation-item", has_text="Rooftop gardens")
    item.locator('[data-testid="unread"]').wait_for()
    assert no_sideways_scroll(second)
    violations = axe_violations(second)
    assert violations == [], describe(violations)
    item.locator("a.conversation-item__subject").click()
    second.locator(".conversation-message__body", has_text="library roof").wait_for()
    assert no_sideways_scroll(second)
    violations = axe_violations(second)
    assert violations == [], describe(violations)
    second.locator("#id_body").fill("Yes, Friday at ten works for me.")
    second.locator("form.reply-form button[type=submit]").click()
    second.locator(".conversation-message--mine", has_text="Friday at ten").wait_for()
    assert Message.objects.filter(conversation=conversation, author=bruno).exists()

    # Amina reads the answer: unread in her inbox, then on the conversation page.
    first.goto(f"{base}/messages/")
    first.locator(".conversation-item", has_text="Rooftop gardens").locator(
        '[data-testid="unread"]'
    ).wait_for()
    first.goto(f"{live_server.url}/{language}/community/messages/{conversation.pk}/")
    first.locator(".conversation-message__body", has_text="Friday at ten").wait_for()
    assert first.locator('[data-testid="unread"]').count() == 0
