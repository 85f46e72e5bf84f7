"""Account forms: the sign-up form asks for the name and language we need from day one."""

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cms.antispam import AntispamMixin
from cms.text import SingleLineCharField
from community.members.consent import record_consent
from community.members.models import PrivacyPolicyVersion


class LoginForm(AllauthLoginForm):
    """allauth's login form, its checkbox in the site's sentence case and plain words."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "remember" in self.fields:
            self.fields["remember"].label = _("Keep me logged in")


class SignupForm(AntispamMixin, AllauthSignupForm):
    display_name = SingleLineCharField(
        label=_("Display name"),
        max_length=120,
        required=False,
        help_text=_("How your name appears to other members."),
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=settings.LANGUAGES,
        help_text=_("Emails and notifications are sent in this language."),
    )

    accept_privacy_policy = forms.BooleanField(
        label=_("I have read and accept the privacy policy."),
        error_messages={"required": _("Tick the box to accept the privacy policy.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        if current in dict(settings.LANGUAGES):
            self.fields["preferred_language"].initial = current
        # Consent is recorded against a published policy version; none yet, nothing to accept.
        if PrivacyPolicyVersion.current() is None:
            del self.fields["accept_privacy_policy"]

    def try_save(self, request):
        """Do the same slow work whether or not the address is taken.

        With enumeration prevention (allauth's default) a taken address gets the same answer as
        a new one, but only a new account's password was hashed, so the answer came ~25 times
        faster and told who is registered. Hash the typed password either way.
        """
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)

    def save(self, request):
        user = super().save(request)
        user.display_name = self.cleaned_data.get("display_name", "")
        user.preferred_language = self.cleaned_data["preferred_language"]
        user.save(update_fields=["display_name", "preferred_language"])
        record_consent(user)  # the policy version in effect, and when
        return user
