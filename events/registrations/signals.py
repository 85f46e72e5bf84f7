"""What happened to a registration, announced for whoever listens (the community app's
notification centre). Each is sent once the transaction that made the change has committed,
with `sender=Registration` and `registration=` the row.
"""

from django.dispatch import Signal

__all__ = [
    "application_approved",
    "application_declined",
    "application_received",
    "registration_cancelled",
    "registration_confirmed",
    "registration_promoted",
    "registration_waitlisted",
]

registration_confirmed = Signal()
registration_waitlisted = Signal()
registration_promoted = Signal()
registration_cancelled = Signal()
application_received = Signal()
application_approved = Signal()
application_declined = Signal()
