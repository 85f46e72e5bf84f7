"""What transfer requests announce, once the transaction has committed; the notification
centre listens (community.notifications.receivers).

- transfer_requested(sender=TransferRequest, transfer, recipient_ids): a member asked to adapt
  a pilot; the pilot's contacts and the editors are told.
- transfer_adapted(sender=TransferRequest, transfer, editor): the request became a pilot action.
"""

from django.dispatch import Signal

__all__ = ["transfer_adapted", "transfer_requested"]

transfer_requested = Signal()
transfer_adapted = Signal()
