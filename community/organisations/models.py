"""Organisations as actors: who belongs to which cms Organisation, and proposals of new ones."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.models.choices import Helix
from cms.text import validate_single_line

__all__ = [
    "MembershipRole",
    "MembershipStatus",
    "OrganisationMembership",
    "OrganisationProposal",
    "ProposalStatus",
]


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Member")
    ADMIN = "admin", _("Administrator")


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Asked to join")
    ACCEPTED = "accepted", _("Member")
    DECLINED = "declined", _("Declined")


class OrganisationMembership(models.Model):
    """A member of an organisation (the cms snippet, source-language record). A request to join
    is pending until one of the organisation's admins (or an editor) accepts it."""

    organisation = models.ForeignKey(
        "cms.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="organisation_memberships",
    )
    role = models.CharField(
        _("role"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=MembershipStatus.choices,
        default=MembershipStatus.PENDING,
    )
    requested_at = models.DateTimeField(_("asked on"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("organisation membership")
        verbose_name_plural = _("organisation memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="one_membership_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.user} @ {self.organisation}"

    @property
    def is_admin(self):
        return self.status == MembershipStatus.ACCEPTED and self.role == MembershipRole.ADMIN


class ProposalStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an editor")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class OrganisationProposal(models.Model):
    """A member proposes an organisation that is not listed yet; an editor checks it. On
    approval the cms Organisation is created and the proposer becomes its first admin."""

    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.CASCADE,
        related_name="organisation_proposals",
    )
    name = models.CharField(_("name"), max_length=255, validators=[validate_single_line])
    website = models.URLField(_("website"), blank=True)
    country = models.ForeignKey(
        "cms.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    helix = models.CharField(_("helix"), max_length=20, choices=Helix.choices, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    status = models.CharField(
        _("status"), max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PENDING
    )
    proposed_at = models.DateTimeField(_("proposed on"), default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    organisation = models.ForeignKey(
        "cms.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Created when the proposal is approved."),
    )

    class Meta:
        verbose_name = _("organisation proposal")
        verbose_name_plural = _("organisation proposals")
        ordering = ["-proposed_at"]

    def __str__(self):
        return self.name
