"""Privacy: each member's data exports ("download my data")."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = ["DataExport"]


def export_token():
    return secrets.token_urlsafe(32)


def export_upload_to(instance, filename):
    return f"private/exports/{secrets.token_urlsafe(24)}.zip"


class DataExport(models.Model):
    """A member's "download my data" archive, built in the background; served only to its
    owner, through a view, until it expires."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="data_exports",
    )
    token = models.CharField(max_length=64, unique=True, default=export_token, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    archive = models.FileField(_("archive"), upload_to=export_upload_to, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)

    class Meta:
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")
        ordering = ["-requested_at"]

    def __str__(self):
        return f"{self.user_id} {self.requested_at:%Y-%m-%d}"

    def is_downloadable(self, now=None):
        return (
            self.status == self.Status.READY
            and bool(self.archive)
            and self.expires_at is not None
            and (now or timezone.now()) < self.expires_at
        )
