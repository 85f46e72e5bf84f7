"""Who may read and write in a co-design workshop's contributions space: decided here only.

Roles, from the events app's own rules:
- participant: a member holding a seat at the workshop (a confirmed or attended registration,
  events' SEAT_STATUSES, on any language copy). Waitlisted, pending or cancelled people are not.
- facilitator: a member named in the workshop's `facilitators` (on any language copy).
- staff: an active staff member or superuser.

The decision (documented on the page): contributions, comments and supports stay with the
workshop's participants, its facilitators and staff, during the workshop and after it. What the
workshop produced for everyone is the synthesis the facilitators publish on the page. So every
channel (the page, the image and export views, the API, search, the sitemap, feeds) shows
contributions only through `visible_contributions`, which returns nothing to anyone else.

| ability    | participant | facilitator | staff | member, visitor |
|------------|-------------|-------------|-------|-----------------|
| read       | yes         | yes         | yes   | no              |
| contribute | while open  | while open  | no    | no              |
| comment    | while open  | while open  | no    | no              |
| support    | while open  | while open  | no    | no              |
| group      | no          | yes         | yes   | no              |
| synthesise | no          | yes         | yes   | no              |

"While open": from the start of the workshop until `contributions_close` (if set). Nobody
supports their own contribution.
"""

from dataclasses import dataclass

from django.db.models import Exists
from django.utils import timezone

from community.workshops.models import CoDesignWorkshopPage, Contribution
from events.registrations.models import Registration

__all__ = [
    "ABILITIES",
    "WorkshopAccess",
    "access_for",
    "can_support_contribution",
    "is_facilitator",
    "is_participant",
    "is_workshop_staff",
    "visible_contributions",
]

ABILITIES = ("read", "contribute", "comment", "support", "group", "synthesise")


@dataclass(frozen=True)
class WorkshopAccess:
    read: bool = False
    contribute: bool = False
    comment: bool = False
    support: bool = False
    group: bool = False
    synthesise: bool = False
    role: str = "visitor"

    def allows(self, ability):
        return getattr(self, ability)


def _signed_in(user):
    return user is not None and user.is_authenticated and user.is_active


def is_workshop_staff(user):
    return _signed_in(user) and (user.is_staff or user.is_superuser)


def _facilitating(user, workshop):
    return CoDesignWorkshopPage.objects.filter(
        translation_key=workshop.translation_key, facilitators=user
    )


def _seated(user, workshop):
    return Registration.objects.seated().filter(
        event__translation_key=workshop.translation_key, user=user
    )


def is_facilitator(user, workshop):
    return _signed_in(user) and _facilitating(user, workshop).exists()


def is_participant(user, workshop):
    """Holds a seat (events' rule: confirmed or attended) at any language copy."""
    return _signed_in(user) and _seated(user, workshop).exists()


def _roles(user, workshop):
    """(facilitator, participant) in one query: both asked of every signed-in reader."""
    roles = (
        CoDesignWorkshopPage.objects.filter(pk=workshop.pk)
        .annotate(
            facilitator=Exists(_facilitating(user, workshop)),
            participant=Exists(_seated(user, workshop)),
        )
        .values_list("facilitator", "participant")
        .first()
    )
    return roles or (False, False)


def access_for(user, workshop, now=None):
    """Everything `user` may do in this workshop's space, in one query."""
    if not _signed_in(user):
        return WorkshopAccess()
    facilitator, seated = _roles(user, workshop)
    participant = not facilitator and seated
    staff = is_workshop_staff(user)
    takes_part = facilitator or participant
    writing = takes_part and workshop.contributions_open(now or timezone.now())
    role = (
        "facilitator"
        if facilitator
        else "participant"
        if participant
        else "staff"
        if staff
        else "member"
    )
    return WorkshopAccess(
        read=takes_part or staff,
        contribute=writing,
        comment=writing,
        support=writing,
        group=facilitator or staff,
        synthesise=facilitator or staff,
        role=role,
    )


def visible_contributions(workshop, user, access=None):
    """The workshop's contributions this user may read (none for anyone else): the one rule
    every channel uses."""
    access = access or access_for(user, workshop)
    source = workshop.workshop_source()
    if not access.read:
        return Contribution.objects.none()
    return Contribution.objects.filter(workshop=source)


def can_support_contribution(user, contribution, access):
    return access.support and contribution.author_id != user.pk
