"""The pages of private messages: writing, reading and answering, what a refused recipient is
told, what a block does to a conversation, who gets a 404, and the inbox's constant queries."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from community.conversations.factories import ContactBlockFactory, conversation_between
from community.conversations.models import Conversation, Message, Participant
from community.members.factories import UserFactory
from community.members.models import MessagePolicy

pytestmark = pytest.mark.django_db

INBOX = "/en/community/messages/"
NEW = "/en/community/messages/new/"
UNREAD_ONE = 'data-testid="unread">1 unread<'


def detail(conversation):
    return f"/en/community/messages/{conversation.pk}/"


@pytest.fixture
def alice():
    return UserFactory(display_name="Alice Sender", email="alice.secret@example.org")


@pytest.fixture
def bob():
    return UserFactory(
        display_name="Bob Reader",
        email="bob.secret@example.org",
        message_policy=MessagePolicy.MEMBERS,
    )


def test_a_member_writes_to_another_who_reads_and_answers(client, alice, bob, commit):
    client.force_login(alice)
    response = commit(
        client.post,
        NEW,
        {"recipients": [bob.pk], "subject": "Pilot visit", "body": "Hello Bob,\nsee you soon."},
    )
    conversation = Conversation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/community/messages/{conversation.pk}/"

    client.force_login(bob)
    inbox = client.get(INBOX).content.decode()
    assert "Pilot visit" in inbox and UNREAD_ONE in inbox
    page = client.get(detail(conversation)).content.decode()
    assert "Hello Bob,<br>see you soon." in page  # plain text, line breaks kept
    assert UNREAD_ONE not in client.get(INBOX).content.decode()  # read now

    commit(client.post, detail(conversation), {"body": "Thanks Alice!"})
    client.force_login(alice)
    assert UNREAD_ONE in client.get(INBOX).content.decode()
    assert "Thanks Alice!" in client.get(detail(conversation)).content.decode()


def test_the_body_is_escaped_not_rendered(client, alice, bob):
    conversation = conversation_between(alice, bob, body="<script>alert(1)</script> <b>hi</b>")
    client.force_login(bob)
    page = client.get(detail(conversation)).content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;b&gt;hi&lt;/b&gt;" in page


def test_refused_recipients_are_named_beside_the_field_and_the_message_is_kept(client, alice):
    closed_door = UserFactory(display_name="Nadia Nobody", message_policy=MessagePolicy.NOBODY)
    group_only = UserFactory(display_name="Gregor Groups")  # the default: their groups only
    client.force_login(alice)
    response = client.post(
        NEW,
        {
            "recipients": [closed_door.pk, group_only.pk],
            "subject": "Can we talk?",
            "body": "A long message I do not want to type again.",
        },
    )
    assert response.status_code == 400
    form = response.context["form"]
    errors = " ".join(form.errors["recipients"])
    assert "Nadia Nobody" in errors and "does not accept private messages" in errors
    assert "Gregor Groups" in errors and "same focus group" in errors
    page = response.content.decode()
    assert "A long message I do not want to type again." in page
    assert 'value="Can we talk?"' in page
    assert not Conversation.objects.exists()


def test_a_subject_with_a_line_break_is_refused_beside_the_field(client, alice, bob):
    client.force_login(alice)
    response = client.post(
        NEW, {"recipients": [bob.pk], "subject": "Hi\nBcc: x@example.org", "body": "Body"}
    )
    assert response.status_code == 400
    assert "subject" in response.context["form"].errors
    assert "Body" in response.content.decode()


def test_more_than_ten_recipients_are_refused(client, alice):
    many = [UserFactory(message_policy=MessagePolicy.MEMBERS) for _ in range(11)]
    client.force_login(alice)
    response = client.post(
        NEW, {"recipients": [m.pk for m in many], "subject": "All of you", "body": "Hi"}
    )
    assert response.status_code == 400
    assert "at most 10" in " ".join(response.context["form"].errors["recipients"])


def test_a_small_group_conversation_reaches_everyone(client, alice, commit):
    members = [UserFactory(message_policy=MessagePolicy.MEMBERS) for _ in range(3)]
    client.force_login(alice)
    commit(
        client.post, NEW, {"recipients": [m.pk for m in members], "subject": "Team", "body": "Hi"}
    )
    conversation = Conversation.objects.get()
    assert set(conversation.participants.values_list("user_id", flat=True)) == {
        alice.pk,
        *(m.pk for m in members),
    }


def test_sending_is_rate_limited_and_the_message_kept(client, alice, bob, settings):
    settings.CONVERSATION_MESSAGE_RATE = "1/h"
    conversation = conversation_between(alice, bob)
    client.force_login(alice)
    assert client.post(detail(conversation), {"body": "one"}).status_code == 302
    response = client.post(detail(conversation), {"body": "two, typed with care"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "faster than the site allows" in page
    assert "two, typed with care" in page
    assert Message.objects.filter(body="two, typed with care").count() == 0


@pytest.mark.parametrize("who_blocks", ["reader", "other"])
def test_a_block_removes_the_reply_form_and_says_why(client, alice, bob, who_blocks):
    conversation = conversation_between(alice, bob)
    if who_blocks == "reader":
        ContactBlockFactory(blocker=bob, blocked=alice)
    else:
        ContactBlockFactory(blocker=alice, blocked=bob)
    client.force_login(bob)
    response = client.get(detail(conversation))
    assert response.context["form"] is None
    page = response.content.decode()
    assert 'data-testid="reply-refusal"' in page
    assert ("You have blocked" if who_blocks == "reader" else "has blocked messages") in page
    # And posting anyway is refused on the server.
    assert client.post(detail(conversation), {"body": "sneaky"}).status_code == 400
    assert not Message.objects.filter(body="sneaky").exists()


def test_blocking_from_the_conversation_then_unblocking(client, alice, bob):
    conversation = conversation_between(alice, bob)
    client.force_login(bob)
    url = reverse("community:conversation_block", args=[alice.pk])
    client.post(url, {"next": detail(conversation)})
    assert client.get(detail(conversation)).context["form"] is None
    client.force_login(alice)
    assert client.get(detail(conversation)).context["form"] is None  # both ways
    client.force_login(bob)
    client.post(url, {"next": detail(conversation), "unblock": "1"})
    assert client.get(detail(conversation)).context["form"] is not None


def test_non_participants_get_404_whatever_the_id(client, alice, bob):
    conversation = conversation_between(alice, bob)
    message = conversation.messages.get()
    client.force_login(UserFactory())
    assert client.get(detail(conversation)).status_code == 404
    assert client.post(detail(conversation), {"body": "intruding"}).status_code == 404
    assert client.get(f"/en/community/messages/reports/{message.pk}/").status_code == 404
    assert client.get("/en/community/messages/999999/").status_code == 404
    assert not Message.objects.filter(body="intruding").exists()


def test_visitors_are_sent_to_sign_in(client, alice, bob):
    conversation = conversation_between(alice, bob)
    for url in (INBOX, NEW, detail(conversation)):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_no_email_address_is_shown_on_any_page(client, alice, bob):
    conversation = conversation_between(alice, bob)
    client.force_login(alice)
    pages = [
        client.get(INBOX),
        client.get(detail(conversation)),
        client.get(NEW),
        client.get(f"/en/community/members/{bob.pk}/"),
    ]
    for response in pages:
        assert response.status_code == 200
        text = response.content.decode()
        assert "bob.secret@example.org" not in text
        assert "alice.secret@example.org" not in text


def _inbox_queries(client):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(INBOX).status_code == 200
    return [query["sql"] for query in captured]


def test_the_inbox_costs_the_same_queries_for_1_or_30_conversations(client, alice):
    client.force_login(alice)
    conversation_between(UserFactory(), alice)
    client.get(INBOX)  # once, so what the site caches on a first request is not counted
    one = _inbox_queries(client)
    for _ in range(29):
        conversation_between(UserFactory(), alice, UserFactory())
    thirty = _inbox_queries(client)
    assert Participant.objects.filter(user=alice).count() == 30
    assert len(thirty) == len(one), "\n".join(thirty)


def test_the_profile_offers_contact_when_allowed_and_says_why_not(client, alice, bob):
    closed_door = UserFactory(message_policy=MessagePolicy.NOBODY)
    client.force_login(alice)
    page = client.get(f"/en/community/members/{bob.pk}/").content.decode()
    assert f"/en/community/messages/new/?to={bob.pk}" in page
    page = client.get(f"/en/community/members/{closed_door.pk}/").content.decode()
    assert "/en/community/messages/new/?to=" not in page
    assert "does not accept private messages" in page


def test_the_contact_link_preselects_the_member(client, alice, bob):
    client.force_login(alice)
    response = client.get(f"{NEW}?to={bob.pk}")
    assert f'<option value="{bob.pk}" selected>' in response.content.decode()


def test_the_choice_is_on_the_profile_form(client, alice):
    client.force_login(alice)
    data = {
        "display_name": "Alice Sender",
        "time_zone": "Europe/Rome",
        "preferred_language": "en",
        "profile_visibility": "members",
        "message_policy": "nobody",
    }
    response = client.post("/en/community/profile/", data)
    assert response.status_code == 302, response.context["form"].errors
    alice.refresh_from_db()
    assert alice.message_policy == MessagePolicy.NOBODY


def test_pages_are_in_the_readers_language(client, alice, bob):
    conversation = conversation_between(alice, bob)
    client.force_login(bob)
    assert client.get("/fr/community/messages/").status_code == 200
    assert client.get(f"/ar/community/messages/{conversation.pk}/").status_code == 200
    assert not mail.outbox
