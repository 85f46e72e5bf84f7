"""Events: the event base, webinars, focus groups, their index, and registrations.

Dependencies inside flow one way: fields/choices -> base -> kinds -> registration -> index.
"""

from .base import EventPage, EventPageForm
from .choices import Attendance, CapDimension, RegistrationStatus
from .fields import CodeListField
from .focus_group import FocusGroupPage
from .index import EventIndexPage, event_kinds
from .meeting import MeetingPage
from .registration import Registration
from .webinar import WebinarPage, WebinarTranscript

__all__ = [
    "Attendance",
    "CapDimension",
    "CodeListField",
    "EventIndexPage",
    "EventPage",
    "EventPageForm",
    "FocusGroupPage",
    "MeetingPage",
    "Registration",
    "RegistrationStatus",
    "WebinarPage",
    "WebinarTranscript",
    "event_kinds",
]
