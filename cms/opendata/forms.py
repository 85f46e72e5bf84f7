"""Forms members use to propose a social-economy entity or premises; an editor publishes."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cms.models.choices import Sector
from cms.text import SingleLineCharField

__all__ = ["EntityProposalForm", "PremisesProposalForm", "parse_cpv_codes"]

CPV = re.compile(r"^(\d{8})(-\d)?$")


def parse_cpv_codes(raw):
    """CPV codes from free text ("90910000-9, 55520000"): eight digits each, the check digit
    dropped; raises ValidationError naming the codes it cannot read."""
    codes, bad = [], []
    for token in re.split(r"[\s,;|]+", raw or ""):
        if not token:
            continue
        match = CPV.match(token)
        if match:
            if match.group(1) not in codes:
                codes.append(match.group(1))
        else:
            bad.append(token)
    if bad:
        raise ValidationError(
            _("Not CPV codes: %(codes)s. A CPV code has eight digits, e.g. 90910000-9.")
            % {"codes": ", ".join(bad)}
        )
    return codes


class EntityProposalForm(forms.Form):
    name = SingleLineCharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind of entity"))
    offer = forms.CharField(
        label=_("What you offer"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Goods and services, so public buyers can find you."),
    )
    sectors = forms.MultipleChoiceField(
        label=_("Sectors"), choices=Sector.choices, widget=forms.CheckboxSelectMultiple
    )
    cpv_codes = SingleLineCharField(
        label=_("CPV codes"),
        required=False,
        help_text=_("Codes of the EU procurement vocabulary, separated by commas."),
    )
    address = SingleLineCharField(label=_("Address"), max_length=255, required=False)
    postcode = SingleLineCharField(label=_("Postcode"), max_length=20, required=False)
    city = SingleLineCharField(label=_("Town or city"), max_length=120)
    region = SingleLineCharField(label=_("Region"), max_length=120)
    country = forms.ChoiceField(label=_("Country"), required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    email = forms.EmailField(
        label=_("Contact email"),
        required=False,
        help_text=_("The organisation's address, shown publicly."),
    )

    def __init__(self, *args, kinds=(), countries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = list(kinds)
        self.fields["country"].choices = [("", "—"), *countries]

    def clean_cpv_codes(self):
        return parse_cpv_codes(self.cleaned_data.get("cpv_codes"))


class PremisesProposalForm(forms.Form):
    name = SingleLineCharField(label=_("Name of the space"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}))
    size_m2 = forms.IntegerField(label=_("Size (m²)"), min_value=1, required=False)
    conditions = forms.CharField(
        label=_("Conditions"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    address = SingleLineCharField(label=_("Address"), max_length=255)
    postcode = SingleLineCharField(label=_("Postcode"), max_length=20, required=False)
    city = SingleLineCharField(label=_("Town or city"), max_length=120)
    region = SingleLineCharField(label=_("Region"), max_length=120)
    country = forms.ChoiceField(label=_("Country"), required=False)
    email = forms.EmailField(label=_("Contact email"), required=False)

    def __init__(self, *args, countries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—"), *countries]
