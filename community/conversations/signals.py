"""What conversations announce, once the transaction has committed; the notification centre
listens (community.notifications.receivers).

- message_sent(sender=Message, message, recipient_ids): a new message for these participants
  (everyone in the conversation but its author).
"""

from django.dispatch import Signal

__all__ = ["message_sent"]

message_sent = Signal()
