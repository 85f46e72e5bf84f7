"""Conversations in "download my data" and "delete my account"."""

import io
import json
import zipfile

import pytest

from community.conversations.factories import ContactBlockFactory, conversation_between
from community.conversations.models import ContactBlock, Conversation, Message, Participant
from community.members.factories import UserFactory
from community.moderation.models import Report
from community.moderation.services import report_target
from community.privacy.services import build_export, erase_member

pytestmark = pytest.mark.django_db


def exported(user):
    with zipfile.ZipFile(io.BytesIO(build_export(user))) as archive:
        return json.loads(archive.read("data.json"))


def test_the_export_holds_the_members_conversations_without_email_addresses():
    alice = UserFactory(display_name="Alice Sender", email="alice.x@example.org")
    bob = UserFactory(display_name="Bob Reader", email="bob.x@example.org")
    conversation = conversation_between(alice, bob, subject="Pilot visit", body="Hello Bob")
    Message.objects.create(conversation=conversation, author=bob, body="Hello Alice")
    ContactBlockFactory(blocker=alice, blocked=UserFactory(display_name="Pest"))

    data = exported(alice)
    (row,) = data["community.Participant"]["user"]
    assert row["subject"] == "Pilot visit"
    assert row["participants"] == ["Alice Sender", "Bob Reader"]
    assert [m["body"] for m in row["messages"]] == ["Hello Bob", "Hello Alice"]
    assert data["community.ContactBlock"]["blocker"][0]["blocked__display_name"] == "Pest"
    assert "bob.x@example.org" not in json.dumps(data)


def test_erasure_deletes_the_members_messages_and_conversations_left_empty():
    alice, bob, carol = UserFactory(), UserFactory(), UserFactory()
    with_bob = conversation_between(alice, bob, body="Alice to Bob")
    Message.objects.create(conversation=with_bob, author=bob, body="Bob to Alice")
    group = conversation_between(alice, bob, carol, body="Alice to the group")
    alone = conversation_between(alice, carol)
    carol_erased = erase_member(carol)
    assert carol_erased.erased_at
    ContactBlockFactory(blocker=bob, blocked=alice)
    report_target(with_bob.messages.get(author=alice), bob, reason="spam")

    erase_member(alice)

    assert not Message.objects.filter(author=alice).exists()
    assert not Participant.objects.filter(user=alice).exists()
    assert not ContactBlock.objects.filter(blocked=alice).exists()
    # Bob keeps his side of their conversations; the one with nobody active left is gone.
    assert list(with_bob.messages.values_list("body", flat=True)) == ["Bob to Alice"]
    assert Conversation.objects.filter(pk=group.pk).exists()
    assert not Conversation.objects.filter(pk=alone.pk).exists()
    assert not Report.objects.exists()  # nothing left for the queue about deleted messages
