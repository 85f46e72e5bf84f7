"""Social-economy directory and premises register: entries members propose and editors check,
searchable by CPV code prefix, region and sector, mapped by MapPage (cms.models.maps)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from cms.opendata.vocabularies import Availability, EntityKind, ReviewStatus
from cms.text import validate_single_line

from .choices import Sector
from .location import Located

__all__ = [
    "DirectoryImport",
    "EntityCpvCode",
    "EntitySector",
    "Premises",
    "SocialEconomyEntity",
]

cpv_code_validator = RegexValidator(
    r"^\d{8}$", _("A CPV code has eight digits, e.g. 90910000 (the check digit is left out).")
)


class DirectoryQuerySet(models.QuerySet):
    def published(self):
        """What readers see: entries an editor has checked and published."""
        return self.filter(status=ReviewStatus.PUBLISHED)

    def filtered(self, filters):
        """Narrowed by DirectoryFilters: text, country, region, and for entities kind, sector
        and CPV code prefix."""
        qs = self
        if filters.q:
            qs = qs.filter(
                models.Q(name__icontains=filters.q) | models.Q(city__icontains=filters.q)
            )
        if filters.country:
            qs = qs.filter(country__code=filters.country)
        if filters.region:
            qs = qs.filter(region__iexact=filters.region)
        if self.model is SocialEconomyEntity:
            if filters.kind:
                qs = qs.filter(kind=filters.kind)
            if filters.sector:
                qs = qs.filter(sectors__sector=filters.sector)
            if filters.cpv:
                qs = qs.filter(cpv_codes__code__startswith=filters.cpv)
            if filters.sector or filters.cpv:
                qs = qs.distinct()
        return qs

    def for_listing(self):
        qs = self.select_related("country")
        if self.model is SocialEconomyEntity:
            qs = qs.prefetch_related("sectors", "cpv_codes")
        return qs.order_by("name", "pk")

    def regions(self):
        return list(self.order_by("region").values_list("region", flat=True).distinct())


class DirectoryEntry(Located):
    """What entities and premises share: where, contact, and the review before publication."""

    reference = models.CharField(
        _("reference"),
        max_length=60,
        unique=True,
        null=True,
        blank=True,
        help_text=_("The register's own identifier; a CSV import updates the entry with it."),
        validators=[validate_single_line],
    )
    name = models.CharField(_("name"), max_length=200, validators=[validate_single_line])
    description = models.TextField(_("description"), blank=True)
    # Entries are not translated: each is written once, in one language, and shown as written
    # in every language's listing, marked with that language where it is not the reader's.
    content_language = models.CharField(
        _("language of the texts"),
        max_length=7,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the description and the other texts are written in."),
    )
    address = models.CharField(
        _("address"), max_length=255, blank=True, validators=[validate_single_line]
    )
    postcode = models.CharField(
        _("postcode"), max_length=20, blank=True, validators=[validate_single_line]
    )
    city = models.CharField(
        _("town or city"), max_length=120, blank=True, validators=[validate_single_line]
    )
    region = models.CharField(
        _("region"), max_length=120, db_index=True, validators=[validate_single_line]
    )
    country = models.ForeignKey(
        "cms.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(
        _("contact email"), blank=True, help_text=_("The organisation's address, not a person's.")
    )
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, validators=[validate_single_line]
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DirectoryQuerySet.as_manager()

    location_panels = [
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
        FieldRowPanel([FieldPanel("region"), FieldPanel("country")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if errors := self.location_errors():
            raise ValidationError(errors)

    @property
    def is_published(self):
        return self.status == ReviewStatus.PUBLISHED

    def geojson_properties(self):
        return {
            "title": self.name,
            "city": self.city,
            "region": self.region,
            "country": self.country.code if self.country else "",
        }

    def as_geojson_feature(self):
        return {
            "type": "Feature",
            "id": f"{self._meta.model_name}-{self.pk}",
            "geometry": self.point_geometry(),
            "properties": self.geojson_properties(),
        }


class SocialEconomyEntity(DirectoryEntry, ClusterableModel):
    kind = models.CharField(_("kind"), max_length=30, choices=EntityKind.choices)
    offer = models.TextField(
        _("what they offer"), blank=True, help_text=_("Goods and services, for public buyers.")
    )
    # Consent: only entities that said yes are suggested as partners (default no); members
    # then write to whoever registered the entry, through the site's messages.
    open_to_partnering = models.BooleanField(
        _("open to being suggested as a partner"),
        default=False,
        help_text=_(
            "Tick only when the entity agreed to be suggested to members looking for partners."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("reference")]),
        FieldPanel("description"),
        FieldPanel("offer"),
        FieldPanel("open_to_partnering"),
        FieldPanel("content_language"),
        InlinePanel("sectors", label=_("Sectors")),
        InlinePanel("cpv_codes", label=_("CPV codes")),
        MultiFieldPanel(DirectoryEntry.location_panels, heading=_("Location")),
        FieldRowPanel([FieldPanel("website"), FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("status"),
    ]

    class Meta(DirectoryEntry.Meta):
        verbose_name = _("social-economy entity")
        verbose_name_plural = _("social-economy entities")

    def sector_values(self):
        return [row.sector for row in self.sectors.all()]

    def sector_labels(self):
        return [row.get_sector_display() for row in self.sectors.all()]

    def cpv_values(self):
        return [row.code for row in self.cpv_codes.all()]

    def geojson_properties(self):
        return {
            **super().geojson_properties(),
            "kind": self.kind,
            "kind_label": str(self.get_kind_display()),
            "sectors": self.sector_values(),
            "cpv_codes": self.cpv_values(),
            "website": self.website,
        }


class EntitySector(Orderable):
    entity = ParentalKey(SocialEconomyEntity, on_delete=models.CASCADE, related_name="sectors")
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)

    panels = [FieldPanel("sector")]

    class Meta(Orderable.Meta):
        verbose_name = _("sector")
        constraints = [
            models.UniqueConstraint(fields=["entity", "sector"], name="entity_sector_once")
        ]


class EntityCpvCode(Orderable):
    """A Common Procurement Vocabulary code: what the entity can supply to public buyers."""

    entity = ParentalKey(SocialEconomyEntity, on_delete=models.CASCADE, related_name="cpv_codes")
    code = models.CharField(
        _("CPV code"), max_length=8, validators=[cpv_code_validator], db_index=True
    )

    panels = [FieldPanel("code")]

    class Meta(Orderable.Meta):
        verbose_name = _("CPV code")
        constraints = [models.UniqueConstraint(fields=["entity", "code"], name="entity_cpv_once")]


class Premises(DirectoryEntry):
    """A space available to social innovators."""

    size_m2 = models.PositiveIntegerField(_("size (m²)"), null=True, blank=True)
    conditions = models.TextField(
        _("conditions"), blank=True, help_text=_("Rent or free use, duration, who may apply.")
    )
    availability = models.CharField(
        _("availability"),
        max_length=20,
        choices=Availability.choices,
        default=Availability.AVAILABLE,
    )
    available_from = models.DateField(_("available from"), null=True, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("reference"),
        FieldPanel("description"),
        FieldRowPanel(
            [FieldPanel("size_m2"), FieldPanel("availability"), FieldPanel("available_from")]
        ),
        FieldPanel("conditions"),
        FieldPanel("content_language"),
        MultiFieldPanel(DirectoryEntry.location_panels, heading=_("Location")),
        FieldRowPanel([FieldPanel("website"), FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("status"),
    ]

    class Meta(DirectoryEntry.Meta):
        verbose_name = _("premises")
        verbose_name_plural = _("premises")

    @property
    def availability_label(self):
        """The availability as a reader says it: "Available from 1 March 2026", not the choice's
        generic label followed by a bare date."""
        if self.availability == Availability.FROM_DATE and self.available_from:
            return gettext("Available from %(date)s") % {
                "date": date_format(self.available_from, "DATE_FORMAT")
            }
        return str(self.get_availability_display())

    def geojson_properties(self):
        return {
            **super().geojson_properties(),
            "size_m2": self.size_m2,
            "availability": self.availability,
            "availability_label": self.availability_label,
        }

    def clean(self):
        super().clean()
        if self.availability == Availability.FROM_DATE and not self.available_from:
            raise ValidationError({"available_from": _("Give the date the space is free from.")})


class DirectoryImport(models.Model):
    """One CSV import of entities or premises, run as a background task, with its report."""

    class Kind(models.TextChoices):
        ENTITIES = "entities", _("Social-economy entities")
        PREMISES = "premises", _("Premises")

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("what to import"), max_length=20, choices=Kind.choices)
    file_name = models.CharField(_("file name"), max_length=255)
    content = models.TextField(_("CSV content"))
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.QUEUED)
    report = models.JSONField(_("row-by-row report"), default=list, blank=True)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("directory import")
        verbose_name_plural = _("directory imports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.file_name}"
