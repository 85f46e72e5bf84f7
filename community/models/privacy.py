"""Privacy: the policy's versions, each member's consent to them, and their data exports."""

import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

__all__ = ["Consent", "DataExport", "PrivacyPolicyVersion"]

CURRENT_POLICY_CACHE_KEY = "community:privacy-policy-version"


class PrivacyPolicyVersion(models.Model):
    """A version of the privacy policy. When a newer one takes effect, members accept it again
    before going on (community.consent.PolicyConsentMiddleware)."""

    version = models.CharField(
        _("version"), max_length=40, unique=True, help_text=_("For example 2026-11 or 2.1.")
    )
    effective_at = models.DateTimeField(
        _("takes effect"),
        default=timezone.now,
        help_text=_("From this moment, members are asked to accept this version."),
    )
    changes = models.TextField(
        _("what changed"), blank=True, help_text=_("Shown to members when they accept it.")
    )

    panels = [FieldPanel("version"), FieldPanel("effective_at"), FieldPanel("changes")]

    class Meta:
        verbose_name = _("privacy policy version")
        verbose_name_plural = _("privacy policy versions")
        ordering = ["-effective_at"]

    def __str__(self):
        return self.version

    @classmethod
    def current(cls):
        """The version in effect now, or None while none has been published. Cached briefly:
        every signed-in request asks."""
        cached = cache.get(CURRENT_POLICY_CACHE_KEY)
        if cached is None:
            latest = cls.objects.filter(effective_at__lte=timezone.now()).first()
            # The next version's start bounds the cache, so it takes effect on time.
            upcoming = (
                cls.objects.filter(effective_at__gt=timezone.now())
                .order_by("effective_at")
                .values_list("effective_at", flat=True)
                .first()
            )
            timeout = 300
            if upcoming:
                timeout = max(1, min(timeout, int((upcoming - timezone.now()).total_seconds())))
            cached = (latest.pk, latest.version, latest.changes) if latest else ()
            cache.set(CURRENT_POLICY_CACHE_KEY, cached, timeout)
        if not cached:
            return None
        pk, version, changes = cached
        return cls(pk=pk, version=version, changes=changes)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(CURRENT_POLICY_CACHE_KEY)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        cache.delete(CURRENT_POLICY_CACHE_KEY)
        return result


class Consent(models.Model):
    """A member accepted a version of the privacy policy at a given time."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="consents",
    )
    version = models.CharField(_("policy version"), max_length=40)
    accepted_at = models.DateTimeField(_("accepted at"), default=timezone.now)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-accepted_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "version"], name="one_consent_per_version")
        ]

    def __str__(self):
        return f"{self.version} @ {self.accepted_at:%Y-%m-%d %H:%M}"


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
