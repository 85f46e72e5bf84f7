"""The new-message form, the reply form and the report form of private messages."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from cms.text import SingleLineCharField
from community.conversations.models import MAX_RECIPIENTS
from community.members.permissions import visible_profiles
from community.moderation.forms import ReportForm

__all__ = ["MessageReportForm", "NewConversationForm", "ReplyForm", "refusal_to_form"]

BODY_MAX_LENGTH = 5000


class RecipientChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        # A name, never an email address.
        return obj.get_display_name()


class NewConversationForm(forms.Form):
    recipients = RecipientChoiceField(
        label=gettext_lazy("To"),
        queryset=get_user_model().objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    # dir="auto": members type in their own language, whatever the page's direction.
    subject = SingleLineCharField(
        label=gettext_lazy("Subject"),
        max_length=200,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    body = forms.CharField(
        label=gettext_lazy("Message"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
        help_text=gettext_lazy("Plain text; line breaks are kept."),
    )

    def __init__(self, *args, sender, **kwargs):
        super().__init__(*args, **kwargs)
        # Members whose profile the sender may see, by name; whether each accepts the
        # message is asked when it is sent, and said beside the field.
        self.fields["recipients"].queryset = visible_profiles(
            get_user_model().objects.exclude(pk=sender.pk), sender
        ).order_by("display_name", "first_name", "last_name", "pk")
        self.fields["recipients"].help_text = _(
            "One member, or up to %(count)d for a small group. Each member chooses who may "
            "write to them."
        ) % {"count": MAX_RECIPIENTS}

    def clean_recipients(self):
        recipients = self.cleaned_data["recipients"]
        if len(recipients) > MAX_RECIPIENTS:
            raise ValidationError(
                ngettext(
                    "Write to at most %(count)d member at once.",
                    "Write to at most %(count)d members at once.",
                    MAX_RECIPIENTS,
                )
                % {"count": MAX_RECIPIENTS}
            )
        return recipients


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Your reply"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
        help_text=gettext_lazy("Plain text; line breaks are kept."),
    )


class MessageReportForm(ReportForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = _("What is wrong with this message?")


def refusal_to_form(form, refusal):
    """Put a service's refusal beside its field (each refused recipient named with the reason),
    or above the form."""
    field = refusal.field if refusal.field in form.fields else None
    refusals = getattr(refusal, "refusals", None)
    if refusals:
        for member, reason in refusals:
            form.add_error(
                field,
                ValidationError(
                    _("%(name)s: %(reason)s")
                    % {"name": f"\u2068{member.get_display_name()}\u2069", "reason": reason}
                ),
            )
        return
    form.add_error(field, ValidationError(refusal.message))
