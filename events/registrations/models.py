"""A person's place at an event: confirmed, waiting, cancelled, attended, or an application."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cms.models.choices import Helix
from cms.text import validate_single_line
from events.pages.models.base import EventPage
from events.pages.models.choices import ACTIVE_STATUSES, SEAT_STATUSES, RegistrationStatus

__all__ = ["Registration"]


def new_token():
    return secrets.token_urlsafe(24)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)

    def seated(self):
        return self.filter(status__in=SEAT_STATUSES)

    def waiting(self):
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("position")


class Registration(models.Model):
    event = models.ForeignKey(
        EventPage,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    guest_name = models.CharField(
        _("name"), max_length=200, blank=True, validators=[validate_single_line]
    )
    guest_email = models.EmailField(_("email"), blank=True)
    guest_language = models.CharField(
        _("email language"), max_length=10, blank=True, choices=settings.LANGUAGES
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, db_index=True
    )
    # Arrival order, given under the event's row lock: the waitlist is served in this order.
    position = models.PositiveBigIntegerField(_("arrival order"), default=0)
    # Snapshot at registration time: what the caps count, whatever the profile says later.
    stakeholder_type = models.CharField(
        _("stakeholder type"), max_length=20, choices=Helix.choices, blank=True
    )
    country_code = models.CharField(_("country"), max_length=2, blank=True)
    language = models.CharField(
        _("language"), max_length=10, blank=True, choices=settings.LANGUAGES
    )
    motivation = models.TextField(_("motivation"), blank=True)
    token = models.CharField(max_length=64, default=new_token, unique=True, editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=Q(user__isnull=False),
                name="events_one_registration_per_member",
            ),
            models.UniqueConstraint(
                fields=["event", "guest_email"],
                condition=Q(user__isnull=True),
                name="events_one_registration_per_guest",
            ),
        ]
        permissions = [
            ("manage_all_registrations", "Can see and manage every event's registrations"),
        ]

    def page_cache_pages(self):
        """The pages that show this registration (as seats taken): its event's, in every
        language (cms/page_cache_invalidation.py adds the copies and the listings)."""
        return [self.event]

    def __str__(self):
        return f"{self.display_name} – {self.event_id} ({self.status})"

    @property
    def display_name(self):
        if self.user_id:
            return self.user.get_display_name()
        return self.guest_name or self.guest_email

    @property
    def email(self):
        return self.user.email if self.user_id else self.guest_email

    @property
    def is_guest(self):
        return self.user_id is None

    @property
    def holds_seat(self):
        return self.status in SEAT_STATUSES

    @property
    def is_active(self):
        return self.status in ACTIVE_STATUSES

    def snapshot(self):
        return {
            "stakeholder_type": self.stakeholder_type,
            "country_code": self.country_code,
            "language": self.language,
        }
