"""What an event is: the event base and its kinds (webinar, meeting, focus group).

Dependencies inside flow one way: fields/choices -> base -> kinds.
"""

from events.pages.models.base import EventPage, EventPageForm
from events.pages.models.choices import Attendance, CapDimension, RegistrationStatus
from events.pages.models.fields import CodeListField
from events.pages.models.focus_group import FocusGroupPage
from events.pages.models.meeting import MeetingPage
from events.pages.models.webinar import WebinarPage, WebinarTranscript

__all__ = [
    "Attendance",
    "CapDimension",
    "CodeListField",
    "EventPage",
    "EventPageForm",
    "FocusGroupPage",
    "MeetingPage",
    "RegistrationStatus",
    "WebinarPage",
    "WebinarTranscript",
]
