"""Shared, translatable snippets that pages point at: topics, countries, organisations, people."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.text import validate_single_line

from ..i18n import localized_options
from .choices import Helix, OrganisationKind

__all__ = [
    "Topic",
    "Country",
    "Organisation",
    "Person",
    "filter_by_vocabulary",
    "vocabulary_options",
]


class Topic(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120, validators=[validate_single_line])
    slug = models.SlugField(
        _("slug"), max_length=120, help_text=_("Used in filter links; the same in every language.")
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    override_translatable_fields = [SynchronizedField("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    api_fields = [APIField("name"), APIField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class Country(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=120, validators=[validate_single_line])
    code = models.CharField(
        _("ISO code"),
        max_length=2,
        help_text=_("Two-letter ISO 3166 code, e.g. IT; used in filter links and exports."),
    )

    panels = [FieldPanel("name"), FieldPanel("code")]
    override_translatable_fields = [SynchronizedField("code")]
    api_fields = [APIField("name"), APIField("code")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("code", "locale")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.code = self.code.upper()
        super().save(*args, **kwargs)


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """A project partner, a social-economy entity or another stakeholder organisation."""

    name = models.CharField(_("name"), max_length=255, validators=[validate_single_line])
    short_name = models.CharField(
        _("short name"), max_length=60, blank=True, validators=[validate_single_line]
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.PARTNER
    )
    helix = models.CharField(_("helix"), max_length=20, choices=Helix.choices, blank=True)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    city = models.CharField(
        _("city"), max_length=120, blank=True, validators=[validate_single_line]
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.TextField(_("description"), blank=True)
    # Consent: only organisations that said yes are suggested as partners (default no).
    open_to_partnering = models.BooleanField(
        _("open to being suggested as a partner"),
        default=False,
        help_text=_(
            "Tick only when the organisation agreed to be suggested to members looking for "
            "partners; they then write to its members through the site's messages."
        ),
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("helix")]),
        FieldRowPanel([FieldPanel("country"), FieldPanel("city")]),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("description"),
        FieldPanel("open_to_partnering"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("Location"),
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
    ]
    api_fields = [
        APIField("name"),
        APIField("short_name"),
        APIField("kind"),
        APIField("helix"),
        APIField("city"),
        APIField("website"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Person(TranslatableMixin, index.Indexed, models.Model):
    """An author or speaker; not necessarily a member with an account."""

    name = models.CharField(_("name"), max_length=200, validators=[validate_single_line])
    role = models.CharField(
        _("role"), max_length=200, blank=True, validators=[validate_single_line]
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("biography"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    # Consent to be contacted about the pilots this person is a kit contact of. The messages go
    # to `member`'s account; no email address is ever shown.
    contactable = models.BooleanField(
        _("agreed to be contacted"),
        default=False,
        help_text=_(
            "Tick only when this person agreed to be contacted about their pilots through the "
            "site's private messages."
        ),
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The account that receives requests to adapt this person's pilots."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("website"),
        FieldRowPanel([FieldPanel("contactable"), FieldPanel("member")]),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    api_fields = [APIField("name"), APIField("role")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def citation_name(self):
        """'Surname, N.' for citations; single-word names are kept as they are."""
        parts = self.name.split()
        if len(parts) < 2:
            return self.name
        initials = " ".join(f"{p[0]}." for p in parts[:-1])
        return f"{parts[-1]}, {initials}"


def vocabulary_options(pages, country_field="countries", topic_field="topics"):
    """Filter-form choices: the countries (ISO code, name) and topics (slug, name) that the
    given pages use, so a listing never offers a filter that returns nothing. Named in the
    reader's language, whichever language's records the pages point at (an untranslated copy
    keeps the source's)."""
    countries = Country.objects.filter(pk__in=pages.values(country_field))
    topics = Topic.objects.filter(pk__in=pages.values(topic_field))
    return {
        "countries": localized_options(countries, "code"),
        "topics": localized_options(topics, "slug"),
    }


def filter_by_vocabulary(pages, filters, country_field="countries"):
    """Pages narrowed to the filters' country (ISO code) and topic (slug), each page once."""
    if filters.country:
        pages = pages.filter(**{f"{country_field}__code": filters.country})
    if filters.topic:
        pages = pages.filter(topics__slug=filters.topic)
    return pages.distinct() if filters.country or filters.topic else pages
