"""Requests to adapt a pilot action in another territory ("Adapt this pilot here")."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.models.choices import Helix
from cms.text import validate_single_line

__all__ = ["TransferRequest", "TransferStatus"]


class TransferStatus(models.TextChoices):
    OPEN = "open", _("Waiting for an answer")
    ANSWERED = "answered", _("In conversation")
    ADAPTED = "adapted", _("Became a pilot action")
    CLOSED = "closed", _("Closed")


class TransferRequest(models.Model):
    """A member asks to adapt `pilot` in their territory. The pilot's contacts and the editors
    are told; they talk in `conversation` (private messages, attached to the request); an
    editor can turn it into a new pilot action page, `adapted_page`, linked to its origin."""

    pilot = models.ForeignKey(
        "cms.PilotActionPage",
        verbose_name=_("pilot action"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        on_delete=models.CASCADE,
        related_name="transfer_requests",
    )
    country = models.ForeignKey(
        "cms.Country",
        verbose_name=_("country"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    region = models.CharField(_("region"), max_length=120, validators=[validate_single_line])
    organisation = models.CharField(
        _("organisation"), max_length=255, blank=True, validators=[validate_single_line]
    )
    helix = models.CharField(_("helix"), max_length=20, choices=Helix.choices)
    already_have = models.TextField(
        _("what you already have"),
        max_length=3000,
        help_text=_("Partners, premises, funding, experience: what the pilot can build on."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=TransferStatus.choices, default=TransferStatus.OPEN
    )
    conversation = models.OneToOneField(
        "community.Conversation",
        verbose_name=_("conversation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="transfer_request",
    )
    adapted_page = models.ForeignKey(
        "cms.PilotActionPage",
        verbose_name=_("new pilot action"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("asked on"), default=timezone.now)

    class Meta:
        verbose_name = _("request to adapt a pilot")
        verbose_name_plural = _("requests to adapt a pilot")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.pilot.title} → {self.region}"

    def get_absolute_url(self):
        return reverse("community:transfer", kwargs={"pk": self.pk})
