"""Set-up shared by the co-design workshop tests: a workshop under an events index and one
person in each role (visitor, member, participant, facilitator, staff)."""

import datetime

from django.utils import timezone

from cms.factories import make_site
from community.members.factories import UserFactory
from community.workshops.factories import CoDesignWorkshopPageFactory
from events.listing.factories import EventIndexPageFactory
from events.pages.models import RegistrationStatus
from events.registrations.models import Registration

ROLES = ("visitor", "member", "participant", "facilitator", "staff")


def seat(workshop, user, status=RegistrationStatus.CONFIRMED):
    return Registration.objects.create(
        event=workshop, user=user, status=status, confirmed_at=timezone.now()
    )


def workshop_with_people(**page_kwargs):
    home = make_site()
    index = EventIndexPageFactory(parent=home)
    facilitator = UserFactory(email="facilitator@example.org", display_name="Fatima Facil")
    workshop = CoDesignWorkshopPageFactory(
        parent=index,
        facilitators=[facilitator],
        phases=[("discover", "Listening walk"), ("define", "")],
        **page_kwargs,
    )
    people = {
        "visitor": None,
        "member": UserFactory(email="member@example.org"),
        "participant": UserFactory(email="participant@example.org", display_name="Paul Part"),
        "facilitator": facilitator,
        "staff": UserFactory(email="staff@example.org", is_staff=True, two_factor=False),
    }
    seat(workshop, people["participant"])
    return workshop, people


def before_start(workshop):
    return workshop.start - datetime.timedelta(minutes=5)
