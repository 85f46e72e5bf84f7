"""What pilot actions, events and directory entries share as places (cms.models.location)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from cms import factories as f
from cms.models import PilotActionPage, Premises
from cms.models.location import Located
from events.pages.models import EventPage


@pytest.mark.parametrize("model", [PilotActionPage, EventPage, Premises])
def test_every_place_kind_has_the_same_bounded_coordinates(model):
    assert issubclass(model, Located)
    for name, limit in (("latitude", 90), ("longitude", 180)):
        field = model._meta.get_field(name)
        assert (field.max_digits, field.decimal_places, field.null) == (9, 6, True)
        bounds = sorted(v.limit_value for v in field.validators if hasattr(v, "limit_value"))
        assert bounds == [-limit, limit]


def test_geometry_puts_longitude_first():
    place = Premises(latitude=Decimal("45.4408"), longitude=Decimal("12.3155"))
    assert place.has_location
    assert place.point_geometry() == {"type": "Point", "coordinates": [12.3155, 45.4408]}


@pytest.mark.parametrize(
    ("latitude", "longitude", "errors"),
    [(None, None, set()), (Decimal("1"), Decimal("2"), set()), (Decimal("1"), None, {"longitude"})],
)
def test_a_half_given_location_is_an_error_on_longitude(latitude, longitude, errors):
    place = Premises(latitude=latitude, longitude=longitude)
    assert set(place.location_errors()) == errors
    assert place.has_location is (latitude is not None and longitude is not None)


def test_a_pilot_action_refuses_a_latitude_without_longitude(home):
    index = f.PilotActionIndexPageFactory(parent=home)
    page = f.PilotActionPageFactory(parent=index)
    page.latitude, page.longitude = Decimal("1"), None
    with pytest.raises(ValidationError) as raised:
        page.clean()
    assert "longitude" in raised.value.message_dict
