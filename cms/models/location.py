"""A place on the map: what pilot actions, events and directory entries share."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["Located"]


def _coordinate(name, limit):
    return models.DecimalField(
        name,
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-limit), MaxValueValidator(limit)],
    )


class Located(models.Model):
    """Latitude and longitude, both or neither, and the GeoJSON point they make.

    No clean() of its own: each model's clean() adds location_errors() to the errors it
    gathers, so an editor sees every problem of the form at once.
    """

    latitude = _coordinate(_("latitude"), 90)
    longitude = _coordinate(_("longitude"), 180)

    class Meta:
        abstract = True

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    def location_errors(self):
        """Field errors of a half-given location, for a clean() that gathers its errors."""
        if (self.latitude is None) != (self.longitude is None):
            return {"longitude": _("Give both latitude and longitude, or neither.")}
        return {}

    def point_geometry(self):
        # GeoJSON order is longitude, latitude (RFC 7946).
        return {"type": "Point", "coordinates": [float(self.longitude), float(self.latitude)]}
