"""Newsletter forms: subscribing (public, spam-checked) and changing one's choices."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cms.antispam import AntispamMixin
from cms.chrome_cache import cached
from cms.i18n import localized_list
from cms.models import Topic

__all__ = ["CONSENT_TEXT", "PreferencesForm", "SubscribeForm"]

# Stored with the subscription, in the words and language the person agreed to.
CONSENT_TEXT = _(
    "I agree to receive the OpenSocialCluster newsletter by email, in the languages and on the "
    "topics I chose. I can unsubscribe at any time, from a link in every email."
)


def topic_queryset():
    """The topics in the reader's language (the source language's where one is missing).

    Which ones is kept in the chrome cache per language (topics change only when an editor
    changes them), so a form that does not show the field, like the home page's, reads none."""
    pks = cached(
        None,
        "newsletter-topics",
        [get_language()],
        lambda: [topic.pk for topic in localized_list(Topic.objects.all())],
    )
    return Topic.objects.filter(pk__in=pks)


class PreferencesForm(forms.Form):
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("You get each issue in every language you tick that it is written in."),
        error_messages={"required": _("Choose at least one language.")},
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every issue. Otherwise issues about these topics only."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = topic_queryset()
        if not self.is_bound and "languages" not in self.initial:
            self.initial["languages"] = [get_language()]


class SubscribeForm(AntispamMixin, PreferencesForm):
    email = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Please tick the box to agree, or we cannot subscribe you.")},
    )

    field_order = ["email", "languages", "topics", "consent"]
