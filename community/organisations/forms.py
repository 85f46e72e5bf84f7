"""Proposing an organisation that is not listed yet."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.i18n import LocalizedModelChoiceField
from cms.models import Country
from community.organisations.models import OrganisationProposal

__all__ = ["OrganisationProposalForm"]


class OrganisationProposalForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = OrganisationProposal
        fields = ["name", "website", "country", "helix", "description"]
        field_classes = {"country": LocalizedModelChoiceField}  # named in the reader's language
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"description": _("What the organisation does, in a few lines.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = Country.objects.filter(locale=Locale.get_default())
