"""Reporting a private message to the moderators, what staff see and do in the queue, and the
notification a new message sends (never its text by email)."""

import pytest
from django.core import mail

from community.conversations.factories import conversation_between
from community.conversations.models import Message
from community.members.factories import UserFactory
from community.members.models import MessagePolicy
from community.moderation.models import Report, ReportOutcome
from community.notifications.models import (
    Delivery,
    Notification,
    NotificationKind,
    NotificationPreference,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice():
    return UserFactory(display_name="Alice Sender")


@pytest.fixture
def bob():
    return UserFactory(display_name="Bob Reader", message_policy=MessagePolicy.MEMBERS)


@pytest.fixture
def staff():
    return UserFactory(display_name="Staff Person", is_staff=True, is_superuser=True)


def report_url(message):
    return f"/en/community/messages/reports/{message.pk}/"


def test_a_participant_reports_a_message_and_staff_see_only_that_message(client, alice, bob, staff):
    conversation = conversation_between(alice, bob, body="Buy my watches now")
    Message.objects.create(conversation=conversation, author=alice, body="Private aside")
    message = conversation.messages.get(body="Buy my watches now")
    client.force_login(bob)
    response = client.post(report_url(message), {"reason": "spam", "details": ""})
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.target == message and report.post is None and report.reporter == bob

    client.force_login(staff)
    queue = client.get("/admin/moderation/")
    page = queue.content.decode()
    assert "Reported private messages" in page
    assert "Buy my watches now" in page
    assert "Private aside" not in page  # not the rest of the conversation


def test_reporting_twice_or_ones_own_message_is_refused(client, alice, bob):
    conversation = conversation_between(alice, bob)
    message = conversation.messages.get()
    client.force_login(bob)
    client.post(report_url(message), {"reason": "spam"})
    page = client.get(report_url(message)).content.decode()
    assert "already reported" in page
    client.post(report_url(message), {"reason": "abuse"})
    assert Report.objects.count() == 1
    client.force_login(alice)
    assert "your own message" in client.get(report_url(message)).content.decode()
    client.post(report_url(message), {"reason": "spam"})
    assert Report.objects.count() == 1


def test_staff_remove_a_reported_message_and_the_participants_see_why(client, alice, bob, staff):
    conversation = conversation_between(alice, bob, body="Something nasty")
    message = conversation.messages.get()
    client.force_login(bob)
    client.post(report_url(message), {"reason": "abuse"})
    report = Report.objects.get()

    client.force_login(staff)
    url = f"/admin/moderation/reported/{report.target_type_id}/{message.pk}/remove/"
    refused = client.post(url, {"reason": ""})
    assert refused.status_code == 400  # a reason is required, asked beside the field
    client.post(url, {"reason": "Harassment"})
    message.refresh_from_db()
    report.refresh_from_db()
    assert message.is_removed and message.body == ""
    assert report.outcome == ReportOutcome.REMOVED

    client.force_login(alice)
    page = client.get(conversation.get_absolute_url()).content.decode()
    assert "removed by a moderator" in page and "Harassment" in page
    assert "Something nasty" not in page


def test_a_space_moderator_who_is_not_staff_cannot_act_on_messages(client, alice, bob):
    from community.discussions.factories import DiscussionSpaceFactory

    moderator = UserFactory()
    DiscussionSpaceFactory(moderators=[moderator])
    conversation = conversation_between(alice, bob)
    message = conversation.messages.get()
    client.force_login(bob)
    client.post(report_url(message), {"reason": "spam"})
    report = Report.objects.get()
    client.force_login(moderator)
    url = f"/admin/moderation/reported/{report.target_type_id}/{message.pk}/dismiss/"
    assert client.post(url, {"reason": ""}).status_code in (302, 403)
    report.refresh_from_db()
    assert report.is_open


def test_a_new_message_notifies_the_recipient_without_its_text(client, alice, bob, commit):
    client.force_login(alice)
    commit(
        client.post,
        "/en/community/messages/new/",
        {"recipients": [bob.pk], "subject": "Pilot visit", "body": "The secret body text"},
    )
    notification = Notification.objects.get()
    assert notification.recipient == bob
    assert notification.kind == NotificationKind.PRIVATE_MESSAGE
    assert notification.delivery == Delivery.IMMEDIATE
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [bob.email]
    assert "Pilot visit" in email.body and "Alice Sender" in email.body
    assert "The secret body text" not in email.body
    for _content, _type in getattr(email, "alternatives", []):
        assert "The secret body text" not in _content


def test_a_member_who_chose_the_digest_gets_no_email_at_once(client, alice, bob, commit):
    NotificationPreference.set(bob, NotificationKind.PRIVATE_MESSAGE, Delivery.DIGEST)
    client.force_login(alice)
    commit(
        client.post,
        "/en/community/messages/new/",
        {"recipients": [bob.pk], "subject": "Later", "body": "Hi"},
    )
    assert Notification.objects.get().delivery == Delivery.DIGEST
    assert not mail.outbox


def test_a_reply_notifies_the_other_participants_not_the_author(client, alice, bob, commit):
    carol = UserFactory(message_policy=MessagePolicy.MEMBERS)
    conversation = conversation_between(alice, bob, carol)
    client.force_login(bob)
    commit(client.post, conversation.get_absolute_url(), {"body": "Reply"})
    assert set(Notification.objects.values_list("recipient_id", flat=True)) == {
        alice.pk,
        carol.pk,
    }
