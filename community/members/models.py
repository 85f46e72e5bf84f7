"""The community's people: the user model, which also carries the member's profile, and
their consent to the privacy policy's versions.

The profile lives on the user row (one query for a member and their profile everywhere) and
exposes the contract other apps rely on: `time_zone`, `stakeholder_type`, `country_code` and
`languages`.
"""

import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from cms.models.choices import Helix
from cms.text import validate_single_line
from cms.writing import markdown_to_html

__all__ = [
    "SPOKEN_LANGUAGE_CODES",
    "Consent",
    "MessagePolicy",
    "PrivacyPolicyVersion",
    "ProfileVisibility",
    "User",
    "UserManager",
    "validate_time_zone",
]

# The site's languages first, then others common in the network's regions.
SPOKEN_LANGUAGE_CODES = (
    *(code for code, _name in settings.LANGUAGES),
    *("de", "sq", "tr", "sr", "bs", "mk", "he", "ca"),
)


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("Choose a time zone from the list."), code="invalid_time_zone")


def default_time_zone():
    return settings.TIME_ZONE


def avatar_upload_to(instance, filename):
    # The name members gave their file never reaches storage: services name it.
    return f"avatars/{filename}"


class ProfileVisibility(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Signed-in members only")
    HIDDEN = "hidden", _("Nobody (hidden from the directory)")


class MessagePolicy(models.TextChoices):
    """Who may start a private conversation with a member (community.conversations decides)."""

    MEMBERS = "members", _("Any member")
    GROUPS = "groups", _("Members of my groups (focus groups, organisations, discussion spaces)")
    NOBODY = "nobody", _("Nobody")


class UserManager(BaseUserManager):
    """Email is the login: there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A member of the network; logs in with their email address."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    # AbstractUser's names, redeclared only to refuse line breaks (cms.text).
    first_name = models.CharField(
        _("first name"), max_length=150, blank=True, validators=[validate_single_line]
    )
    last_name = models.CharField(
        _("last name"), max_length=150, blank=True, validators=[validate_single_line]
    )
    display_name = models.CharField(
        _("display name"),
        max_length=120,
        blank=True,
        help_text=_("How your name appears to other members."),
        validators=[validate_single_line],
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Emails and notifications are sent in this language."),
    )

    # Profile.
    avatar = models.ImageField(
        _("avatar"), upload_to=avatar_upload_to, blank=True, width_field=None, height_field=None
    )
    stakeholder_type = models.CharField(
        _("stakeholder type"), max_length=20, choices=Helix.choices, blank=True
    )
    organisation = models.ForeignKey(
        "cms.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    role = models.CharField(
        _("role"), max_length=150, blank=True, validators=[validate_single_line]
    )
    country = models.ForeignKey(
        "cms.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Comma-framed language codes (",en,it,"): filterable with one LIKE on every database,
    # which a JSON list is not on SQLite. Read it through `languages`.
    languages_spoken = models.CharField(_("languages spoken"), max_length=200, blank=True)
    topics = models.ManyToManyField(
        "cms.Topic", verbose_name=_("topics of interest"), blank=True, related_name="+"
    )
    # Markdown as typed (the members' editor); before the editor it was plain text, which
    # renders the same (`bio_html`: HTML-looking text stays text).
    bio = models.TextField(_("short bio"), blank=True, max_length=4000)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=default_time_zone,
        validators=[validate_time_zone],
    )
    profile_visibility = models.CharField(
        _("who can see my profile"),
        max_length=10,
        choices=ProfileVisibility.choices,
        default=ProfileVisibility.MEMBERS,
    )
    message_policy = models.CharField(
        _("who can send me private messages"),
        max_length=10,
        choices=MessagePolicy.choices,
        default=MessagePolicy.GROUPS,
    )
    # Consent: only members who said yes are suggested as partners (community.partnering), and
    # only to readers their profile visibility lets see them. Default no.
    open_to_partnering = models.BooleanField(
        _("suggest me as a partner"),
        default=False,
        help_text=_(
            "Members looking for partners for a pilot or an idea may see your name, country, "
            "helix and topics, with the reasons, and write to you through the site's messages. "
            "Your email address is never shown."
        ),
    )
    # Set when the account was deleted: the row stays so contributions keep an author,
    # shown as "former member", with every personal field emptied.
    erased_at = models.DateTimeField(_("erased at"), null=True, blank=True, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return self.get_display_name()

    def get_display_name(self):
        if self.erased_at:
            return str(_("Former member"))
        return self.display_name or self.get_full_name() or self.email.split("@")[0]

    def bio_html(self):
        """The bio rendered (Markdown, through the one sanitiser); what was typed as "<b>"
        shows as typed. Rendered when shown: one profile at a time."""
        return mark_safe(markdown_to_html(self.bio, allow_html=False))  # noqa: S308

    def get_short_name(self):
        return self.first_name or self.get_display_name()

    @property
    def languages(self):
        """The language codes this member speaks, in the order they chose them."""
        return [code for code in self.languages_spoken.split(",") if code]

    @languages.setter
    def languages(self, codes):
        unique = list(dict.fromkeys(code for code in codes if code in SPOKEN_LANGUAGE_CODES))
        self.languages_spoken = f",{','.join(unique)}," if unique else ""

    @property
    def language_names(self):
        """The spoken languages, each named in its own language."""
        return [get_language_info(code)["name_local"] for code in self.languages]

    @property
    def country_code(self):
        """ISO 3166 alpha-2 of the member's country, or ""."""
        return self.country.code if self.country_id and self.country else ""

    @property
    def zoneinfo(self):
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(settings.TIME_ZONE)


# ---------- Consent to the privacy policy ----------

CURRENT_POLICY_CACHE_KEY = "community:privacy-policy-version"


class PrivacyPolicyVersion(models.Model):
    """A version of the privacy policy. When a newer one takes effect, members accept it again
    before going on (community.members.consent.PolicyConsentMiddleware)."""

    version = models.CharField(
        _("version"),
        max_length=40,
        unique=True,
        help_text=_("For example 2026-11 or 2.1."),
        validators=[validate_single_line],
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
