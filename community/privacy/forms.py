"""Forms of the privacy pages: accepting the policy, deleting the account."""

from django import forms
from django.utils.translation import gettext_lazy as _

__all__ = ["AcceptPolicyForm", "DeleteAccountForm"]


class AcceptPolicyForm(forms.Form):
    accept = forms.BooleanField(
        label=_("I have read and accept the privacy policy."),
        error_messages={"required": _("Tick the box to accept the privacy policy.")},
    )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To make sure it is you."),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and personal data are deleted for good."),
        error_messages={"required": _("Tick the box to confirm.")},
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data.get("password", "")
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."), code="wrong_password")
        return password
