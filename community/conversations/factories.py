"""Factories for private conversations (tests and the demo)."""

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from community.conversations.models import ContactBlock, Conversation, Message, Participant
from community.members.factories import UserFactory

__all__ = ["ContactBlockFactory", "ConversationFactory", "MessageFactory", "conversation_between"]


class ConversationFactory(DjangoModelFactory):
    subject = factory.Sequence(lambda n: f"Conversation {n}")

    class Meta:
        model = Conversation


class MessageFactory(DjangoModelFactory):
    conversation = factory.SubFactory(ConversationFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Message number {n}.")

    class Meta:
        model = Message


class ContactBlockFactory(DjangoModelFactory):
    blocker = factory.SubFactory(UserFactory)
    blocked = factory.SubFactory(UserFactory)

    class Meta:
        model = ContactBlock


def conversation_between(*members, subject="Hello", body="First message.", read=False):
    """A conversation between `members`, the first of them writing its first message; the
    others have not read it unless `read`."""
    now = timezone.now()
    conversation = ConversationFactory(subject=subject, created_at=now, last_message_at=now)
    for index, member in enumerate(members):
        Participant.objects.create(
            conversation=conversation,
            user=member,
            joined_at=now,
            last_read_at=now if (index == 0 or read) else now - timedelta(seconds=1),
        )
    MessageFactory(conversation=conversation, author=members[0], body=body, created_at=now)
    return conversation
