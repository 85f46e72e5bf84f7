"""The member's own profile form: every field checked beside itself, nothing typed lost.

Name and role are plain text: stored as typed (the form strips surrounding spaces) and escaped
once, where they are shown. The bio is Markdown, written with the members' editor and stored
as typed (community/members/writing.py); HTML typed in it shows as text."""

import zoneinfo

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.i18n import LocalizedModelChoiceField, LocalizedModelMultipleChoiceField
from cms.models import Country, Organisation, Topic
from cms.uploads import reencode_avatar
from community.members.directory import language_choices
from community.members.models import User
from community.members.writing import MarkdownTextarea

__all__ = ["ProfileForm"]


def time_zone_choices():
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


def _default_locale(queryset):
    # Snippets exist once per language; members pick the source-language record, which
    # every translation shares a translation key with.
    return queryset.filter(locale=Locale.get_default())


class ProfileForm(forms.ModelForm):
    avatar = forms.FileField(
        label=_("Avatar"),
        required=False,
        help_text=_("A JPEG, PNG, WebP or GIF image up to 5 MB; it is resized to 512 pixels."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}
        ),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        required=False,
        choices=language_choices,
        widget=forms.CheckboxSelectMultiple,
    )
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=time_zone_choices,
        help_text=_("Event times and deadlines are shown in this time zone."),
    )

    class Meta:
        model = User
        fields = [
            "display_name",
            "avatar",
            "stakeholder_type",
            "organisation",
            "role",
            "country",
            "languages",
            "topics",
            "bio",
            "time_zone",
            "preferred_language",
            "profile_visibility",
            "message_policy",
            "open_to_partnering",
        ]
        # Named in the reader's language (the records chosen are the source-language ones).
        field_classes = {
            "organisation": LocalizedModelChoiceField,
            "country": LocalizedModelChoiceField,
            "topics": LocalizedModelMultipleChoiceField,
        }
        widgets = {
            "topics": forms.CheckboxSelectMultiple,
            "bio": MarkdownTextarea(attrs={"rows": 5}),
            "profile_visibility": forms.RadioSelect,
            "message_policy": forms.RadioSelect,
        }
        help_texts = {
            "bio": _(
                "A few lines about you and your work. Markdown: **bold**, _italics_, lists "
                "with - or 1., [text](https://link)."
            ),
            "profile_visibility": _(
                "Hidden profiles are not listed in the directory or on organisation pages."
            ),
            "message_policy": _(
                "Conversations you already have go on; this decides who may start a new one."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = _default_locale(Organisation.objects.all())
        self.fields["country"].queryset = _default_locale(Country.objects.all())
        self.fields["topics"].queryset = _default_locale(Topic.objects.all())
        if not self.is_bound:
            self.initial["languages"] = self.instance.languages
            self.initial.setdefault("time_zone", self.instance.time_zone or settings.TIME_ZONE)
        self.fields["message_policy"].required = False

    def clean_message_policy(self):
        # Left out of a post (an older form, a client that sends only what changed), the
        # member's choice stays as it was.
        return self.cleaned_data.get("message_policy") or self.instance.message_policy

    def clean_avatar(self):
        upload = self.cleaned_data.get("avatar")
        if upload is False:  # "clear" ticked
            return False
        if upload and upload is not self.instance.avatar and hasattr(upload, "content_type"):
            return reencode_avatar(upload)
        return upload

    def save(self, commit=True):
        user = super().save(commit=False)
        user.languages = self.cleaned_data.get("languages", [])
        if commit:
            user.save()
            self.save_m2m()
        return user
