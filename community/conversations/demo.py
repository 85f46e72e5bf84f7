"""Demo private conversations between the demo members, so the inbox has something in it.

Data in demo.json beside this module. Safe to run again: a conversation is found by its subject
and participants, a message by its author and text, and only what is missing is written.
Nobody is notified: rows are written directly, not through the services, which announce
messages.
"""

import json
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone

from community.conversations.models import Conversation, Message, Participant

__all__ = ["build_conversations_demo"]

DATA = Path(__file__).with_name("demo.json")


def _conversation(values, users, now):
    members = [users[email] for email in values["participants"] if email in users]
    if len(members) < 2:
        return None
    ids = {member.pk for member in members}
    conversation = next(
        (
            found
            for found in Conversation.objects.filter(subject=values["subject"])
            if set(found.participants.values_list("user_id", flat=True)) == ids
        ),
        None,
    )
    first = now - timedelta(hours=max(m["hours_ago"] for m in values["messages"]))
    if conversation is None:
        conversation = Conversation.objects.create(
            subject=values["subject"], created_at=first, last_message_at=first
        )
    for member in members:
        hours = values.get("read_by", {}).get(member.email)
        read = now - timedelta(hours=hours) if hours is not None else first
        Participant.objects.get_or_create(
            conversation=conversation,
            user=member,
            defaults={"joined_at": first, "last_read_at": read},
        )
    for item in values["messages"]:
        author = users.get(item["author"])
        if author is None:
            continue
        sent = now - timedelta(hours=item["hours_ago"])
        message, created = Message.objects.get_or_create(
            conversation=conversation,
            author=author,
            body=item["body"],
            defaults={"created_at": sent},
        )
        if created and sent > conversation.last_message_at:
            conversation.last_message_at = sent
            conversation.save(update_fields=["last_message_at"])
    return conversation


def build_conversations_demo():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    emails = {email for item in data["conversations"] for email in item["participants"]}
    users = get_user_model().objects.in_bulk(emails, field_name="email")
    now = timezone.now()
    return [
        conversation
        for item in data["conversations"]
        if (conversation := _conversation(item, users, now)) is not None
    ]
