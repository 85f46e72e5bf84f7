"""Forms of moderation: a member's report, and the moderators' reasons and blocks."""

from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.moderation.models import ReportReason

__all__ = ["BlockForm", "ReasonForm", "ReportForm"]


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this post?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
    )
    details = forms.CharField(
        label=_("Details for the moderators"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only the moderators read this. Required if you chose “Something else”."),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The author sees it."),
    )

    def __init__(self, *args, required=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = required


class BlockForm(forms.Form):
    DURATIONS = [
        ("1", _("1 day")),
        ("7", _("7 days")),
        ("30", _("30 days")),
        ("until", _("Until a date")),
        ("forever", _("For good")),
    ]

    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The member sees it when they try to post."),
    )
    duration = forms.ChoiceField(
        label=_("For how long"), choices=DURATIONS, initial="7", widget=forms.RadioSelect
    )
    until = forms.DateTimeField(
        label=_("Until"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("Only with “Until a date”."),
    )
    everywhere = forms.BooleanField(
        label=_("Block posting in every space (staff only)"), required=False
    )

    def __init__(self, *args, may_block_everywhere=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_block_everywhere:
            del self.fields["everywhere"]

    def clean(self):
        cleaned_data = super().clean()
        duration = cleaned_data.get("duration")
        if duration == "until":
            until = cleaned_data.get("until")
            if until is None:
                self.add_error("until", _("Choose the date the block ends."))
            elif until <= timezone.now():
                self.add_error("until", _("Choose a time in the future."))
        return cleaned_data

    def block_until(self):
        """When the block ends (None: for good)."""
        duration = self.cleaned_data["duration"]
        if duration == "forever":
            return None
        if duration == "until":
            return self.cleaned_data["until"]
        return timezone.now() + timedelta(days=int(duration))

    def block_everywhere(self):
        return bool(self.cleaned_data.get("everywhere"))


def refusal_to_form(form, refusal):
    """Put a service's refusal beside its field, or above the form."""
    field = refusal.field if refusal.field in form.fields else None
    form.add_error(field, ValidationError(refusal.message))
