"""Writing to a suggested partner: which one (its key) and the message."""

from django import forms
from django.utils.translation import gettext_lazy as _

__all__ = ["ContactPartnerForm"]


class ContactPartnerForm(forms.Form):
    key = forms.CharField(widget=forms.HiddenInput)
    body = forms.CharField(label=_("Your message"), max_length=5000, widget=forms.Textarea)
