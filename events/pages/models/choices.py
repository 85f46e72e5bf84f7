"""Vocabularies of the events app. Stored values are stable English slugs."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from cms.models.choices import Helix


class RegistrationStatus(models.TextChoices):
    # A guest's registration waits for the emailed link to be followed.
    PENDING = "pending", _("Awaiting email confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")
    ATTENDED = "attended", _("Attended")
    # Focus groups: participation by application.
    APPLIED = "applied", _("Application under review")
    DECLINED = "declined", _("Application declined")


# Statuses that hold a seat, and those that still count as "taking part" for a member.
SEAT_STATUSES = (RegistrationStatus.CONFIRMED, RegistrationStatus.ATTENDED)
ACTIVE_STATUSES = (
    RegistrationStatus.PENDING,
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITLISTED,
    RegistrationStatus.ATTENDED,
    RegistrationStatus.APPLIED,
)


class CapDimension(models.TextChoices):
    STAKEHOLDER_TYPE = "stakeholder_type", _("Stakeholder type")
    COUNTRY = "country_code", _("Country")
    LANGUAGE = "language", _("Language")


class Attendance(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in-person", _("In person")
    HYBRID = "hybrid", _("In person and online")


def language_choices():
    """Site languages as (code, name in that language) for spoken-language fields."""
    return [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


def helix_choices():
    return list(Helix.choices)
