"""What happened to a registration, announced for whoever listens (the community app's
notification centre). Each is sent once the transaction that made the change has committed, by
the background task `tasks.announce_registration` (at once where tasks run immediately), with
`sender=Registration` and `registration=` the row.
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

# By name: what a queued task carries (a signal is not serialisable). Not in __all__, which
# lists the signals only.
BY_NAME = {
    "registration_confirmed": registration_confirmed,
    "registration_waitlisted": registration_waitlisted,
    "registration_promoted": registration_promoted,
    "registration_cancelled": registration_cancelled,
    "application_received": application_received,
    "application_approved": application_approved,
    "application_declined": application_declined,
}


def name_of(signal):
    return next(name for name, known in BY_NAME.items() if known is signal)
