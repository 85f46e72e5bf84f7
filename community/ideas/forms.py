"""The idea form: the proposal's fields, attachments checked by content, nothing typed lost."""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.antispam import AntispamMixin
from cms.i18n import LocalizedModelChoiceField, LocalizedModelMultipleChoiceField
from cms.models import Organisation, Topic
from cms.uploads import check_attachment
from community.ideas.models import RICH_TEXT_FIELDS, Idea
from community.members.writing import MarkdownTextarea
from community.organisations.permissions import member_organisation_ids

__all__ = ["IdeaForm", "InviteCoAuthorForm"]

RICH_TEXT_HELP = _(
    "Markdown: **bold**, _italics_, lists with - or 1., > for a quote, # for a heading, "
    "[text](https://link). Name a co-author with @ and their name."
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class IdeaForm(AntispamMixin, forms.ModelForm):
    new_attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_(
            "PDF, images or office documents. Files you already attached are listed above."
        ),
        widget=MultipleFileInput(
            attrs={"accept": ".pdf,.jpg,.jpeg,.png,.webp,.docx,.xlsx,.pptx,.odt,.ods,.odp"}
        ),
    )

    class Meta:
        model = Idea
        fields = [
            "title",
            "summary",
            "language",
            "organisation",
            "problem",
            "solution",
            "target_group",
            "impact",
            "team",
            "budget_estimate",
            "topics",
        ]
        # Named in the reader's language (the records chosen are the source-language ones).
        field_classes = {
            "organisation": LocalizedModelChoiceField,
            "topics": LocalizedModelMultipleChoiceField,
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "problem": MarkdownTextarea(attrs={"rows": 6}),
            "solution": MarkdownTextarea(attrs={"rows": 8}),
            "target_group": MarkdownTextarea(attrs={"rows": 4}),
            "impact": MarkdownTextarea(attrs={"rows": 5}),
            "team": MarkdownTextarea(attrs={"rows": 4}),
            "topics": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "summary": _("Two or three sentences, plain text; shown in the gallery."),
            "language": _("The language you write in."),
            **dict.fromkeys(RICH_TEXT_FIELDS, RICH_TEXT_HELP),
        }

    def __init__(self, *args, call, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.fields["title"].widget.attrs["data-similar-source"] = "title"
        self.fields["summary"].widget.attrs["data-similar-source"] = "summary"
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=member_organisation_ids(user)
        )
        self.fields["organisation"].help_text = _(
            "Only organisations you are a member of are listed."
        )
        self.fields["topics"].queryset = Topic.objects.filter(locale=Locale.get_default())
        if not self.is_bound and self.instance.pk is None:
            self.initial.setdefault("language", getattr(user, "preferred_language", "en"))
        if self.instance.pk is not None:
            # @-names among the idea's authors (a new idea has no co-authors yet).
            mentions_url = reverse("community:idea_mentions", args=[self.instance.pk])
            for name in RICH_TEXT_FIELDS:
                self.fields[name].widget.mentions_url = mentions_url
        for name in RICH_TEXT_FIELDS:
            self.fields[name].strip = False  # Markdown: leading spaces can mean code

    def clean_new_attachments(self):
        uploads = self.cleaned_data.get("new_attachments") or []
        existing = self.instance.attachments.count() if self.instance.pk else 0
        if existing + len(uploads) > self.call.max_attachments:
            raise ValidationError(
                _("An idea can have at most %(count)d attachments."),
                params={"count": self.call.max_attachments},
                code="too_many",
            )
        errors = []
        for upload in uploads:
            try:
                check_attachment(upload, self.call.max_attachment_bytes)
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return uploads


class InviteCoAuthorForm(forms.Form):
    email = forms.EmailField(
        label=_("Co-author's email address"),
        help_text=_(
            "They must already have an account; they accept by following the emailed link."
        ),
    )
