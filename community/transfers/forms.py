"""The forms of a request to adapt a pilot; bad input is reported beside its field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.models import Country
from cms.models.choices import Helix
from cms.text import SingleLineCharField
from community.transfers.models import TransferRequest


class TransferRequestForm(forms.ModelForm):
    class Meta:
        model = TransferRequest
        fields = ["country", "region", "organisation", "helix", "already_have"]
        labels = {
            "country": _("Your country"),
            "region": _("Your region"),
            "organisation": _("Your organisation"),
            "helix": _("Your organisation's helix"),
        }

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        countries = Country.objects.all()
        if locale is not None:
            countries = countries.filter(locale=locale)
        self.fields["country"].queryset = countries.order_by("name")
        self.fields["country"].required = True
        self.fields["helix"].choices = [("", "—"), *Helix.choices]


class AdaptForm(forms.Form):
    title = SingleLineCharField(label=_("Title of the new pilot action"), max_length=255)
    latitude = forms.DecimalField(
        label=_("Latitude"), max_digits=9, decimal_places=6, min_value=-90, max_value=90
    )
    longitude = forms.DecimalField(
        label=_("Longitude"), max_digits=9, decimal_places=6, min_value=-180, max_value=180
    )
