"""The registration / application form: only what the profile does not already tell."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cms.antispam import AntispamMixin
from cms.chrome_cache import cached
from cms.i18n import localized_list
from cms.models import Country
from cms.models.choices import Helix
from cms.text import SingleLineCharField
from events.registrations.services import missing_snapshot_fields

__all__ = ["RegistrationForm", "OrganiserMessageForm"]

MOTIVATION_MAX = 2000


def country_choices():
    """The countries in the reader's language, kept in the chrome cache per language: they
    change only when an editor changes them (cms.chrome_cache)."""
    return cached(
        None,
        "country-choices",
        [get_language()],
        lambda: [("", "—")] + [(c.code, c.name) for c in localized_list(Country.objects.all())],
    )


class RegistrationForm(AntispamMixin, forms.Form):
    guest_name = SingleLineCharField(label=_("Your name"), max_length=200)
    guest_email = forms.EmailField(label=_("Your email"))
    stakeholder_type = forms.ChoiceField(
        label=_("You take part as"), choices=[("", "—"), *Helix.choices]
    )
    country_code = forms.ChoiceField(label=_("Your country"))
    language = forms.ChoiceField(label=_("The language you will speak"), choices=[])
    motivation = forms.CharField(
        label=_("Why do you want to join?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=MOTIVATION_MAX,
    )

    def __init__(self, *args, event, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        member = user if user is not None and user.is_authenticated else None
        self.member = member
        if member is not None:
            del self.fields["guest_name"]
            del self.fields["guest_email"]
            self.without_antispam()  # a signed-in member may register in one click
        keep = set(missing_snapshot_fields(member))
        for name in ("stakeholder_type", "country_code", "language"):
            if name not in keep:
                del self.fields[name]
        if "country_code" in self.fields:
            self.fields["country_code"].choices = country_choices()
        if "language" in self.fields:
            spoken = set(event.languages)
            choices = [(c, n) for c, n in settings.LANGUAGES if not spoken or c in spoken]
            self.fields["language"].choices = choices
            self.fields["language"].initial = get_language()
        if event.specific_class.participation != "application":
            del self.fields["motivation"]
        elif getattr(event.specific, "application_guidance", ""):
            self.fields["motivation"].help_text = event.specific.application_guidance

    @property
    def is_one_click(self):
        return not self.fields

    def snapshot(self):
        return {
            name: self.cleaned_data.get(name, "")
            for name in ("stakeholder_type", "country_code", "language")
        }


class OrganiserMessageForm(forms.Form):
    subject = SingleLineCharField(label=_("Subject"), max_length=150)
    message = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 10}))
