"""The organiser's forms: turn an idea into a result, and update a result."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.models import PilotActionPage
from cms.text import SingleLineCharField
from community.results.models import ResultStatus


def pilot_actions():
    """The existing pilot actions a result may be attached to (source-language pages)."""
    return PilotActionPage.objects.live().filter(locale=Locale.get_default()).order_by("title")


class MakeResultForm(forms.Form):
    pilot_action = forms.ModelChoiceField(
        label=_("Attach to a pilot action (optional)"),
        queryset=PilotActionPage.objects.none(),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pilot_action"].queryset = pilot_actions()


class ResultUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ResultStatus.choices)
    progress = forms.IntegerField(
        label=_("Progress (%)"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        widget=forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
    )
    stopped_reason = forms.CharField(
        label=_("Why it stopped"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the result is stopped."),
    )
    pilot_action = forms.ModelChoiceField(
        label=_("Pilot action"),
        queryset=PilotActionPage.objects.none(),
        required=False,
        help_text=_("The pilot action this idea became part of, if any."),
    )
    milestone_title = SingleLineCharField(label=_("New milestone"), required=False, max_length=200)
    milestone_date = forms.DateField(
        label=_("Milestone date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pilot_action"].queryset = pilot_actions()

    def clean(self):
        data = super().clean()
        stopped = data.get("status") == ResultStatus.STOPPED
        if stopped and not data.get("stopped_reason", "").strip():
            self.add_error(
                "stopped_reason", _("Say why the result stopped: its followers will read it.")
            )
        title, date = data.get("milestone_title", "").strip(), data.get("milestone_date")
        if title and not date:
            self.add_error("milestone_date", _("Give the milestone a date."))
        if date and not title:
            self.add_error("milestone_title", _("Name the milestone."))
        return data

    def milestone(self):
        title = self.cleaned_data.get("milestone_title", "").strip()
        return (title, self.cleaned_data["milestone_date"]) if title else None
