"""StreamField blocks of the events app."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from events.pages.models.choices import CapDimension

BLOCK_TEMPLATES = "components/streamfield/blocks/"


class CapBlock(blocks.StructBlock):
    """At most N seats, or N % of the capacity, for one stakeholder type, country or language."""

    dimension = blocks.ChoiceBlock(choices=CapDimension.choices, label=_("Applies to"))
    value = blocks.CharBlock(
        label=_("Value"),
        max_length=30,
        help_text=_(
            "Stakeholder type (academia, business, public, civil-society), two-letter country "
            "code (IT) or language code (it)."
        ),
    )
    label = blocks.CharBlock(label=_("Label shown on the page"), required=False, max_length=80)
    max_seats = blocks.IntegerBlock(label=_("At most (seats)"), required=False, min_value=0)
    max_percent = blocks.IntegerBlock(
        label=_("At most (percentage of the seats)"), required=False, min_value=0, max_value=100
    )

    class Meta:
        icon = "group"
        preview_value = {"dimension": "stakeholder_type", "value": "business", "max_percent": 40}
        description = _("Keeps participation balanced: registrations over the cap wait.")

    def clean(self, value):
        value = super().clean(value)
        if (value.get("max_seats") is None) == (value.get("max_percent") is None):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "max_seats": ValidationError(
                        _("Give either a number of seats or a percentage.")
                    )
                }
            )
        return value
